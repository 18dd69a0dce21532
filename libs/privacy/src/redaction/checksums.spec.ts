import { dammCheckDigit } from '@petitio/platform';
import { generateTrackingNumber } from '../../../applications/src/tracking-number';
import { passesDamm, passesLuhn, passesMod97 } from './checksums';

describe('checksums', () => {
  it('Luhn accepts the published test card numbers and refuses them with one digit changed', () => {
    for (const card of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) {
      expect(passesLuhn(card)).toBe(true);
      expect(passesLuhn(card.slice(0, -1) + ((Number(card.slice(-1)) + 1) % 10))).toBe(false);
    }
  });

  it('mod 97 accepts the IBAN examples of the registry, letters in the account included', () => {
    expect(passesMod97('TR330006100519786457841326')).toBe(true);
    expect(passesMod97('GB82WEST12345698765432')).toBe(true);
    expect(passesMod97('DE89370400440532013000')).toBe(true);
    expect(passesMod97('TR330006100519786457841327')).toBe(false);
  });

  it('Damm agrees with the tracking numbers the applications lib draws', () => {
    for (let i = 0; i < 2000; i++) expect(passesDamm(generateTrackingNumber())).toBe(true);
    for (const body of ['0000000000', '1234567890', '9999999999']) {
      const wrong = (dammCheckDigit(body) + 1) % 10;
      expect(passesDamm(body + String(wrong))).toBe(false);
    }
  });
});
