import { findVehiclePlates } from './vehicle-plate';

const found = (text: string) => findVehiclePlates(text).map((f) => text.slice(f.start, f.end));

describe('vehicle plates', () => {
  it('are found in the Turkish shapes, spaced, dashed or run together', () => {
    expect(found('34 ABC 123, 06 AB 1234, 35A1234, 34-AB-123, 41 D 56789, 07 KLM 45')).toEqual([
      '34 ABC 123',
      '06 AB 1234',
      '35A1234',
      '34-AB-123',
      '41 D 56789',
      '07 KLM 45',
    ]);
  });

  it('need a province from 01 to 81 and as many digits as the letters allow', () => {
    expect(found('82 AB 123, 00 AB 123, 34 A 123, 34 AB 12, 34 ABC 1234, 34 AB 12345')).toEqual([]);
  });

  it('use no Q, W, X or Turkish-only letters', () => {
    expect(found('34 QW 123, 34 ŞÜ 123, 06 X 1234')).toEqual([]);
  });

  it('in lower case count only after the word plate', () => {
    expect(found('aracın plakası 34 abc 123')).toEqual(['34 abc 123']);
    expect(found('10 kat 20 daire ve 12 ay 500 lira')).toEqual([]);
  });

  it('are not article numbers, times, amounts or codes', () => {
    expect(found('Madde 34, saat 14:30, 80 TL 120 TL oldu, ISO 9001, INV-2026-004512, 1998 model')).toEqual([]);
  });

  it('are found in the Brazilian shapes, Mercosul and old', () => {
    expect(found('placa BRA2E19, antiga KTR-8812 e FZX4107')).toEqual(['BRA2E19', 'KTR-8812', 'FZX4107']);
  });
});
