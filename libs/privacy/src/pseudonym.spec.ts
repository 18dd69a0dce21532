import { pseudonymOf } from './pseudonym';

describe('pseudonymOf', () => {
  it('gives each application four unambiguous characters, the same every time', () => {
    const id = '3f0c1e52-6a7b-4c1d-9e2f-0a1b2c3d4e5f';
    expect(pseudonymOf(id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(pseudonymOf(id)).toBe(pseudonymOf(id));
  });

  it('spreads applications over many pseudonyms', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(new Set(ids.map(pseudonymOf)).size).toBeGreaterThan(950);
  });
});
