import { sanitiseFileName } from './attachment-name';

describe('sanitiseFileName', () => {
  it('keeps an ordinary name, letters of any script included', () => {
    expect(sanitiseFileName('Su faturası – Kadıköy.pdf')).toBe('Su faturası – Kadıköy.pdf');
    expect(sanitiseFileName('صورة.jpg')).toBe('صورة.jpg');
  });

  it('drops folders, Windows and Unix alike', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\ayse\\Desktop\\photo.png')).toBe('photo.png');
  });

  it('removes control characters and right-to-left overrides that disguise an extension', () => {
    expect(sanitiseFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(sanitiseFileName('a\u0000b\r\nc.png')).toBe('abc.png');
  });

  it('does not keep leading dots that would hide the file', () => {
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
  });

  it('shortens a long name to 120 characters and keeps its extension', () => {
    const name = sanitiseFileName(`${'x'.repeat(300)}.jpeg`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.jpeg')).toBe(true);
  });

  it('names a file with nothing usable left "attachment"', () => {
    expect(sanitiseFileName('')).toBe('attachment');
    expect(sanitiseFileName(undefined)).toBe('attachment');
    expect(sanitiseFileName('../')).toBe('attachment');
    expect(sanitiseFileName('\u202E\u0007')).toBe('attachment');
  });
});
