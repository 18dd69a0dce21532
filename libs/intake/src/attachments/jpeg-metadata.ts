import { UnreadableImageError } from './unreadable-image';

const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const ORIENTATION_TAG = 0x0112;

const startsWith = (bytes: Buffer, text: string) => bytes.length >= text.length && bytes.toString('latin1', 0, text.length) === text;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * A JPEG without its APP1 (Exif, XMP), APP13 (Photoshop/IPTC), other APPn and COM segments, and without what
 * follows the end-of-image marker (phones append motion-photo videos and extra pictures there, with metadata
 * of their own). Kept: APP0 JFIF, APP2 ICC_PROFILE (colours), APP14 Adobe (needed to decode some CMYK
 * files), the tables, frame and scan headers, and the scan data byte for byte.
 *
 * The Exif Orientation alone is kept, in an Exif segment of its own: phones store portrait photos sideways
 * and rely on it, so without it staff would see them turned. A file cut short keeps what was read, less a
 * cut metadata segment; bytes where a marker must be make the file unreadable.
 */
export function stripJpegMetadata(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new UnreadableImageError('no JPEG start-of-image marker');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let exifSeen = false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new UnreadableImageError(`no JPEG marker at byte ${at}`);
    let markerAt = at + 1;
    while (bytes[markerAt] === 0xff) markerAt++; // fill bytes may precede a marker
    if (markerAt + 1 > bytes.length) break;
    const marker = bytes[markerAt];
    if (marker === EOI) {
      kept.push(bytes.subarray(at, markerAt + 1));
      break;
    }
    if (marker === 0x00 || marker === 0x01 || marker === 0xd8 || isRestart(marker)) throw new UnreadableImageError(`stray JPEG marker at byte ${at}`);
    if (markerAt + 3 > bytes.length) break;
    const length = bytes.readUInt16BE(markerAt + 1);
    if (length < 2) throw new UnreadableImageError(`JPEG segment length ${length} at byte ${at}`);
    const end = Math.min(markerAt + 1 + length, bytes.length);
    const payload = bytes.subarray(markerAt + 3, end);
    if (isKept(marker, payload)) {
      kept.push(bytes.subarray(at, end));
    } else if (marker === APP1 && !exifSeen && startsWith(payload, 'Exif\0\0')) {
      const orientation = orientationIn(payload.subarray(6));
      if (orientation) kept.push(orientationOnlyExif(orientation));
      exifSeen = true;
    }
    at = end;
    if (marker === SOS) {
      const scanEnd = endOfScan(bytes, at);
      kept.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
  return Buffer.concat(kept);
}

function isKept(marker: number, payload: Buffer): boolean {
  if (marker === APP0) return startsWith(payload, 'JFIF\0');
  if (marker === APP2) return startsWith(payload, 'ICC_PROFILE\0');
  if (marker === APP14) return startsWith(payload, 'Adobe');
  return !(marker >= APP0 && marker <= APP15) && marker !== COM;
}

/** Where the entropy-coded data after a scan header ends: at the first marker that is not a restart. */
function endOfScan(bytes: Buffer, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at !== -1) {
    let next = at + 1;
    while (bytes[next] === 0xff) next++;
    if (next >= bytes.length) break;
    if (bytes[next] !== 0x00 && !isRestart(bytes[next])) return at;
    at = bytes.indexOf(0xff, next + 1);
  }
  return bytes.length;
}

/** The Orientation (2–8) in IFD0 of an Exif TIFF block, or null for none, the default (1), or an unreadable block. */
function orientationIn(tiff: Buffer): number | null {
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const u16 = (at: number) => (at + 2 > tiff.length ? -1 : order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (at + 4 > tiff.length ? -1 : order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  const count = ifd < 8 ? -1 : u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + 12 * i;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : -1;
    return value >= 2 && value <= 8 ? value : null;
  }
  return null;
}

/** An APP1 segment whose Exif holds one tag, Orientation: header, IFD0 with one SHORT entry, no next IFD. */
function orientationOnlyExif(orientation: number): Buffer {
  const segment = Buffer.alloc(2 + 2 + 6 + 26);
  segment.writeUInt16BE(0xff00 | APP1, 0);
  segment.writeUInt16BE(segment.length - 2, 2);
  segment.write('Exif\0\0MM\0*', 4, 'latin1');
  segment.writeUInt32BE(8, 14); // IFD0 right after the TIFF header
  segment.writeUInt16BE(1, 18);
  segment.writeUInt16BE(ORIENTATION_TAG, 20);
  segment.writeUInt16BE(3, 22); // SHORT
  segment.writeUInt32BE(1, 24);
  segment.writeUInt16BE(orientation, 28);
  return segment; // the next-IFD offset (bytes 32–35) stays zero
}
