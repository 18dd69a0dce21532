import { findPhoneNumbers } from './phone-number';

const found = (text: string, country: 'TR' | 'BR' = 'TR') => findPhoneNumbers(text, country).map((f) => text.slice(f.start, f.end));

describe('phone numbers', () => {
  it('are found as Turks write them, national and international', () => {
    expect(found('Telefonum 0532 412 76 93, lütfen arayın.')).toEqual(['0532 412 76 93']);
    expect(found('Beni +90 532 412 7693 numarasından arayın')).toEqual(['+90 532 412 7693']);
    expect(found('Sabit hattım (0212) 555 12 34.')).toEqual(['(0212) 555 12 34']);
    expect(found('cep 5321234567 ara')).toEqual(['5321234567']);
    expect(found('0090 537 223 41 88 ya da 0532-604-18-27')).toEqual(['0090 537 223 41 88', '0532-604-18-27']);
  });

  it('are found with a country code from anywhere', () => {
    expect(found('Call me on +44 20 7946 0958 or +55 11 91234-5678.')).toEqual(['+44 20 7946 0958', '+55 11 91234-5678']);
  });

  it('are read as national numbers of the default country', () => {
    expect(found('Meu celular é (11) 91234-5678.', 'BR')).toEqual(['(11) 91234-5678']);
    expect(found('Meu celular é (11) 91234-5678.', 'TR')).toEqual([]);
  });

  it('stay two numbers when a comma, a semicolon or only a space separates them', () => {
    expect(found('0532 412 76 93, 0533 901 44 72')).toEqual(['0532 412 76 93', '0533 901 44 72']);
    expect(found('0532 412 76 93; 0533 901 44 72')).toEqual(['0532 412 76 93', '0533 901 44 72']);
    expect(found('0532 412 76 93 0533 901 44 72')).toEqual(['0532 412 76 93', '0533 901 44 72']);
    expect(found('daire 12 0532 412 76 93')).toEqual(['0532 412 76 93']);
  });

  it('leave the numbers of companies and public bodies readable', () => {
    expect(found('444 0 444, 0850 222 0 333 ve 0800 211 00 00 numaralarını aradım')).toEqual([]);
  });

  it('leave bare digits after the label of another number alone, but not a number written as a phone', () => {
    expect(found('abone no 2125551234, sayaç no 3124151000')).toEqual([]);
    expect(found('abone no 0212 555 12 34')).toEqual(['0212 555 12 34']);
  });

  it('leave dates, times, amounts and years alone', () => {
    expect(found('07.12.2026 saat 14:30, 2026-12-07 10:00-12:00, tutar 1.250.000,00 TL, 2026 yılı, posta kodu 34710')).toEqual([]);
  });
});
