import { findTurkishNationalIds, isTurkishNationalId } from './turkish-national-id';

const found = (text: string) => findTurkishNationalIds(text).map((f) => text.slice(f.start, f.end));

describe('Turkish national ids', () => {
  it('pass both check digits', () => {
    expect(isTurkishNationalId('10000000146')).toBe(true);
    expect(isTurkishNationalId('31225441002')).toBe(true);
  });

  it('fail with either check digit wrong, a leading 0 or the wrong length', () => {
    expect(isTurkishNationalId('10000000156')).toBe(false); // 10th
    expect(isTurkishNationalId('10000000147')).toBe(false); // 11th
    expect(isTurkishNationalId('01000000146')).toBe(false);
    expect(isTurkishNationalId('1000000014')).toBe(false);
  });

  it('are found in running text, after a label or not', () => {
    expect(found('Kimlik numaram 31225441002, lütfen kaydı düzeltin.')).toEqual(['31225441002']);
    expect(found('TCKN:29952883028')).toEqual(['29952883028']);
  });

  it('are not read out of longer numbers, amounts or dotted codes', () => {
    expect(found('sipariş 131225441002 ve 312254410021')).toEqual([]);
    expect(found('tutar 1.31225441002 ve 31225441002,50')).toEqual([]);
  });

  it('leave invoice numbers that fail the check alone', () => {
    expect(found('Fatura no 14858907307, abone no 50320752556')).toEqual([]);
  });
});
