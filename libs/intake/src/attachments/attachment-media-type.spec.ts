import { sniffMediaType } from './attachment-media-type';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it('recognises a JPEG by its start-of-image marker', () => {
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'))).toBe('image/jpeg');
  });

  it('recognises a PNG by its eight-byte signature', () => {
    expect(sniffMediaType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'))).toBe('image/png');
  });

  it('recognises a WebP by RIFF and WEBP at byte 8', () => {
    expect(sniffMediaType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('recognises a PDF by its header', () => {
    expect(sniffMediaType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
  });

  it('refuses a Windows program whatever it is called', () => {
    expect(sniffMediaType(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeNull();
  });

  it('refuses other RIFF files such as WAV audio', () => {
    expect(sniffMediaType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
  });

  it('refuses SVG, HTML and text, which a browser could run as script', () => {
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffMediaType(bytes('<!doctype html><p>hi'))).toBeNull();
    expect(sniffMediaType(bytes('just text'))).toBeNull();
  });

  it('refuses a PNG signature cut short and an empty file', () => {
    expect(sniffMediaType(bytes([0x89], 'PNG'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });

  it('refuses a PDF header that does not start the file', () => {
    expect(sniffMediaType(bytes(' %PDF-1.7'))).toBeNull();
  });
});
