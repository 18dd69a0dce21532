import { crc32, deflateSync } from 'node:zlib';
import { sniffMediaType } from './attachment-media-type';
import { stripImageMetadata } from './image-metadata';
import { UnreadableImageError } from './unreadable-image';
import { TINY_JPEG } from '../testing/sample-images';

/** A 1×1 WebP with alpha (the one browsers' feature tests use): RIFF, VP8X, ALPH, VP8. */
const TINY_WEBP = Buffer.from('UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==', 'base64');

const OWNER = 'Ayse Yilmaz';
const text = (value: string) => Buffer.from(value, 'latin1');

// --- Exif: a TIFF block as a phone writes it, with an owner and a GPS position.

type TiffEntry = { tag: number; type: 'ascii' | 'short' | 'long' | 'rational'; values: string | number[] };
const SIZES = { ascii: 1, short: 2, long: 4, rational: 8 };
const TYPES = { ascii: 2, short: 3, long: 4, rational: 5 };

function tiffValue(entry: TiffEntry, little: boolean): Buffer {
  if (typeof entry.values === 'string') return text(`${entry.values}\0`);
  const width = entry.type === 'short' ? 2 : 4;
  const value = Buffer.alloc(entry.values.length * width);
  entry.values.forEach((v, i) => value[`writeUInt${width * 8}${little ? 'LE' : 'BE'}` as 'writeUInt32LE'](v, i * width));
  return value;
}

/** One IFD starting at `offset` in the TIFF block, its long values right after it, no next IFD. */
function ifd(entries: TiffEntry[], offset: number, little: boolean): Buffer {
  const table = Buffer.alloc(2 + 12 * entries.length + 4);
  const w16 = (v: number, at: number) => (little ? table.writeUInt16LE(v, at) : table.writeUInt16BE(v, at));
  const w32 = (v: number, at: number) => (little ? table.writeUInt32LE(v, at) : table.writeUInt32BE(v, at));
  const outside: Buffer[] = [];
  let dataAt = offset + table.length;
  w16(entries.length, 0);
  entries.forEach((entry, i) => {
    const value = tiffValue(entry, little);
    const at = 2 + 12 * i;
    w16(entry.tag, at);
    w16(TYPES[entry.type], at + 2);
    w32(value.length / SIZES[entry.type], at + 4);
    if (value.length <= 4) value.copy(table, at + 8);
    else {
      w32(dataAt, at + 8);
      outside.push(value);
      dataAt += value.length;
    }
  });
  return Buffer.concat([table, ...outside]);
}

const GPS_LATITUDE = [41, 1, 0, 1, 2345, 100];
const GPS: TiffEntry[] = [
  { tag: 0x0001, type: 'ascii', values: 'N' },
  { tag: 0x0002, type: 'rational', values: GPS_LATITUDE },
  { tag: 0x0003, type: 'ascii', values: 'E' },
  { tag: 0x0004, type: 'rational', values: [29, 1, 1, 1, 4321, 100] },
];

function exifTiff({ little = false, orientation = 6 }: { little?: boolean; orientation?: number | null } = {}): Buffer {
  const header = Buffer.from(little ? [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0] : [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]);
  const entries = (gpsAt: number): TiffEntry[] => [
    { tag: 0x010f, type: 'ascii', values: 'PhoneMaker' },
    ...(orientation === null ? [] : [{ tag: 0x0112, type: 'short' as const, values: [orientation] }]),
    { tag: 0x013b, type: 'ascii', values: OWNER },
    { tag: 0xa431, type: 'ascii', values: 'SERIAL-0042' },
    { tag: 0x8825, type: 'long', values: [gpsAt] },
  ];
  const gpsAt = 8 + ifd(entries(0), 8, little).length;
  return Buffer.concat([header, ifd(entries(gpsAt), 8, little), ifd(GPS, gpsAt, little)]);
}

/** The GPS latitude as it sits in the file, to look for it after stripping. */
const latitudeBytes = (little = false) => tiffValue({ tag: 2, type: 'rational', values: GPS_LATITUDE }, little);

const hasNoMetadata = (bytes: Buffer) => {
  expect(bytes.includes(text(OWNER))).toBe(false);
  expect(bytes.includes(text('SERIAL-0042'))).toBe(false);
  expect(bytes.includes(latitudeBytes(false))).toBe(false);
  expect(bytes.includes(latitudeBytes(true))).toBe(false);
};

// --- JPEG

