import { RedactionFinding } from './redaction-finding';
import { strongestFindings } from './strongest-findings';

const at = (kind: RedactionFinding['kind'], start: number, end: number): RedactionFinding => ({ kind, start, end });

describe('strongest findings', () => {
  it('let a checksummed kind win over a phone or a plate it overlaps', () => {
    expect(strongestFindings([at('phone', 0, 12), at('card', 0, 19)])).toEqual([at('card', 0, 19)]);
    expect(strongestFindings([at('plate', 5, 12), at('iban', 0, 32)])).toEqual([at('iban', 0, 32)]);
    expect(strongestFindings([at('national_id', 2, 13), at('phone', 0, 16)])).toEqual([at('national_id', 2, 13)]);
  });

  it('let the longer of two equally strong findings win', () => {
    expect(strongestFindings([at('phone', 0, 10), at('phone', 0, 14)])).toEqual([at('phone', 0, 14)]);
  });

  it('keep findings that do not overlap, in text order', () => {
    expect(strongestFindings([at('email', 20, 30), at('plate', 0, 9)])).toEqual([at('plate', 0, 9), at('email', 20, 30)]);
  });
});
