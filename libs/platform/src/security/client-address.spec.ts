import { clientAddressHash, clientAddressHint } from './client-address';

describe('client addresses as counters keep them', () => {
  it('hides the last part of an IPv4 address, mapped or not', () => {
    expect(clientAddressHint('203.0.113.7')).toBe('203.0.113.x');
    expect(clientAddressHint('::ffff:203.0.113.7')).toBe('203.0.113.x');
  });

  it('keeps only the /48 network of an IPv6 address', () => {
    expect(clientAddressHint('2001:db8:1:2::7')).toBe('2001:db8:1::/48');
    expect(clientAddressHint('2001:0db8::1')).toBe('2001:db8:0::/48');
    expect(clientAddressHint('::1')).toBe('0:0:0::/48');
  });

  it('says nothing of something that is not an address', () => {
    expect(clientAddressHint('unix socket')).toBe('x');
  });

  it('stores an address as a keyed hash that differs per secret and per address', () => {
    const a = clientAddressHash('s'.repeat(32), '203.0.113.7', 'sign-in-client');
    expect(a).toHaveLength(32);
    expect(a.toString('hex')).not.toContain('203');
    expect(a.equals(clientAddressHash('t'.repeat(32), '203.0.113.7', 'sign-in-client'))).toBe(false);
    expect(a.equals(clientAddressHash('s'.repeat(32), '203.0.113.8', 'sign-in-client'))).toBe(false);
    expect(a.equals(clientAddressHash('s'.repeat(32), '203.0.113.7', 'lookup-client'))).toBe(false);
  });
});
