import type { AttachmentMediaType } from './attachment-media-type';

/** An attachment's row: what intake writes next to the application. */
export interface AttachmentRecord {
  id: string;
  name: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
}
