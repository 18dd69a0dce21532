import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { TestSmtpServer } from './support/smtp';
import { withCitizenContacts } from './support/identities';
import { TestStack, startStack } from './support/stack';

describe('acknowledging receipt to the citizen', () => {
  let smtp: TestSmtpServer;
  let stack: TestStack;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    stack = await startStack({ env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://petitio.example' } });
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  const messagesOf = async (trackingNumber: string) =>
    withCitizenContacts(
      stack.db,
      (
        await stack.db.query(
          `SELECT m.channel, m.template, m.recipient, m.to_citizen, m.application_id FROM outgoing_messages m JOIN applications a ON a.id = m.application_id
           WHERE a.tracking_number = $1`,
          [digits(trackingNumber)],
        )
      ).rows,
    );

  it('emails the tracking number, in the citizen’s language, never the access code', async () => {
    const email = `citizen-${randomUUID()}@example.org`;
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ language: 'tr', citizen: { email } }))
      .expect(201);
    const mail = await smtp.waitForMail(email);
    expect(mail.parsed.text).toContain(res.body.trackingNumber);
    expect(mail.parsed.text).toContain(`https://petitio.example/tr/status/${digits(res.body.trackingNumber)}`);
    expect(mail.raw).not.toContain(res.body.accessCode);
    expect(mail.parsed.html).toBeTruthy();
    expect(await messagesOf(res.body.trackingNumber)).toEqual([{ channel: 'email', template: 'application_received', recipient: email }]);
  });

  it('texts a citizen who gave only a phone number', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    await waitFor(async () => (await messagesOf(res.body.trackingNumber)).length === 1, 10000, 'the acknowledgement');
    expect(await messagesOf(res.body.trackingNumber)).toEqual([{ channel: 'sms', template: 'application_received', recipient: '+905321234567' }]);
  });

  it('sends nothing to a citizen who left no contact', async () => {
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ citizen: undefined }))
      .expect(201);
    await routedAgencyCode(stack.db, res.body.trackingNumber);
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM outgoing_messages m JOIN applications a ON a.id = m.application_id WHERE a.tracking_number = $1`,
      [digits(res.body.trackingNumber)],
    );
    expect(rows[0].n).toBe(0);
  });

  it('acknowledges once even when the event is published again', async () => {
    const email = `citizen-${randomUUID()}@example.org`;
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ citizen: { email } }))
      .expect(201);
    await smtp.waitForMail(email);
    const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(res.body.trackingNumber)]);
    // A second application.received event, as a sweeper or a relay replay would publish it.
    await stack.db.query(`INSERT INTO outbox_events (topic, aggregate_id) VALUES ('application.received', $1)`, [rows[0].id]);
    await waitFor(async () => (await stack.db.query('SELECT count(*)::int AS n FROM outbox_events')).rows[0].n === 0, 10000, 'the relay');
    await new Promise((r) => setTimeout(r, 500));
    expect(await messagesOf(res.body.trackingNumber)).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });
});
