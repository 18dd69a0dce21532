import { REDACTION_KINDS, RedactionKind } from './redaction-finding';
import { redactionFigures } from './redaction-figures';
import { redactPersonalData } from './redact-personal-data';
import { REDACTION_TEST_SET } from './redaction-test-set';

const BAR = 0.98;
const figures = redactionFigures();

describe('redaction quality on the test set', () => {
  it('is measured on enough sentences: 220 or more, about 60% Turkish, 60 or more without any identifier', () => {
    expect(figures.cases).toBeGreaterThanOrEqual(220);
    expect(figures.casesWithoutIdentifiers).toBeGreaterThanOrEqual(60);
    const turkish = REDACTION_TEST_SET.filter((c) => c.language === 'tr').length / figures.cases;
    expect(turkish).toBeGreaterThan(0.55);
    expect(turkish).toBeLessThan(0.65);
  });

  // The received object names the missed and wrongly redacted spans, so a failure says what went wrong.
  it(`finds ${BAR * 100}% or more of the identifiers, exactly`, () => {
    expect({ enough: figures.all.recall >= BAR, recall: figures.all.recall, missed: figures.missed }).toMatchObject({ enough: true });
  });

  it(`is right ${BAR * 100}% or more of the times it redacts`, () => {
    expect({ enough: figures.all.precision >= BAR, precision: figures.all.precision, wronglyRedacted: figures.wronglyRedacted }).toMatchObject({
      enough: true,
    });
  });

  it('finds 90% or more of each kind, so a weak detector does not hide behind the others', () => {
    expect(figures.byKind.filter((k) => k.recall < 0.9 || k.precision < 0.9)).toEqual([]);
  });

  it('never redacts a tracking number or a date of the set', () => {
    const touched = figures.keptButRedacted.filter((k) => k.kind === 'tracking' || k.kind === 'date');
    expect(touched).toEqual([]);
    expect(REDACTION_TEST_SET.flatMap((c) => c.kept).filter((k) => k.kind === 'tracking').length).toBeGreaterThanOrEqual(20);
    expect(REDACTION_TEST_SET.flatMap((c) => c.kept).filter((k) => k.kind === 'date').length).toBeGreaterThanOrEqual(20);
  });

  it('leaves the times, amounts, article and other numbers of the set alone too', () => {
    expect(figures.keptButRedacted).toEqual([]);
  });

  it.each(REDACTION_KINDS)('would fail without the %s detector', (kind: RedactionKind) => {
    const without = redactionFigures(REDACTION_TEST_SET, (text, options) => {
      const { findings } = redactPersonalData(text, options);
      return { findings: findings.filter((f) => f.kind !== kind) };
    });
    expect(without.all.recall).toBeLessThan(BAR);
  });
});
