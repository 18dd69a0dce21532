import { csvCell, csvLine } from './csv';

describe('dashboard CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvLine(['İSKİ, Kadıköy', 'say "hi"', 3, null])).toBe('"İSKİ, Kadıköy","say ""hi""",3,\r\n');
  });

  it('keeps a spreadsheet from running text as a formula, but leaves negative numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
  });
});
