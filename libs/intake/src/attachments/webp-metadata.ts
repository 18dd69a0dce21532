import { UnreadableImageError } from './unreadable-image';

/** The chunks a WebP picture is made of; EXIF, XMP and anything unknown are dropped. */
const PICTURE_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);

/** VP8X flag bits saying EXIF and XMP chunks follow. */
const EXIF_AND_XMP_FLAGS = 0x08 | 0x04;

/**
 * A WebP with only the chunks of PICTURE_CHUNKS, copied as they are except the VP8X header, whose EXIF and XMP
 * flags are cleared; the RIFF size is that of what is kept, and bytes past the RIFF size are dropped.
 * A file cut short keeps what was read, less a cut chunk that would be dropped anyway; a chunk name that is
 * not printable ASCII makes the file unreadable.
 */
export function stripWebpMetadata(bytes: Buffer): Buffer {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') {
    throw new UnreadableImageError('no RIFF WEBP header');
  }
  const riffEnd = Math.min(8 + bytes.readUInt32LE(4), bytes.length);
  const kept: Buffer[] = [];
  let at = 12;
  while (at + 8 <= riffEnd) {
    const name = bytes.toString('latin1', at, at + 4);
    if (!/^[\x20-\x7e]{4}$/.test(name)) throw new UnreadableImageError(`WebP chunk name at byte ${at}`);
    const size = bytes.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2); // chunks are padded to an even size
    const chunk = bytes.subarray(at, Math.min(end, riffEnd));
    if (name === 'VP8X' && chunk.length > 8) {
      const header = Buffer.from(chunk);
      header[8] &= ~EXIF_AND_XMP_FLAGS;
      kept.push(header);
    } else if (PICTURE_CHUNKS.has(name)) {
      kept.push(chunk);
    }
    at = end;
  }
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + kept.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, ...kept]);
}
