import { Queue } from 'bullmq';
import request from 'supertest';
import twilio from 'twilio';
import { FakeTwilio } from './support/fake-twilio';
import { actNow, submitCase } from './support/casework';
import { waitFor } from './support/ports';
import {
  PUBLIC_BASE_URL,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
  TWILIO_FROM_NUMBER,
  answerBySms,
  newAnswer,
  newPhone,
  outgoingSms,
  smsSettled,
  twilioEnv,
} from './support/sms-outbound';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { testServices } from './support/test-services';
import { phoneHashOf } from './support/identities';

const STATUS_PATH = '/webhooks/twilio/sms-status';

describe('SMS to citizens through Twilio', () => {
  let fake: FakeTwilio;
  let stack: TestStack;
  let officer: TestStaff;
  let queue: Queue;

  beforeAll(async () => {
    fake = await FakeTwilio.start();
    stack = await startStack({ env: twilioEnv(fake) });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    queue = new Queue('notifications', { connection: { host: '127.0.0.1', port: testServices.redisPort }, prefix: stack.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue?.close();
    await stack?.stop();
    await fake?.stop();
  });

  const jobFailed = (messageId: string) =>
    waitFor(async () => (await queue.getJobState(`message-${messageId}`)) === 'failed', 10_000, 'the delivery job to fail');

  it('sends an answer to a citizen who gave only a phone through the twilio SDK, with To, From, Body and the status callback', async () => {
    const phone = newPhone();
    const answer = newAnswer();
    const { messageId, trackingNumber } = await answerBySms(stack, officer, phone.typed, answer);
    const row = await smsSettled(stack, messageId, 'sent');

    expect(fake.messagesTo(phone.e164, answer)).toHaveLength(1);
    const [message] = fake.messagesTo(phone.e164, answer);
    expect(message).toMatchObject({ from: TWILIO_FROM_NUMBER, statusCallback: `${PUBLIC_BASE_URL}${STATUS_PATH}` });
    expect(message.body).toContain(trackingNumber);
    expect(message.body).not.toContain('Ayşe');
    expect(fake.createsTo(phone.e164, answer)[0]).toMatchObject({ user: TWILIO_ACCOUNT_SID, path: `/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Messages.json` });
    expect(row).toMatchObject({ attempts: 1, provider_message_id: message.sid, last_error: null });
    expect(stack.logs()).not.toContain(phone.e164);
  });

  it('links to the portal status page, which a phone opens with the number filled in and the access code asked for', async () => {
    const phone = newPhone();
    const answer = newAnswer();
    const { messageId, trackingNumber } = await answerBySms(stack, officer, phone.typed, answer);
    await smsSettled(stack, messageId, 'sent');
    const [message] = fake.messagesTo(phone.e164, answer);
    const link = message.body.split(/\s/).find((word) => word.startsWith(PUBLIC_BASE_URL))!;
    expect(link).toBe(`${PUBLIC_BASE_URL}/en/status/${trackingNumber.replace(/-/g, '')}`);

    const page = await request(stack.apiUrl).get(link.slice(PUBLIC_BASE_URL.length)).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="en"');
    expect(page.text).toMatch(new RegExp(`<input type="text" id="trackingNumber" name="trackingNumber" value="${trackingNumber}"`));
    expect(page.text).toMatch(/<input type="text" id="accessCode" name="accessCode" value=""/);
    expect(page.text).toContain('<form method="post" action="/en/status"');
  });

  it('shows the lookup page with a message next to the number when a status link was mangled, not a server error', async () => {
    const mistyped = await request(stack.apiUrl).get('/tr/status/48273915603').expect(400);
    expect(mistyped.text).toContain('<p class="error" id="trackingNumber-error">');
    expect(mistyped.text).toMatch(/<input type="text" id="accessCode" name="accessCode"/);
    const cut = await request(stack.apiUrl).get('/en/status/4827391').expect(400);
    expect(cut.text).toContain('id="trackingNumber-error"');
    expect(cut.text).toContain('value="4827391"');
  });

  it('writes Turkish letters without their marks so the answer stays GSM-7', async () => {
    const phone = newPhone();
    const { messageId } = await answerBySms(stack, officer, phone.typed, 'Su kesintisi giderildi, çalışma bitti.', { language: 'tr' });
    await smsSettled(stack, messageId, 'sent');
    const [message] = fake.messagesTo(phone.e164, 'Su kesintisi giderildi');
    expect(message.body).toContain('numarali basvurunuzu yanitladi');
    expect(message.body).toContain('Su kesintisi giderildi, calisma bitti.');
    expect(message.body).not.toMatch(/[şğıİçŞĞ]/);
  });

  it('retries after Twilio answers 500 twice and sends the message once', async () => {
    const phone = newPhone();
    const answer = newAnswer();
    fake.failCreates(2, 500, { bodyIncludes: answer });
    const { messageId } = await answerBySms(stack, officer, phone.typed, answer);
    const row = await smsSettled(stack, messageId, 'sent');
    expect(row.attempts).toBe(3);
    expect(fake.createsTo(phone.e164, answer)).toHaveLength(3);
    expect(fake.messagesTo(phone.e164, answer)).toHaveLength(1);
    expect(row.provider_message_id).toBe(fake.messagesTo(phone.e164, answer)[0].sid);
  });

  it('fails an invalid number (21211) after one attempt, without retrying', async () => {
    const phone = newPhone();
    const answer = newAnswer();
    fake.failCreates(1, 400, { code: 21211, bodyIncludes: answer });
    const { messageId } = await answerBySms(stack, officer, phone.typed, answer);
    const row = await smsSettled(stack, messageId, 'failed');
    await jobFailed(messageId);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('21211');
    expect(row.last_error).not.toContain(phone.e164);
    expect(fake.createsTo(phone.e164, answer)).toHaveLength(1);
    expect(fake.messagesTo(phone.e164, answer)).toHaveLength(0);
  });

  it('fails a number Twilio says opted out (21610) and remembers the opt-out', async () => {
    const phone = newPhone();
    const answer = newAnswer();
    fake.failCreates(1, 400, { code: 21610, bodyIncludes: answer });
    const { messageId } = await answerBySms(stack, officer, phone.typed, answer);
    const row = await smsSettled(stack, messageId, 'failed');
    expect(row.attempts).toBe(1);
    const { rows } = await stack.db.query('SELECT 1 FROM sms_opt_outs WHERE phone_hash = $1', [phoneHashOf(phone.e164)]);
    expect(rows).toHaveLength(1);
  });

  it('sends nothing to a number that opted out: the message ends suppressed', async () => {
    const phone = newPhone();
    await stack.db.query('INSERT INTO sms_opt_outs (phone_hash) VALUES ($1)', [phoneHashOf(phone.e164)]);
    const { messageId } = await answerBySms(stack, officer, phone.typed, newAnswer());
    const row = await smsSettled(stack, messageId, 'suppressed');
    expect(row.last_error).toBe('recipient opted out');
    expect(row.attempts).toBe(1);
    expect(fake.requests.filter((r) => r.form.To === phone.e164 || r.query.To === phone.e164)).toHaveLength(0);
  });

  describe('delivery reports (status callback)', () => {
    const post = (params: Record<string, string>, signedParams = params, path = STATUS_PATH) =>
      request(stack.apiUrl)
        .post(STATUS_PATH)
        .type('form')
        .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, signedParams))
        .send(params);
    const report = (sid: string, status: string, extra: Record<string, string> = {}) => ({
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: status,
      SmsStatus: status,
      AccountSid: TWILIO_ACCOUNT_SID,
      From: TWILIO_FROM_NUMBER,
      ApiVersion: '2010-04-01',
      ...extra,
    });

    async function sentMessage(): Promise<{ id: string; sid: string }> {
      const { messageId } = await answerBySms(stack, officer, newPhone().typed, newAnswer());
      const row = await smsSettled(stack, messageId, 'sent');
      return { id: messageId, sid: row.provider_message_id! };
    }

    it('records delivered, then undelivered with its error code, and never goes back to an earlier stage', async () => {
      const { id, sid } = await sentMessage();
      await post(report(sid, 'sent')).expect(204);
      expect(await outgoingSms(stack, id)).toMatchObject({ delivery_status: 'sent' });
      await post(report(sid, 'delivered')).expect(204);
      const delivered = await outgoingSms(stack, id);
      expect(delivered.delivery_status).toBe('delivered');
      expect(delivered.delivery_updated_at).toBeInstanceOf(Date);
      await post(report(sid, 'sent')).expect(204); // a late, out-of-order report
      expect((await outgoingSms(stack, id)).delivery_status).toBe('delivered');

      const other = await sentMessage();
      await post(report(other.sid, 'undelivered', { ErrorCode: '30003' })).expect(204);
      expect(await outgoingSms(stack, other.id)).toMatchObject({
        status: 'sent',
        delivery_status: 'undelivered',
        last_error: expect.stringContaining('30003'),
      });
    });

    it('refuses a tampered or unsigned report (403) and changes nothing', async () => {
      const { id, sid } = await sentMessage();
      await post(report(sid, 'failed'), report(sid, 'delivered')).expect(403);
      await post(report(sid, 'delivered'), report(sid, 'delivered'), '/webhooks/twilio/other').expect(403);
      await request(stack.apiUrl).post(STATUS_PATH).type('form').send(report(sid, 'delivered')).expect(403);
      expect(await outgoingSms(stack, id)).toMatchObject({ delivery_status: null, delivery_updated_at: null });
    });

    it('answers 204 to a report about a message it never sent, storing nothing', async () => {
      const before = await stack.db.query('SELECT count(*)::int AS n FROM outgoing_messages WHERE delivery_status IS NOT NULL');
      await post(report(`SM${'f'.repeat(32)}`, 'delivered')).expect(204);
      const after = await stack.db.query('SELECT count(*)::int AS n FROM outgoing_messages WHERE delivery_status IS NOT NULL');
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });
  });

  describe('from a sender ID or a Messaging Service', () => {
    const MESSAGING_SERVICE_SID = `MG${'fedcba9876543210'.repeat(2)}`;

    /** Replaces the running worker with one that sends with these settings. */
    async function workerWith(settings: Record<string, string>): Promise<void> {
      for (const worker of stack.workers) await worker.kill('SIGTERM');
      await stack.startWorker(settings);
    }

    it('sends from an alphanumeric sender ID as From=PETITIO, and points an information request to the reply number', async () => {
      await workerWith({ TWILIO_FROM_NUMBER: 'PETITIO', TWILIO_REPLY_NUMBER: '+905550000009' });
      const phone = newPhone();
      const answer = newAnswer();
      const { messageId } = await answerBySms(stack, officer, phone.typed, answer);
      await smsSettled(stack, messageId, 'sent');
      const [create] = fake.createsTo(phone.e164, answer);
      expect(create.form).toMatchObject({ From: 'PETITIO', To: phone.e164 });
      expect(create.form.MessagingServiceSid).toBeUndefined();

      const asked = newPhone();
      const c = await submitCase(stack, { citizen: { name: 'Ayşe Yılmaz', phone: asked.typed }, language: 'en' });
      await actNow(stack, officer, c.id, 'claim').expect(200);
      await actNow(stack, officer, c.id, 'information-requests', { question: 'Which entrance of the building?' }).expect(201);
      const question = await waitFor(async () => fake.messagesTo(asked.e164, 'Which entrance')[0], 15_000, 'the information request SMS');
      expect(question.from).toBe('PETITIO');
      expect(question.body).toContain('Text your reply to +905550000009');
      expect(question.body).not.toContain('Reply to this message');
    });

    it('sends through a Messaging Service as MessagingServiceSid without a From', async () => {
      await workerWith({ TWILIO_FROM_NUMBER: MESSAGING_SERVICE_SID });
      const phone = newPhone();
      const answer = newAnswer();
      const { messageId } = await answerBySms(stack, officer, phone.typed, answer);
      const row = await smsSettled(stack, messageId, 'sent');
      const [create] = fake.createsTo(phone.e164, answer);
      expect(create.form).toMatchObject({ MessagingServiceSid: MESSAGING_SERVICE_SID, To: phone.e164 });
      expect(create.form.From).toBeUndefined();
      expect(row.provider_message_id).toBe(fake.messagesTo(phone.e164, answer)[0].sid);
    });
  });
});