const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
const XMP = text(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${OWNER}</dc:creator><exif:GPSLatitude>41,0.39N</exif:GPSLatitude></x:xmpmeta>`);
const ICC = Buffer.concat([text('ICC_PROFILE\0'), Buffer.from([1, 1]), text('a colour profile')]);
const ADOBE = Buffer.concat([text('Adobe'), Buffer.from([0, 100, 0, 0, 0, 0, 0])]);
/** TINY_JPEG from its first table on: DQT, SOF0, DHT, DHT, SOS, scan data, EOI. */
const JPEG_TABLES_TO_EOI = TINY_JPEG.subarray(20);
const JFIF = TINY_JPEG.subarray(2, 20);

/** A phone photo: Exif with GPS, XMP, an ICC profile, MPF, IPTC, a comment, Adobe, and a video appended after EOI. */
function phoneJpeg(exif = exifTiff()): Buffer {
  return Buffer.concat([
    TINY_JPEG.subarray(0, 2),
    JFIF,
    segment(0xe1, Buffer.concat([text('Exif\0\0'), exif])),
    segment(0xe1, XMP),
    segment(0xe2, ICC),
    segment(0xe2, Buffer.concat([text('MPF\0'), exif])),
    segment(0xed, text(`Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x0b${OWNER}`)),
    segment(0xfe, text(`taken by ${OWNER}`)),
    segment(0xee, ADOBE),
    JPEG_TABLES_TO_EOI,
    text(`\0\0\0\x18ftypmp42 motion photo by ${OWNER}`),
  ]);
}

/** The Exif segment kept for a photo turned 90°: big-endian TIFF, IFD0 with Orientation = 6 only. */
const ORIENTATION_6 = Buffer.from('ffe10022457869660000' + '4d4d002a00000008' + '0001' + '011200030000000100060000' + '00000000', 'hex');

const scanOf = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));

describe('stripImageMetadata: JPEG', () => {
  it('drops Exif, XMP, IPTC, MPF and comments, keeps JFIF, the colour profile, Adobe and the picture, and the orientation alone', () => {
    const photo = phoneJpeg();
    expect(photo.includes(latitudeBytes())).toBe(true);
    const kept = stripImageMetadata('image/jpeg', photo);
    expect(kept.toString('hex')).toBe(
      Buffer.concat([TINY_JPEG.subarray(0, 2), JFIF, ORIENTATION_6, segment(0xe2, ICC), segment(0xee, ADOBE), JPEG_TABLES_TO_EOI]).toString('hex'),
    );
    expect(scanOf(kept)).toEqual(scanOf(TINY_JPEG));
    expect(sniffMediaType(kept)).toBe('image/jpeg');
    hasNoMetadata(kept);
    expect(kept.includes(text('PhoneMaker'))).toBe(false);
    expect(kept.includes(text('xmpmeta'))).toBe(false);
  });

  it('reads the orientation from little-endian Exif too', () => {
    const kept = stripImageMetadata('image/jpeg', phoneJpeg(exifTiff({ little: true, orientation: 8 })));
    expect(kept.subarray(20, 20 + ORIENTATION_6.length)).toEqual(Buffer.from(ORIENTATION_6.toString('hex').replace('00060000', '00080000'), 'hex'));
    hasNoMetadata(kept);
  });

  it('keeps no Exif at all for an upright photo or one without an orientation', () => {
    const expected = Buffer.concat([TINY_JPEG.subarray(0, 2), JFIF, segment(0xe2, ICC), segment(0xee, ADOBE), JPEG_TABLES_TO_EOI]);
    expect(stripImageMetadata('image/jpeg', phoneJpeg(exifTiff({ orientation: 1 })))).toEqual(expected);
    expect(stripImageMetadata('image/jpeg', phoneJpeg(exifTiff({ orientation: null })))).toEqual(expected);
  });

  it('leaves a JPEG without metadata byte for byte as it was', () => {
    expect(stripImageMetadata('image/jpeg', TINY_JPEG)).toEqual(TINY_JPEG);
  });

  it('follows the scan data past stuffed bytes and restart markers, and drops a comment between scans', () => {
    const sos = JPEG_TABLES_TO_EOI.subarray(0, JPEG_TABLES_TO_EOI.indexOf(Buffer.from([0xff, 0xda])) + 10);
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd1, 0x78]);
    const photo = Buffer.concat([
      TINY_JPEG.subarray(0, 2),
      sos,
      scan,
      segment(0xfe, text(OWNER)),
      sos.subarray(sos.length - 10),
      scan,
      Buffer.from([0xff, 0xd9]),
    ]);
    const kept = stripImageMetadata('image/jpeg', photo);
    expect(kept).toEqual(Buffer.concat([TINY_JPEG.subarray(0, 2), sos, scan, sos.subarray(sos.length - 10), scan, Buffer.from([0xff, 0xd9])]));
  });

  it('refuses a JPEG whose segments cannot be followed', () => {
    const garbage = Buffer.concat([TINY_JPEG.subarray(0, 20), text('not a marker'), JPEG_TABLES_TO_EOI]);
    expect(() => stripImageMetadata('image/jpeg', garbage)).toThrow(UnreadableImageError);
    const lengthOne = Buffer.concat([TINY_JPEG.subarray(0, 2), Buffer.from([0xff, 0xe1, 0x00, 0x01]), JPEG_TABLES_TO_EOI]);
    expect(() => stripImageMetadata('image/jpeg', lengthOne)).toThrow(UnreadableImageError);
  });
});

// --- PNG

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])); // 1×1, 8-bit grey
const IDAT = chunk('IDAT', deflateSync(Buffer.from([0, 0x80])));
const IEND = chunk('IEND', Buffer.alloc(0));
const GAMA = chunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]));
const PHYS = chunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]));

function phonePng(): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    IHDR,
    GAMA,
    chunk('eXIf', exifTiff()),
    chunk('tEXt', text(`Author\0${OWNER}`)),
    chunk('zTXt', Buffer.concat([text('Comment\0\0'), deflateSync(text(`taken by ${OWNER}`))])),
    chunk('iTXt', Buffer.concat([text('XML:com.adobe.xmp\0\0\0\0\0'), XMP])),
    chunk('tIME', Buffer.from([0x07, 0xea, 5, 9, 12, 0, 0])),
    chunk('prVt', text('SERIAL-0042')),
    PHYS,
    IDAT,
    chunk('tEXt', text(`Software\0${OWNER}'s phone`)),
    IEND,
    text(`appended by ${OWNER}`),
  ]);
}

