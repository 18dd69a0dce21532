import type { AttachmentMediaType } from './attachment-media-type';
import { stripJpegMetadata } from './jpeg-metadata';
import { stripPngMetadata } from './png-metadata';
import { stripWebpMetadata } from './webp-metadata';

/**
 * The file as Petitio keeps it: a photo without what the phone wrote about it (GPS position, device serials,
 * the owner's name, comments), its pixels byte for byte. PDFs are kept as sent.
 * Throws UnreadableImageError when the image's structure cannot be followed.
 */
export function stripImageMetadata(type: AttachmentMediaType, bytes: Buffer): Buffer {
  switch (type) {
    case 'image/jpeg':
      return stripJpegMetadata(bytes);
    case 'image/png':
      return stripPngMetadata(bytes);
    case 'image/webp':
      return stripWebpMetadata(bytes);
    case 'application/pdf':
      return bytes;
  }
}
