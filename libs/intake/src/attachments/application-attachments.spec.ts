import { createHash } from 'node:crypto';
import type { Environment } from '@petitio/platform';
import type { ApplicationAccess } from '@petitio/applications';
import type { DataSource } from 'typeorm';
import type { IntakeService } from '../intake.service';
import type { NewApplication, Receipt } from '../new-application';
import { ApplicationAttachments } from './application-attachments';
import type { AttachmentStore } from './attachment-store';

const segment = (marker: number, payload: string) => Buffer.concat([Buffer.from([0xff, marker, 0, payload.length + 2]), Buffer.from(payload, 'latin1')]);
/** A JPEG's skeleton: SOI, a table, a scan header, scan data and EOI; enough for the metadata walk. */
const SOI = Buffer.from([0xff, 0xd8]);
const PICTURE = Buffer.concat([segment(0xdb, 'quantisation table'), segment(0xda, 'scan'), Buffer.from([0x12, 0x34, 0xff, 0xd9])]);
const PHOTO_WITH_EXIF = Buffer.concat([SOI, segment(0xe1, 'Exif\0\0owner Ayse Yilmaz, GPS 41N 29E'), PICTURE]);
const STRIPPED = Buffer.concat([SOI, PICTURE]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('ApplicationAttachments, for a photo with metadata', () => {
  const stored = new Map<string, Buffer>();
  const store: AttachmentStore = {
    put: async (id, bytes) => void stored.set(id, bytes),
    open: async () => Promise.reject(new Error('not used')),
    remove: async (id) => void stored.delete(id),
  };
  const intake = { submit: async (): Promise<Receipt> => ({ replayed: false }) as Receipt } as unknown as IntakeService;
  const env = { ATTACHMENTS_MAX_FILES: 3, ATTACHMENTS_MAX_BYTES: 1024 } as Environment;
  const attachments = new ApplicationAttachments({} as DataSource, {} as ApplicationAccess, intake, store, env);
  const photo = (bytes: Buffer) => [{ fileName: 'pothole.jpg', bytes, truncated: false }];

  it('records the size and sha256 of the photo without its metadata', () => {
    const [record] = attachments.check(photo(PHOTO_WITH_EXIF));
    expect(record).toMatchObject({ mediaType: 'image/jpeg', size: STRIPPED.length, sha256: sha256(STRIPPED) });
  });

  it('stores the photo without its metadata', async () => {
    await attachments.submit({} as NewApplication, undefined, photo(PHOTO_WITH_EXIF));
    expect([...stored.values()]).toEqual([STRIPPED]);
  });

  it('refuses a photo whose segments cannot be followed, as a file of no accepted type', () => {
    const garbled = Buffer.concat([SOI, Buffer.from('no marker here: Ayse Yilmaz, GPS 41N 29E'), PICTURE]);
    expect(() => attachments.check(photo(garbled))).toThrow(
      expect.objectContaining({ problems: [{ field: 'attachments', code: 'type', sentence: 'file_type', args: { name: 'pothole.jpg' } }] }),
    );
  });
});
