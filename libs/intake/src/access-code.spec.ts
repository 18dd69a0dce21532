import { AccessCodes } from './access-code';
import { loadEnvironment } from '@petitio/platform';

describe('access codes', () => {
  const codes = new AccessCodes(loadEnvironment({ ACCESS_CODE_SECRET: 'a'.repeat(40) }));
  const other = new AccessCodes(loadEnvironment({ ACCESS_CODE_SECRET: 'b'.repeat(40) }));

  it('are 8 digits, the same every time for one tracking number', () => {
    const code = codes.issue('48273915602');
    expect(code).toMatch(/^\d{8}$/);
    expect(codes.issue('48273915602')).toBe(code);
  });

  it('differ between tracking numbers and between secrets', () => {
    expect(codes.issue('48273915602')).not.toBe(codes.issue('48273915610'));
    expect(codes.issue('48273915602')).not.toBe(other.issue('48273915602'));
  });

  it('match only the right code, accepting spaces and dashes people type', () => {
    const code = codes.issue('48273915602');
    expect(codes.matches('48273915602', code)).toBe(true);
    expect(codes.matches('48273915602', `${code.slice(0, 4)} ${code.slice(4)}`)).toBe(true);
    expect(codes.matches('48273915602', String((Number(code) + 1) % 1e8).padStart(8, '0'))).toBe(false);
    expect(codes.matches('48273915602', '')).toBe(false);
    expect(codes.matches('48273915602', `${code}0`)).toBe(false);
  });
});
