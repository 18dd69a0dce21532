import { formatTrackingNumber, generateTrackingNumber } from '../../../applications/src/tracking-number';
import { findTrackingNumbers } from './tracking-number';

const found = (text: string) => findTrackingNumbers(text).map((s) => text.slice(s.start, s.end));

describe('tracking numbers in free text', () => {
  it('are recognised grouped as they are shown, with dashes, spaces or dots', () => {
    for (let i = 0; i < 200; i++) {
      const shown = formatTrackingNumber(generateTrackingNumber());
      for (const written of [shown, shown.replace(/-/g, ' '), shown.replace(/-/g, '.')]) expect(found(`Başvuru ${written} hakkında`)).toEqual([written]);
    }
  });

  it('need the Damm check to pass', () => {
    expect(found('Başvuru 9367-5792-035')).toEqual([]);
  });

  it('run together, count only when a label says tracking or application, before or after', () => {
    expect(found('Takip numarası 74601582722 olan şikâyetim')).toEqual(['74601582722']);
    expect(found('74601582722 numaralı başvurum')).toEqual(['74601582722']);
    expect(found('Case 74601582722 is open')).toEqual(['74601582722']);
    expect(found('74601582722 yazdım')).toEqual([]);
  });

  it('run together, give way to a nearer identity label', () => {
    expect(found('Başvuru sahibinin TC kimlik numarası 74601582722')).toEqual([]);
  });

  it('are not cut out of a longer run in the same grouping', () => {
    expect(found('9367-5792-034-12 ve 12-9367-5792-034')).toEqual([]);
  });
});
