import request from 'supertest';
import { Submitted, staffGet, submitRouted } from './support/inbox';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const INBOX = '/api/v1/staff/applications';
const IDENTIFIERS = ['10000000146', '0532 123 45 67', 'ayse@example.org', '34 ABC 123', 'TR33 0006 1005 1978 6457 8413 26'];
const SUBJECT = 'Aradım: 0532 123 45 67';
const BODY =
  'Kimlik no 10000000146. Arabam 34 ABC 123 plakalı, sokağımızda çekildi. Bana ayse@example.org adresinden ulaşın; ' +
  'ceza TR33 0006 1005 1978 6457 8413 26 hesabından ödendi. Önceki başvurum 4827-3915-602, 12.03.2026 tarihinde.';

describe('redacted texts: staff read identifiers as placeholders, the citizen’s words are sealed for a reveal', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let withIdentifiers: Submitted;
  let plain: Submitted;

  beforeAll(async () => {
    stack = await startStack();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    withIdentifiers = await submitRouted(stack, { subject: SUBJECT, body: BODY, language: 'tr' });
    plain = await submitRouted(stack, { body: 'Since Monday there has been no running water on Moda Caddesi.' });
  });
  afterAll(() => stack?.stop());

  it('stores no identifier the citizen wrote in the applications table or its search document', async () => {
    const { rows } = await stack.db.query(`SELECT row_to_json(a)::text AS row FROM applications a WHERE id = $1`, [withIdentifiers.id]);
    for (const identifier of IDENTIFIERS) expect(rows[0].row).not.toContain(identifier);
    expect(rows[0].row).toContain('Aradım: [PHONE]');
    const { rows: originals } = await stack.db.query(
      `SELECT octet_length(sealed) AS size, sealed::text AS sealed FROM application_originals WHERE application_id = $1`,
      [withIdentifiers.id],
    );
    expect(originals).toHaveLength(1);
    expect(originals[0].sealed).not.toContain('ayse');
    // Found by what it is about, not by an identifier in it.
    const found = await staffGet(stack, officer.token, INBOX, { q: 'plakalı' }).expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(withIdentifiers.id);
    const byPhone = await staffGet(stack, officer.token, INBOX, { q: '5321234567' }).expect(200);
    expect(byPhone.body.items).toEqual([]);
  });

  it('shows an officer the redacted text, keeping tracking numbers and dates, and says it was redacted', async () => {
    const res = await staffGet(stack, officer.token, `${INBOX}/${withIdentifiers.id}`).expect(200);
    expect(res.body).toMatchObject({ subject: 'Aradım: [PHONE]', textRedacted: true, revealed: false, citizen: null });
    expect(res.body.body).toBe(
      'Kimlik no [ID]. Arabam [PLATE] plakalı, sokağımızda çekildi. Bana [EMAIL] adresinden ulaşın; ' +
        'ceza [IBAN] hesabından ödendi. Önceki başvurum 4827-3915-602, 12.03.2026 tarihinde.',
    );
    const untouched = await staffGet(stack, officer.token, `${INBOX}/${plain.id}`).expect(200);
    expect(untouched.body).toMatchObject({ body: 'Since Monday there has been no running water on Moda Caddesi.', textRedacted: false });
    expect((await stack.db.query('SELECT 1 FROM application_originals WHERE application_id = $1', [plain.id])).rowCount).toBe(0);
  });

  it('reveals the text as the citizen wrote it, recording the read of the text', async () => {
    const res = await request(stack.apiUrl)
      .post(`${INBOX}/${withIdentifiers.id}/reveal`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ reason: 'The plate is needed to find the towed car' })
      .expect(200);
    expect(res.body).toMatchObject({ subject: SUBJECT, body: BODY, revealed: true });
    const { rows } = await stack.db.query('SELECT fields, reason FROM personal_data_reads WHERE staff_user_id = $1 AND application_id = $2', [
      officer.id,
      withIdentifiers.id,
    ]);
    expect(rows).toEqual([{ fields: expect.arrayContaining(['text']), reason: 'The plate is needed to find the towed car' }]);
  });
});
