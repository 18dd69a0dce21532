import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import request from 'supertest';
import { validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { TestSmtpServer } from './support/smtp';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';
import { testServices } from './support/test-services';

const PUBLIC_BASE_URL = 'https://petitio.example';
const LINK = /https:\/\/petitio\.example\/staff\/set-password\?token=([A-Za-z0-9._-]+)/;

interface MessageRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  sent_at: Date | null;
}

describe('delivering outgoing messages', () => {
  let smtp: TestSmtpServer;
  let stack: TestStack;
  let admin: TestStaff;
  let queue: Queue;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    stack = await startStack({
      env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL, MAIL_FROM: 'Petitio <no-reply@petitio.example>', NOTIFY_BACKOFF_MS: '200', NOTIFY_ATTEMPTS: '6' },
    });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    queue = new Queue('notifications', { connection: { host: '127.0.0.1', port: testServices.redisPort }, prefix: stack.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue?.close();
    await stack?.stop();
    await smtp?.stop();
  });

  const newAddress = () => `invitee.${randomBytes(4).toString('hex')}@agency.example`;

  async function invite(email: string, language: string, displayName = 'Deniz Kaya'): Promise<string> {
    const res = await request(stack.apiUrl)
      .post('/api/v1/staff/users')
      .set('authorization', `Bearer ${admin.token}`)
      .send({ email, displayName, agencyId: await agencyId(stack.db, 'ISKI-KDK'), roles: ['officer'], language });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function messageFor(staffUserId: string): Promise<MessageRow> {
    const { rows } = await stack.db.query(
      'SELECT id, status, attempts, last_error, provider_message_id, sent_at FROM outgoing_messages WHERE staff_user_id = $1',
      [staffUserId],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** A failed wait says what the processes logged. */
  const withLogs = <T>(waiting: Promise<T>): Promise<T> =>
    waiting.catch((error) => {
      throw new Error(`${String(error)}\n${stack.logs()}`);
    });

  /** The row is updated before BullMQ records the job's end: wait for the job too. */
  const jobEnded = (messageId: string, state: 'completed' | 'failed') =>
    waitFor(
      async () => {
        const job = await queue.getJob(`message-${messageId}`);
        return job && (await job.getState()) === state && job;
      },
      10000,
      `the delivery job to be ${state}`,
    );

  const settled = (staffUserId: string, status: string) =>
    withLogs(
      waitFor(
        async () => {
          const row = await messageFor(staffUserId);
          return row.status === status && row;
        },
        20000,
        `the message to be ${status}`,
      ),
    );

  it('emails an invited user, in English, a set-password link that works once', async () => {
    const email = newAddress();
    const userId = await invite(email, 'en');

    const mail = await withLogs(smtp.waitForMail(email));
    const row = await settled(userId, 'sent');
    expect(smtp.mailTo(email)).toHaveLength(1);
    expect(row).toMatchObject({ attempts: 1, last_error: null });
    expect(row.sent_at).not.toBeNull();
    expect(row.provider_message_id).toBeTruthy();

    expect(mail.parsed.subject).toBe('Your Petitio staff account');
    expect(mail.parsed.text).toContain('A staff account has been created for you');
    expect(mail.parsed.html).toContain('lang="en"');
    expect(mail.parsed.from?.value[0].address).toBe('no-reply@petitio.example');
    expect(mail.to).toEqual([email]);
    expect(mail.parsed.cc).toBeUndefined();
    expect(mail.parsed.bcc).toBeUndefined();
    const token = LINK.exec(mail.parsed.text ?? '')?.[1];
    expect(token).toBeTruthy();
    expect(mail.parsed.html).toContain(`${PUBLIC_BASE_URL}/staff/set-password?token=${token}`);

    // Nothing but what the invitation needs: not the name, the inviter, the account id or its roles.
    for (const secret of ['Deniz', admin.id, admin.email, userId, 'officer', 'ISKI']) expect(mail.raw).not.toContain(secret);

    const password = 'a long and new password';
    await request(stack.apiUrl).put('/api/v1/staff/password').send({ token, password }).expect(204);
    const session = await request(stack.apiUrl).post('/api/v1/staff/session').send({ email, password });
    expect(session.status).toBe(201);
    expect(session.body.token).toBeTruthy();

    const again = await request(stack.apiUrl).put('/api/v1/staff/password').send({ token, password: 'yet another long password' });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_LINK');
  });

  it('writes a Turkish invitation in Turkish', async () => {
    const email = newAddress();
    const userId = await invite(email, 'tr');
    const mail = await smtp.waitForMail(email);
    await settled(userId, 'sent');
    expect(mail.parsed.subject).toBe('Petitio personel hesabınız');
    expect(mail.parsed.text).toContain('Şifrenizi bu bağlantıyla belirleyin');
    expect(mail.parsed.html).toContain('lang="tr"');
    expect(mail.parsed.text).toMatch(LINK);
  });

  it('retries while the mail server defers (4xx), then delivers exactly once', async () => {
    const email = newAddress();
    smtp.deferFirst(email, [
      { code: 451, message: '4.7.1 Greylisted, try again later' },
      { code: 452, message: '4.2.2 Mailbox busy' },
    ]);
    const userId = await invite(email, 'en');

    await smtp.waitForMail(email);
    const row = await settled(userId, 'sent');
    expect(smtp.attemptsFor(email)).toBe(3);
    expect(row.attempts).toBe(3);
    expect(smtp.mailTo(email)).toHaveLength(1);
    expect((await jobEnded(row.id, 'completed')).attemptsMade).toBe(3);
  });

  it('sends nothing again when the job for a sent message runs a second time', async () => {
    const email = newAddress();
    const userId = await invite(email, 'en');
    await smtp.waitForMail(email);
    const row = await settled(userId, 'sent');

    const again = await queue.add('deliver', { aggregateId: row.id }, { jobId: `again-${row.id}` });
    const done = await waitFor(async () => (await again.getState()) === 'completed' && (await queue.getJob(again.id!)), 10000, 'the repeated job');
    expect(done?.returnvalue).toEqual({ status: 'already_done', current: 'sent' });
    expect(smtp.mailTo(email)).toHaveLength(1);
    expect((await messageFor(userId)).attempts).toBe(1);
  });

  it('fails a message the mail server keeps deferring after NOTIFY_ATTEMPTS, with the last reason', async () => {
    const email = newAddress();
    smtp.refuseAlways(email, { code: 421, message: '4.3.2 Service shutting down' });
    const userId = await invite(email, 'en');

    const row = await withLogs(
      waitFor(
        async () => {
          const r = await messageFor(userId);
          return r.status === 'failed' && r;
        },
        30000,
        'the message to fail',
      ),
    );
    expect(row.attempts).toBe(6);
    expect(row.last_error).toMatch(/^gave up after 6 attempts: .*421/);
    expect(smtp.attemptsFor(email)).toBe(6);
    const job = await jobEnded(row.id, 'failed');
    expect(job.attemptsMade).toBe(6);
  });

  it('gives up at once when the mail server bounces (550), and says why', async () => {
    const email = newAddress();
    smtp.refuseAlways(email, { code: 550, message: `5.1.1 <${email}>: mailbox unavailable` });
    const userId = await invite(email, 'en');

    const row = await settled(userId, 'failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/refused.*550.*mailbox unavailable/);
    expect(row.last_error).not.toContain(email);
    const job = await jobEnded(row.id, 'failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/550/);
    expect(smtp.attemptsFor(email)).toBe(1);
    expect(smtp.mailTo(email)).toHaveLength(0);
  });

  describe('messages to citizens', () => {
    const trackingNumber = '4827-3915-602';

    it('fails an SMS visibly while no SMS provider is configured', async () => {
      const id = await requestMessage(stack.db, { channel: 'sms', recipient: '+905321234567', template: 'application_received', params: { trackingNumber } });
      const row = await settledMessage(id, 'failed');
      expect(row).toMatchObject({ attempts: 1, last_error: 'no SMS provider configured', provider_message_id: null, sent_at: null });
      expect((await jobEnded(id, 'failed')).attemptsMade).toBe(1);
    });

    it('marks a status-page message sent without sending anything', async () => {
      const before = smtp.received.length;
      const id = await requestMessage(stack.db, { channel: 'web', recipient: null, template: 'information_requested', params: { trackingNumber } });
      const row = await settledMessage(id, 'sent');
      expect(row.sent_at).not.toBeNull();
      expect(smtp.received.length).toBe(before);
    });

    it('fails an email that has no address, saying so', async () => {
      const id = await requestMessage(stack.db, { channel: 'email', recipient: null, template: 'application_rejected', params: { trackingNumber } });
      const row = await settledMessage(id, 'failed');
      expect(row.last_error).toBe('no recipient to send the email to');
    });

    it('sends a citizen’s message to the contact in the vault, and nowhere once that identity is erased', async () => {
      const email = `citizen.${randomBytes(4).toString('hex')}@mail.example`;
      const filed = await request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ language: 'en', citizen: { email } }))
        .expect(201);
      const { rows: apps } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [filed.body.trackingNumber.replace(/-/g, '')]);
      const params = { trackingNumber: filed.body.trackingNumber, body: 'Repaired on Monday.' };
      const first = await requestMessage(stack.db, { channel: 'email', recipient: null, template: 'application_answered', params, toCitizenOf: apps[0].id });
      await settledMessage(first, 'sent');
      const answered = () => smtp.mailTo(email).filter((m) => m.parsed.text?.includes('Repaired on Monday.'));
      expect((await waitFor(async () => answered()[0], 20000, 'the answer by email')).parsed.subject).toContain(filed.body.trackingNumber);
      // The contact is never copied onto a citizen's message.
      await expect(
        requestMessage(stack.db, { channel: 'email', recipient: email, template: 'application_answered', params, toCitizenOf: apps[0].id }),
      ).rejects.toThrow(/outgoing_messages_citizen_contact_sealed/);

      await stack.db.query('DELETE FROM citizen_identities WHERE application_id = $1', [apps[0].id]);
      const after = await requestMessage(stack.db, { channel: 'email', recipient: null, template: 'application_answered', params, toCitizenOf: apps[0].id });
      expect((await settledMessage(after, 'failed')).last_error).toBe('no recipient to send the email to');
      expect(answered()).toHaveLength(1);
    });

    it('emails an answer with the tracking number and status link, never the access code', async () => {
      const email = `citizen.${randomBytes(4).toString('hex')}@mail.example`;
      const body = 'Water is back since Tuesday.\nPipes on <Moda Caddesi> were replaced.';
      const id = await requestMessage(stack.db, {
        channel: 'email',
        recipient: email,
        template: 'application_answered',
        language: 'ar',
        params: { trackingNumber, body, accessCode: '52830174' },
      });
      const mail = await smtp.waitForMail(email);
      await settledMessage(id, 'sent');
      expect(mail.parsed.subject).toContain(trackingNumber);
      expect(mail.parsed.text).toContain(body);
      expect(mail.parsed.text).toContain(`${PUBLIC_BASE_URL}/ar/status/${trackingNumber.replace(/-/g, '')}`);
      expect(mail.parsed.html).toContain('dir="rtl"');
      expect(mail.parsed.html).toContain('&lt;Moda Caddesi&gt;');
      expect(mail.raw).not.toContain('52830174');
    });
  });

  async function settledMessage(id: string, status: string): Promise<MessageRow> {
    return waitFor(
      async () => {
        const { rows } = await stack.db.query<MessageRow>(
          'SELECT id, status, attempts, last_error, provider_message_id, sent_at FROM outgoing_messages WHERE id = $1',
          [id],
        );
        return rows[0]?.status === status && rows[0];
      },
      20000,
      `message ${id} to be ${status}`,
    );
  }
});

/**
 * What NotificationsService.request writes, for channels no api path sends on yet: the message row and
 * its message.requested event, in one transaction.
 */
async function requestMessage(
  db: Pool,
  m: { channel: string; recipient: string | null; template: string; language?: string; params: Record<string, unknown>; toCitizenOf?: string },
): Promise<string> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `INSERT INTO outgoing_messages (channel, recipient, template, language, params, application_id, to_citizen)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [m.channel, m.recipient, m.template, m.language ?? 'en', JSON.stringify(m.params), m.toCitizenOf ?? null, m.toCitizenOf !== undefined],
    );
    await client.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ('message.requested', $1, '{}')`, [rows[0].id]);
    await client.query('COMMIT');
    return rows[0].id;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