describe('stripImageMetadata: PNG', () => {
  it('drops eXIf, text, time and unknown ancillary chunks and what follows IEND, and keeps the picture chunks with their CRCs', () => {
    const photo = phonePng();
    expect(photo.includes(latitudeBytes())).toBe(true);
    const kept = stripImageMetadata('image/png', photo);
    expect(kept).toEqual(Buffer.concat([PNG_SIGNATURE, IHDR, GAMA, PHYS, IDAT, IEND]));
    expect(sniffMediaType(kept)).toBe('image/png');
    hasNoMetadata(kept);
  });

  it('keeps the chunks of an animated PNG', () => {
    const frames = [chunk('acTL', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0])), chunk('fcTL', Buffer.alloc(26)), IDAT, chunk('fdAT', Buffer.alloc(8))];
    const apng = Buffer.concat([PNG_SIGNATURE, IHDR, ...frames, IEND]);
    expect(stripImageMetadata('image/png', apng)).toEqual(apng);
  });

  it('refuses a PNG whose chunks cannot be followed', () => {
    const garbage = Buffer.concat([PNG_SIGNATURE, IHDR, Buffer.from([0, 0, 0, 4, 0x00, 0x01, 0x02, 0x03]), IDAT, IEND]);
    expect(() => stripImageMetadata('image/png', garbage)).toThrow(UnreadableImageError);
  });
});

// --- WebP

/** TINY_WEBP with EXIF (odd-sized, so padded) and XMP chunks and their VP8X flags, as a phone or an editor writes it. */
function phoneWebp(): Buffer {
  const riffChunk = (name: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(name, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const tiff = exifTiff({ little: true });
  const exif = tiff.length % 2 ? tiff : Buffer.concat([tiff, Buffer.alloc(1)]);
  const vp8x = Buffer.from(TINY_WEBP.subarray(12, 30));
  vp8x[8] |= 0x08 | 0x04;
  const body = Buffer.concat([vp8x, TINY_WEBP.subarray(30), riffChunk('EXIF', exif), riffChunk('XMP ', XMP), riffChunk('meta', text(OWNER))]);
  const riff = Buffer.concat([text('RIFF'), Buffer.alloc(4), text('WEBP'), body]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return Buffer.concat([riff, text(`trailing ${OWNER}`)]);
}

describe('stripImageMetadata: WebP', () => {
  it('drops EXIF, XMP and unknown chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const photo = phoneWebp();
    expect(photo.includes(latitudeBytes(true))).toBe(true);
    const kept = stripImageMetadata('image/webp', photo);
    expect(kept).toEqual(TINY_WEBP);
    expect(sniffMediaType(kept)).toBe('image/webp');
    hasNoMetadata(kept);
  });

  it('refuses a WebP whose chunks cannot be followed', () => {
    const garbage = Buffer.from(TINY_WEBP);
    garbage.write('\x00\x01\x02\x03', 30, 'latin1');
    expect(() => stripImageMetadata('image/webp', garbage)).toThrow(UnreadableImageError);
  });
});

describe('stripImageMetadata: files cut short', () => {
  it.each([
    ['image/jpeg', phoneJpeg()],
    ['image/png', phonePng()],
    ['image/webp', phoneWebp()],
  ] as const)('keeps no metadata of a %s cut at any byte, and never fails on it', (type, photo) => {
    for (let length = 12; length < photo.length; length++) {
      const kept = stripImageMetadata(type, photo.subarray(0, length));
      expect(sniffMediaType(kept)).toBe(type);
      hasNoMetadata(kept);
    }
  });

  it('keeps a picture cut in its scan data as it was received', () => {
    const cut = TINY_JPEG.subarray(0, TINY_JPEG.length - 2);
    expect(stripImageMetadata('image/jpeg', cut)).toEqual(cut);
  });
});

describe('stripImageMetadata: PDF', () => {
  it('keeps a PDF as sent', () => {
    const pdf = text('%PDF-1.4\n1 0 obj << /Author (Ayse) >> endobj\n%%EOF\n');
    expect(stripImageMetadata('application/pdf', pdf)).toBe(pdf);
  });
});
