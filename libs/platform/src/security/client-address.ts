import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * A client address as counters and tables keep it: an HMAC with the server secret, never the address itself.
 * `purpose` keeps the keys of one limit from matching another's.
 */
export function clientAddressHash(secret: string, address: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}:${address}`).digest();
}

/**
 * The address cut to its network, for the owner's lockout notice: enough to tell "my office" from "abroad",
 * not enough to name a device. 203.0.113.7 → 203.0.113.x; 2001:db8:1:2::7 → 2001:db8:1::/48.
 */
export function clientAddressHint(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const v4 = mapped ?? address;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.x`;
  if (isIPv6(address)) {
    const [head, tail = ''] = address.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
    const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
    return `${groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return 'x';
}
