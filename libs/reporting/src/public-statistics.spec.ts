import { publishable, publishableList } from './public-statistics.service';

describe('public statistics lines', () => {
  const line = (received: number) => ({ received, answered: received - 1, answeredWithinDeadline: 1, medianDaysToAnswer: 4.5, withheld: false });

  it('publishes a line made up of at least the minimum number of applications as it is', () => {
    expect(publishable(line(10), 10)).toEqual(line(10));
  });

  it('withholds every figure of a smaller line, so that nobody can tell one case from it', () => {
    expect(publishable(line(3), 10)).toEqual({ received: null, answered: null, answeredWithinDeadline: null, medianDaysToAnswer: null, withheld: true });
  });

  it('withholds the smallest other line too when a list would withhold only one, so it cannot be had by subtraction', () => {
    const lines = [
      { type: 'complaint', ...line(40) },
      { type: 'petition', ...line(3) },
      { type: 'request', ...line(12) },
      { type: 'suggestion', ...line(15) },
    ];
    expect(publishableList(lines, 10).map((l) => [l.type, l.withheld, l.received])).toEqual([
      ['complaint', false, 40],
      ['petition', true, null],
      ['request', true, null],
      ['suggestion', false, 15],
    ]);
  });

  it('leaves a list alone when it withholds none, or two or more already', () => {
    const none = [
      { type: 'complaint', ...line(40) },
      { type: 'request', ...line(12) },
    ];
    expect(publishableList(none, 10).map((l) => l.withheld)).toEqual([false, false]);
    const two = [
      { type: 'complaint', ...line(40) },
      { type: 'petition', ...line(3) },
      { type: 'request', ...line(4) },
      { type: 'suggestion', ...line(15) },
    ];
    expect(publishableList(two, 10).map((l) => l.withheld)).toEqual([false, true, true, false]);
  });
});
