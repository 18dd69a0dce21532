import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { digits, routedAgencyCode } from './support/applications';
import { TestStack, startStack } from './support/stack';
import { binaryBody } from './support/binary-body';
import { TestStaff, staffUser } from './support/staff';
import { submissionKeyIn, textOf } from './support/pages';

const MAX_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR a tiny picture')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program: "MZ" and a DOS stub, whatever it is called. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90), Buffer.from('This program cannot be run in DOS mode.')]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Upload = { name: string; bytes: Buffer; type?: string };

describe('attachments on the citizen portal', () => {
  let stack: TestStack;
  let dir: string;
  let officer: TestStaff;
  let outsider: TestStaff;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'petitio-attachments-'));
    stack = await startStack({
      env: { ATTACHMENTS_DIR: dir, ATTACHMENTS_MAX_BYTES: String(MAX_BYTES), STATUS_LOOKUP_LIMIT_PER_MINUTE: '1000' },
    });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    outsider = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']);
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const filesOnDisk = () => readdirSync(dir);
  const attachmentRows = async () => (await stack.db.query('SELECT count(*)::int AS n FROM application_attachments')).rows[0].n as number;
  const applicationRows = async () => (await stack.db.query('SELECT count(*)::int AS n FROM applications')).rows[0].n as number;
  const freshKey = async () => submissionKeyIn((await request(stack.apiUrl).get('/en/apply').expect(200)).text);

  /** The apply form as a browser sends it: multipart, text fields first, then the chosen files. */
  function submit(key: string, files: Upload[], overrides: Record<string, string> = {}) {
    const fields: Record<string, string> = {
      submissionKey: key,
      preferredLanguage: 'en',
      type: 'complaint',
      topic: 'water',
      subject: 'Burst pipe',
      body: 'A pipe burst on Moda Caddesi; photos and the water bill attached.',
      provinceCode: 'TR-34',
      districtCode: 'TR-34-KDK',
      name: 'Ayşe Yılmaz',
      consent: 'yes',
      ...overrides,
    };
    let req = request(stack.apiUrl).post('/en/apply');
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    for (const file of files) req = req.attach('attachments', file.bytes, { filename: file.name, contentType: file.type ?? 'application/octet-stream' });
    return req;
  }

  it('shows a file field in a multipart form that accepts images and PDF only', async () => {
    const page = (await request(stack.apiUrl).get('/en/apply').expect(200)).text;
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toMatch(/<input type="file" id="attachments" name="attachments" multiple accept="image\/jpeg,image\/png,image\/webp,application\/pdf"/);
    expect(page).toContain('<label for="attachments">');
  });

  it('stores a PNG and a PDF under random names, with rows whose sha256 matches the bytes', async () => {
    const before = filesOnDisk().length;
    const res = await submit(await freshKey(), [
      { name: '../../Pipe photo.png', bytes: PNG, type: 'image/png' },
      { name: 'water bill.pdf', bytes: PDF, type: 'application/octet-stream' },
    ]).expect(201);
    const trackingNumber = textOf(res.text, 'tracking-number')!;
    const { rows } = await stack.db.query(
      `SELECT f.id, f.original_name, f.media_type, f.size_bytes, f.sha256 FROM application_attachments f
       JOIN applications a ON a.id = f.application_id WHERE a.tracking_number = $1 ORDER BY f.original_name`,
      [digits(trackingNumber)],
    );
    expect(rows).toEqual([
      { id: expect.stringMatching(UUID), original_name: 'Pipe photo.png', media_type: 'image/png', size_bytes: PNG.length, sha256: sha256(PNG) },
      { id: expect.stringMatching(UUID), original_name: 'water bill.pdf', media_type: 'application/pdf', size_bytes: PDF.length, sha256: sha256(PDF) },
    ]);
    const files = filesOnDisk();
    expect(files).toHaveLength(before + 2);
    for (const row of rows) {
      expect(files).toContain(row.id);
      expect(sha256(readFileSync(join(dir, row.id)))).toBe(row.sha256);
    }
    expect(files.some((name) => name.includes('Pipe') || name.includes('bill') || name.startsWith('.tmp-'))).toBe(false);

    const status = await request(stack.apiUrl)
      .post('/en/status')
      .type('form')
      .send({ trackingNumber, accessCode: textOf(res.text, 'access-code')! })
      .expect(200);
    expect(textOf(status.text, 'attachment-count')).toBe('2');
    expect(status.text).not.toContain('water bill.pdf');
  });

  it('refuses a program renamed .png with a message next to the field, and stores nothing', async () => {
    const [applications, rows, files] = [await applicationRows(), await attachmentRows(), filesOnDisk().length];
    const res = await submit(await freshKey(), [
      { name: 'photo.png', bytes: PNG, type: 'image/png' },
      { name: 'holiday.png', bytes: EXE, type: 'image/png' },
    ]).expect(400);
    expect(textOf(res.text, 'attachments-error')).toBe('Only photos (JPEG, PNG, WebP) and PDF files can be attached.');
    expect(res.text).toMatch(/<input type="file" id="attachments"[^>]*aria-describedby="attachments-hint attachments-error" aria-invalid="true"/);
    expect(res.text).toContain('href="#attachments"');
    expect(res.text).toContain('>A pipe burst on Moda Caddesi; photos and the water bill attached.</textarea>');
    expect([await applicationRows(), await attachmentRows(), filesOnDisk().length]).toEqual([applications, rows, files]);
  });

  it('refuses more files than allowed, in the page language', async () => {
    const [applications, files] = [await applicationRows(), filesOnDisk().length];
    const res = await request(stack.apiUrl)
      .post('/tr/apply')
      .field('submissionKey', await freshKey())
      .field('type', 'complaint')
      .field('body', 'Dört fotoğraf')
      .field('consent', 'yes')
      .attach('attachments', PNG, 'a.png')
      .attach('attachments', PNG, 'b.png')
      .attach('attachments', PNG, 'c.png')
      .attach('attachments', PNG, 'd.png')
      .expect(400);
    expect(textOf(res.text, 'attachments-error')).toBe('En fazla 3 dosya ekleyebilirsiniz.');
    expect([await applicationRows(), filesOnDisk().length]).toEqual([applications, files]);
  });

  it('refuses many more files than allowed without reading them', async () => {
    const applications = await applicationRows();
    let req = submit(await freshKey(), []);
    for (let i = 0; i < 8; i++) req = req.attach('attachments', PNG, `p${i}.png`);
    const res = await req.expect(400);
    expect(textOf(res.text, 'attachments-error')).toBe('You can attach at most 3 files.');
    expect(await applicationRows()).toBe(applications);
  });

  it('refuses a file over the size limit and stores nothing', async () => {
    const [applications, files] = [await applicationRows(), filesOnDisk().length];
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES, 7)]);
    const res = await submit(await freshKey(), [{ name: 'big.png', bytes: big, type: 'image/png' }]).expect(400);
    expect(textOf(res.text, 'attachments-error')).toBe('One of the files is too large: each file may be at most 0.1 MB.');
    expect([await applicationRows(), filesOnDisk().length]).toEqual([applications, files]);
  });

  it('asks for the files again when the form is refused for another field', async () => {
    const files = filesOnDisk().length;
    const res = await submit(await freshKey(), [{ name: 'photo.png', bytes: PNG }], { body: '' }).expect(400);
    expect(textOf(res.text, 'body-error')).toBeDefined();
    expect(textOf(res.text, 'attachments-error')).toBe('For your safety the files were not kept: please choose them again.');
    expect(filesOnDisk()).toHaveLength(files);
  });

  it('removes the files it wrote when intake refuses the application', async () => {
    const [applications, files] = [await applicationRows(), filesOnDisk().length];
    // The topic is checked against the catalogue by intake itself, after the files were written.
    const res = await submit(await freshKey(), [{ name: 'photo.png', bytes: PNG }], { topic: 'no-such-topic' }).expect(400);
    expect(textOf(res.text, 'topic-error')).toBeDefined();
    expect([await applicationRows(), filesOnDisk().length]).toEqual([applications, files]);
  });

  it('stores the files once when the same form is submitted twice', async () => {
    const key = await freshKey();
    const upload = [{ name: 'photo.png', bytes: PNG, type: 'image/png' }];
    const first = await submit(key, upload).expect(201);
    const [rows, files] = [await attachmentRows(), filesOnDisk().length];
    const again = await submit(key, upload).expect(201);
    expect(textOf(again.text, 'tracking-number')).toBe(textOf(first.text, 'tracking-number'));
    expect([await attachmentRows(), filesOnDisk().length]).toEqual([rows, files]);
  });

  it('still takes a form without files, urlencoded or multipart', async () => {
    await request(stack.apiUrl)
      .post('/en/apply')
      .type('form')
      .send({ submissionKey: await freshKey(), type: 'complaint', body: 'No files here.', consent: 'yes', preferredLanguage: 'en' })
      .expect(201);
    // A browser sends an empty file part when nothing was chosen.
    await submit(await freshKey(), [{ name: '', bytes: Buffer.alloc(0) }]).expect(201);
  });

  it('keeps the JSON API for JSON only: a multipart body gets 415', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').field('type', 'complaint').attach('attachments', PNG, 'a.png');
    expect(res.status).toBe(415);
  });

  describe('staff', () => {
    let applicationId: string;
    let pngId: string;

    beforeAll(async () => {
      const res = await submit(await freshKey(), [
        { name: 'Fotoğraf 1.png', bytes: PNG, type: 'image/png' },
        { name: 'bill.pdf', bytes: PDF, type: 'application/pdf' },
      ]).expect(201);
      const trackingNumber = textOf(res.text, 'tracking-number')!;
      expect(await routedAgencyCode(stack.db, trackingNumber)).toBe('ISKI-KDK');
      applicationId = (await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(trackingNumber)])).rows[0].id;
    });

    const get = (staff: TestStaff, path: string) =>
      request(stack.apiUrl).get(`/api/v1/staff/applications/${applicationId}${path}`).set('authorization', `Bearer ${staff.token}`);

    it('lists the files of an application in their agency, on its own and in the detail', async () => {
      const list = await get(officer, '/attachments').expect(200);
      expect(list.body).toEqual([
        { id: expect.stringMatching(UUID), name: 'Fotoğraf 1.png', type: 'image/png', size: PNG.length },
        { id: expect.stringMatching(UUID), name: 'bill.pdf', type: 'application/pdf', size: PDF.length },
      ]);
      pngId = list.body[0].id;
      const detail = await get(officer, '').expect(200);
      expect(detail.body.attachments).toEqual(list.body);
    });

    it('downloads a file as an attachment that browsers must not sniff', async () => {
      const res = await get(officer, `/attachments/${pngId}`).buffer(true).parse(binaryBody).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="Foto_raf 1.png"; filename*=UTF-8''Foto%C4%9Fraf%201.png`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(sha256(res.body as Buffer)).toBe(sha256(PNG));
    });

    it('answers 404 to staff of another agency, for the list and the file', async () => {
      await get(outsider, '/attachments').expect(404);
      await get(outsider, `/attachments/${pngId}`).expect(404);
    });

    it('answers 404 for a file of another application', async () => {
      const other = (await stack.db.query('SELECT id FROM application_attachments WHERE application_id <> $1 LIMIT 1', [applicationId])).rows[0].id;
      await get(officer, `/attachments/${other}`).expect(404);
    });
  });
});
