import { UnreadableImageError } from './unreadable-image';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Ancillary chunks that change how the picture looks (transparency, colour, pixel size, APNG frames). */
const PICTURE_CHUNKS = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT']);

/** Critical chunks have an upper-case first letter; a decoder must understand them, so none is metadata. */
const isCritical = (type: string) => type.charCodeAt(0) < 0x61;

/**
 * A PNG with only its critical chunks and those of PICTURE_CHUNKS, copied with their CRCs: eXIf, tEXt, zTXt,
 * iTXt, tIME and every other ancillary chunk are dropped, and so is anything after IEND.
 * A file cut short keeps what was read, less a cut chunk that would be dropped anyway; a chunk type that is
 * not four letters makes the file unreadable.
 */
export function stripPngMetadata(bytes: Buffer): Buffer {
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new UnreadableImageError('no PNG signature');
  const kept: Buffer[] = [SIGNATURE];
  let at = SIGNATURE.length;
  while (at + 8 <= bytes.length) {
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new UnreadableImageError(`PNG chunk type at byte ${at}`);
    const end = at + 12 + bytes.readUInt32BE(at);
    if (isCritical(type) || PICTURE_CHUNKS.has(type)) kept.push(bytes.subarray(at, Math.min(end, bytes.length)));
    if (type === 'IEND') break;
    at = end;
  }
  return Buffer.concat(kept);
}
