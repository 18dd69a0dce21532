import { findPaymentCards, hasKnownIssuer } from './payment-card';

const found = (text: string) => findPaymentCards(text).map((f) => text.slice(f.start, f.end));

describe('payment cards', () => {
  it('are found in fours, with dashes, run together and in the Amex and Diners grouping', () => {
    expect(found('4111 1111 1111 1111; 5555-5555-5555-4444; 9792194195688282')).toEqual(['4111 1111 1111 1111', '5555-5555-5555-4444', '9792194195688282']);
    expect(found('Amex 3782 822463 10005, Diners 3056 930902 5904')).toEqual(['3782 822463 10005', '3056 930902 5904']);
  });

  it('stop at the card when other numbers follow it', () => {
    expect(found('Kart 4111 1111 1111 1111 2028')).toEqual(['4111 1111 1111 1111']);
  });

  it('need a Luhn check that passes', () => {
    expect(found('sipariş 4082 1584 9792 9250')).toEqual([]);
  });

  it('need the prefix and length of a card network', () => {
    expect(hasKnownIssuer('4111111111111111')).toBe(true);
    expect(hasKnownIssuer('2221000000000009')).toBe(true);
    expect(hasKnownIssuer('9792194195688282')).toBe(true);
    expect(hasKnownIssuer('371449635398431')).toBe(true);
    expect(hasKnownIssuer('1234567812345670')).toBe(false);
    expect(hasKnownIssuer('37144963539843')).toBe(false);
  });

  it('are not read in mixed separators or in groups no card is printed in', () => {
    expect(found('4111 1111-1111 1111 and 41 1111 1111 1111 11')).toEqual([]);
  });
});
