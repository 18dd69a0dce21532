import { findIbans, isIban } from './iban';

const found = (text: string) => findIbans(text).map((f) => text.slice(f.start, f.end));

describe('IBANs', () => {
  it('need their country length and the mod-97 check', () => {
    expect(isIban('TR330006100519786457841326')).toBe(true);
    expect(isIban('TR33000610051978645784132')).toBe(false);
    expect(isIban('TR330006100519786457841327')).toBe(false);
    expect(isIban('XX330006100519786457841326')).toBe(false);
  });

  it('are found in groups of four or run together', () => {
    expect(found('IBAN: TR33 0006 1005 1978 6457 8413 26 (Ziraat)')).toEqual(['TR33 0006 1005 1978 6457 8413 26']);
    expect(found('hesabım TR330006100519786457841326.')).toEqual(['TR330006100519786457841326']);
  });

  it('are found for any country, letters in the account included', () => {
    expect(found('GB82 WEST 1234 5698 7654 32 or DE89370400440532013000')).toEqual(['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000']);
    expect(found('tr33 0006 1005 1978 6457 8413 26')).toEqual(['tr33 0006 1005 1978 6457 8413 26']);
  });

  it('end at their length, so the words and numbers after them stay', () => {
    const text = 'TR33 0006 1005 1978 6457 8413 26 12 Mart';
    expect(found(text)).toEqual(['TR33 0006 1005 1978 6457 8413 26']);
  });

  it('are refused when the check fails or the run is longer than the country allows', () => {
    expect(found('TR33 0006 1005 1978 6457 8413 27')).toEqual([]);
    expect(found('TR3300061005197864578413261')).toEqual([]);
  });
});
