import { periodLength, rollupSlices } from './rollup-slices';

describe('rollup slices', () => {
  it('reads the whole months of a year-long period from the monthly rollup and its ragged ends by day', () => {
    expect(rollupSlices('2025-11-27', '2026-11-26')).toEqual({ months: { from: '2025-12-01', before: '2026-11-01' } });
  });

  it('takes a period that starts on the first and ends on the last of a month as whole months only', () => {
    expect(rollupSlices('2026-01-01', '2026-02-28').months).toEqual({ from: '2026-01-01', before: '2026-03-01' });
    expect(rollupSlices('2024-02-01', '2024-02-29').months).toEqual({ from: '2024-02-01', before: '2024-03-01' });
  });

  it('reads a period inside one month, or across a month boundary without a whole month, by day only', () => {
    const within = rollupSlices('2026-11-03', '2026-11-26').months;
    expect(within.from).toBe(within.before);
    const across = rollupSlices('2026-10-28', '2026-11-26').months;
    expect(across.from).toBe(across.before);
  });

  it("counts a period's days with both ends included", () => {
    expect(periodLength('2026-11-26', '2026-11-26')).toBe(1);
    expect(periodLength('2026-10-28', '2026-11-26')).toBe(30);
    expect(periodLength('2026-03-01', '2026-03-31')).toBe(31);
  });
});
