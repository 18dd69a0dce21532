import { dammCheckDigit, formatTrackingNumber, generateTrackingNumber, parseTrackingNumber } from './tracking-number';

describe('tracking numbers', () => {
  it('are 11 digits whose Damm check digit validates', () => {
    for (let i = 0; i < 1000; i++) {
      const n = generateTrackingNumber();
      expect(n).toMatch(/^\d{11}$/);
      expect(parseTrackingNumber(n)).toEqual({ ok: true, value: n });
    }
  });

  it('are not sequential: a thousand draws are all different and spread over the range', () => {
    const drawn = Array.from({ length: 1000 }, generateTrackingNumber);
    expect(new Set(drawn).size).toBe(1000);
    const firstDigits = new Set(drawn.map((n) => n[0]));
    expect(firstDigits.size).toBe(10);
  });

  it('catch every single-digit typo', () => {
    const n = generateTrackingNumber();
    for (let pos = 0; pos < n.length; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === n[pos]) continue;
        const typo = n.slice(0, pos) + d + n.slice(pos + 1);
        expect(parseTrackingNumber(typo)).toEqual({ ok: false, reason: 'check_digit' });
      }
    }
  });

  it('catch every swap of two different adjacent digits', () => {
    for (let k = 0; k < 50; k++) {
      const n = generateTrackingNumber();
      for (let pos = 0; pos < n.length - 1; pos++) {
        if (n[pos] === n[pos + 1]) continue;
        const swapped = n.slice(0, pos) + n[pos + 1] + n[pos] + n.slice(pos + 2);
        expect(parseTrackingNumber(swapped).ok).toBe(false);
      }
    }
  });

  it('accept what people type: dashes, spaces and dots', () => {
    const n = generateTrackingNumber();
    const shown = formatTrackingNumber(n);
    expect(shown).toMatch(/^\d{4}-\d{4}-\d{3}$/);
    expect(parseTrackingNumber(shown)).toEqual({ ok: true, value: n });
    expect(parseTrackingNumber(` ${shown.replace(/-/g, ' ')} `)).toEqual({ ok: true, value: n });
    expect(parseTrackingNumber(shown.replace(/-/g, '.'))).toEqual({ ok: true, value: n });
  });

  it('refuse the wrong length or letters as a format problem', () => {
    expect(parseTrackingNumber('1234')).toEqual({ ok: false, reason: 'format' });
    expect(parseTrackingNumber('1234567890123')).toEqual({ ok: false, reason: 'format' });
    expect(parseTrackingNumber('ABCD-1234-567')).toEqual({ ok: false, reason: 'format' });
    expect(parseTrackingNumber('')).toEqual({ ok: false, reason: 'format' });
  });

  it('compute the published Damm check digit (572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe(4);
  });
});
