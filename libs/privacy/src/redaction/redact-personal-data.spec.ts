import { REDACTION_PLACEHOLDERS, redactPersonalData } from './index';

describe('redacting personal data', () => {
  it('replaces each identifier with the placeholder of its kind and gives offsets into the original text', () => {
    const text = 'Kimlik numaram 31225441002, telefonum 0532 412 76 93, e-posta ayse.kaya@gmail.com.';
    const { text: redacted, findings } = redactPersonalData(text);
    expect(redacted).toBe('Kimlik numaram [ID], telefonum [PHONE], e-posta [EMAIL].');
    expect(findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['national_id', '31225441002'],
      ['phone', '0532 412 76 93'],
      ['email', 'ayse.kaya@gmail.com'],
    ]);
  });

  it('has one placeholder per kind, the same in every language', () => {
    expect(REDACTION_PLACEHOLDERS).toEqual({ national_id: '[ID]', phone: '[PHONE]', email: '[EMAIL]', iban: '[IBAN]', plate: '[PLATE]', card: '[CARD]' });
  });

  it('redacts IBANs, cards and plates in one text', () => {
    const text = 'IBAN TR33 0006 1005 1978 6457 8413 26, kart 4111 1111 1111 1111, plaka 34 ABC 123.';
    expect(redactPersonalData(text).text).toBe('IBAN [IBAN], kart [CARD], plaka [PLATE].');
  });

  it('never touches a tracking number, even one that passes the national id check too', () => {
    const text = 'Başvuru 9367-5792-034 ve takip numarası 74601582722 hâlâ açık.';
    expect(redactPersonalData(text)).toEqual({ text, findings: [] });
  });

  it('leaves dates, times, amounts and article numbers as they are', () => {
    const text = "07.12.2026 saat 14:30'da, 7 Aralık 2026, 1.250,00 TL, 3071 sayılı Kanun'un 7. maddesi, Madde 34.";
    expect(redactPersonalData(text)).toEqual({ text, findings: [] });
  });

  it('reads national phone numbers in the country it is told', () => {
    expect(redactPersonalData('ligue (11) 91234-5678', { defaultCountry: 'BR' }).text).toBe('ligue [PHONE]');
    expect(redactPersonalData('ligue (11) 91234-5678').text).toBe('ligue (11) 91234-5678');
  });

  it('returns a text without digits or @ as it came', () => {
    const text = 'Moda Caddesi üzerinde üç gündür şebeke suyu akmıyor.';
    expect(redactPersonalData(text)).toEqual({ text, findings: [] });
  });

  it('takes time in proportion to the text, even on one long run of digits', () => {
    const start = performance.now();
    expect(redactPersonalData('1'.repeat(100_000)).findings).toEqual([]);
    expect(redactPersonalData('0532 412 76 93 '.repeat(2000)).findings).toHaveLength(2000);
    expect(performance.now() - start).toBeLessThan(3000); // a pattern retried at every digit of the run takes seconds here
  });
});
