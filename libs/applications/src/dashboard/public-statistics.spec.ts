import { publishable } from './public-statistics.service';

describe('public statistics lines', () => {
  const line = (received: number) => ({ received, answered: received - 1, answeredWithinDeadline: 1, medianDaysToAnswer: 4.5, withheld: false });

  it('publishes a line made up of at least the minimum number of applications as it is', () => {
    expect(publishable(line(10), 10)).toEqual(line(10));
  });

  it('withholds every figure of a smaller line, so that nobody can tell one case from it', () => {
    expect(publishable(line(3), 10)).toEqual({ received: null, answered: null, answeredWithinDeadline: null, medianDaysToAnswer: null, withheld: true });
  });
});
