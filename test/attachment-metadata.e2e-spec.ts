import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { digits, routedAgencyCode } from './support/applications';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { submissionKeyIn, textOf } from './support/pages';
import { binaryBody } from './support/binary-body';
import { TINY_JPEG } from '../libs/intake/src/testing/sample-images';

const OWNER = 'Ayse Yilmaz';
/** 41° 0' 23.45" as three big-endian rationals, the way a phone records the latitude. */
const LATITUDE = Buffer.from('00000029' + '00000001' + '00000000' + '00000001' + '00000929' + '00000064', 'hex');

/**
 * Exif as a phone writes it, big-endian: IFD0 with Orientation 6 (turned 90°), the owner as Artist and a
 * pointer to a GPS IFD holding the latitude.
 */
function exifWithGps(): Buffer {
  const entry = (tag: number, type: number, count: number, value: number, short = false) => {
    const e = Buffer.alloc(12);
    e.writeUInt16BE(tag, 0);
    e.writeUInt16BE(type, 2);
    e.writeUInt32BE(count, 4);
    if (short) e.writeUInt16BE(value, 8);
    else e.writeUInt32BE(value, 8);
    return e;
  };
  const count = (n: number) => Buffer.from([0, n]);
  const none = Buffer.alloc(4);
  const artist = Buffer.from(`${OWNER}\0`, 'latin1');
  // header 8, IFD0 2 + 3 × 12 + 4 = 42, artist 12, GPS IFD 2 + 2 × 12 + 4 = 30, latitude 24
  const [artistAt, gpsAt] = [50, 50 + artist.length];
  const latitudeAt = gpsAt + 30;
  return Buffer.concat([
    Buffer.from('MM\0*\0\0\0\x08', 'latin1'),
    count(3),
    entry(0x0112, 3, 1, 6, true),
    entry(0x013b, 2, artist.length, artistAt),
    entry(0x8825, 4, 1, gpsAt),
    none,
    artist,
    count(2),
    entry(0x0001, 2, 2, 0x4e000000), // "N"
    entry(0x0002, 5, 3, latitudeAt),
    none,
    LATITUDE,
  ]);
}

const app1 = (payload: Buffer) => Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
/** TINY_JPEG with the phone's Exif right after JFIF. */
const PHOTO = Buffer.concat([TINY_JPEG.subarray(0, 20), app1(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps()])), TINY_JPEG.subarray(20)]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** From the scan header to the end: the picture itself. */
const scanOf = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));

describe('metadata of citizens’ photos', () => {
  let stack: TestStack;
  let dir: string;
  let officer: TestStaff;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'petitio-attachment-metadata-'));
    stack = await startStack({ env: { ATTACHMENTS_DIR: dir } });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function submit(photo: Buffer, status: number) {
    const key = submissionKeyIn((await request(stack.apiUrl).get('/en/apply').expect(200)).text);
    const fields = {
      submissionKey: key,
      preferredLanguage: 'en',
      type: 'complaint',
      topic: 'water',
      body: 'Water has been running down Moda Caddesi for two days; photo attached.',
      provinceCode: 'TR-34',
      districtCode: 'TR-34-KDK',
      consent: 'yes',
    };
    let req = request(stack.apiUrl).post('/en/apply');
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('attachments', photo, { filename: 'IMG_0042.jpg', contentType: 'image/jpeg' }).expect(status);
  }

  it('stores a phone photo without its GPS position or owner, and staff download the same picture, still turned the right way', async () => {
    expect(PHOTO.includes(LATITUDE) && PHOTO.includes(Buffer.from(OWNER))).toBe(true);
    const res = await submit(PHOTO, 201);
    const trackingNumber = textOf(res.text, 'tracking-number')!;
    expect(await routedAgencyCode(stack.db, trackingNumber)).toBe('ISKI-KDK');
    const { rows } = await stack.db.query(
      `SELECT a.id AS "applicationId", f.id, f.size_bytes AS size, f.sha256 FROM application_attachments f
       JOIN applications a ON a.id = f.application_id WHERE a.tracking_number = $1`,
      [digits(trackingNumber)],
    );
    expect(rows).toHaveLength(1);
    const [{ applicationId, id, size, sha256: recorded }] = rows;

    const stored = readFileSync(join(dir, id));
    expect(stored.includes(LATITUDE)).toBe(false);
    expect(stored.includes(Buffer.from(OWNER))).toBe(false);
    expect([stored.length, sha256(stored)]).toEqual([size, recorded]);
    expect(stored.subarray(0, 20)).toEqual(TINY_JPEG.subarray(0, 20));
    expect(scanOf(stored)).toEqual(scanOf(TINY_JPEG));
    // Orientation 6 is all that is left of the Exif.
    expect(stored.includes(Buffer.from('4d4d002a000000080001011200030000000100060000', 'hex'))).toBe(true);

    const download = await request(stack.apiUrl)
      .get(`/api/v1/staff/applications/${applicationId}/attachments/${id}`)
      .set('authorization', `Bearer ${officer.token}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.body).toEqual(stored);
  });

  it('refuses a photo whose segments cannot be followed, and stores nothing', async () => {
    const files = readdirSync(dir).length;
    const garbled = Buffer.concat([TINY_JPEG.subarray(0, 20), Buffer.from(`GPS 41N 29E, ${OWNER}`), TINY_JPEG.subarray(20)]);
    const res = await submit(garbled, 400);
    expect(textOf(res.text, 'attachments-error')).toBe('Only photos (JPEG, PNG, WebP) and PDF files can be attached.');
    expect(readdirSync(dir)).toHaveLength(files);
  });
});
