import { fitSmsText, smsSegments } from './sms-segments';
import { lettersWithoutMarks, parseLetters, smsLetters } from './sms-without-marks';

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one message and splits longer texts in parts of 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 306 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3, characters: 307 });
  });

  it('counts extension characters (€ [ ] { } ^ ~ | \\) as two septets and never splits one across parts', () => {
    expect(smsSegments('€')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 2 });
    expect(smsSegments('[x]{y}^~|\\').characters).toBe(18); // eight pairs and two letters
    expect(smsSegments('a'.repeat(158) + '€')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments('a'.repeat(159) + '€')).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161 });
    // 152 septets then € (2): the pair does not fit in part one's last septet, so it starts part two.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3); // 306 septets, yet three parts
    expect(smsSegments('a'.repeat(151) + '€' + 'a'.repeat(153)).segments).toBe(2);
  });

  it('knows which Turkish letters are GSM-7: Ç Ö Ü ö ü are, ç ş Ş ğ Ğ ı İ are not', () => {
    for (const letter of ['Ç', 'Ö', 'Ü', 'ö', 'ü']) expect(smsSegments(`Kurum ${letter}`).encoding).toBe('GSM-7');
    for (const letter of ['ç', 'ş', 'Ş', 'ğ', 'Ğ', 'ı', 'İ']) expect(smsSegments(`Kurum ${letter}`).encoding).toBe('UCS-2');
  });

  it('fits 70 UCS-2 units in one message and 67 per part, an emoji counting two', () => {
    expect(smsSegments('ş'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 });
    expect(smsSegments('ş'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, characters: 71 });
    expect(smsSegments('ş'.repeat(134))).toEqual({ encoding: 'UCS-2', segments: 2, characters: 134 });
    expect(smsSegments('😀')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 2 });
    expect(smsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 });
    // 66 units then an emoji: the pair moves whole to part two.
    expect(smsSegments('ş'.repeat(66) + '😀' + 'ş'.repeat(66)).segments).toBe(3);
  });

  it('counts an empty text as one message', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 0 });
  });
});

describe('fitting an SMS text', () => {
  const turkish =
    'Kurum, 4827-3915-602 numaralı başvurunuzu yanıtladı. Yanıt: Su kesintisi giderildi; İSKİ ekipleri çalışmayı bitirdi. Öğle saatinde Üsküdar’da değil Kadıköy’de.';

  it('writes Turkish letters without their marks when only they keep the text out of GSM-7, saving segments', () => {
    const asIs = smsSegments(turkish.replace(/’/g, "'"));
    const fitted = fitSmsText(turkish.replace(/’/g, "'"), lettersWithoutMarks('tr'));
    expect(asIs).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(fitted).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(fitted.text).toBe(
      "Kurum, 4827-3915-602 numarali basvurunuzu yanitladi. Yanit: Su kesintisi giderildi; ISKI ekipleri calismayi bitirdi. Ögle saatinde Üsküdar'da degil Kadiköy'de.",
    );
  });

  it('keeps the text as written when transliteration is off, or when something else needs UCS-2 anyway', () => {
    expect(fitSmsText('başvurunuz', smsLetters(false, 'tr'))).toMatchObject({ text: 'başvurunuz', encoding: 'UCS-2' });
    expect(fitSmsText(turkish, lettersWithoutMarks('tr'))).toMatchObject({ text: turkish, encoding: 'UCS-2' }); // ’ is not GSM-7
    expect(fitSmsText('başvurunuz 😀', lettersWithoutMarks('tr'))).toMatchObject({ text: 'başvurunuz 😀', encoding: 'UCS-2' });
    expect(fitSmsText('Your application', lettersWithoutMarks('en'))).toMatchObject({ text: 'Your application', encoding: 'GSM-7', segments: 1 });
  });

  it('writes Portuguese without the marks GSM-7 lacks, keeping those it has (é, à, ü), and the letters only of the language the text is in', () => {
    const portuguese = 'Sua manifestação foi respondida. Situação: concluída; até amanhã, às 9h, a equipe estará lá.';
    const fitted = fitSmsText(portuguese, lettersWithoutMarks('pt'));
    expect(smsSegments(portuguese)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(fitted).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(fitted.text).toBe('Sua manifestacao foi respondida. Situacao: concluida; até amanha, às 9h, a equipe estara la.');
    // Turkish rules do not reach a Portuguese text, nor Portuguese ones a Turkish text, nor any an Arabic one.
    expect(fitSmsText(portuguese, lettersWithoutMarks('tr')).encoding).toBe('UCS-2');
    expect(fitSmsText('başvurunuz', lettersWithoutMarks('pt')).text).toBe('başvurunuz');
    expect(lettersWithoutMarks('ar')).toEqual({});
  });

  it("reads a language's letters from its catalog, leaving out pairs that would not make the text GSM-7", () => {
    expect(parseLetters('ş=s  ğ=g é=e ã=ä ő=ő x')).toEqual({ ş: 's', ğ: 'g', ã: 'ä' });
  });
});
