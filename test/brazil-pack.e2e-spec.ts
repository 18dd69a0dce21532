import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { catalogs } from '@petitio/i18n';
import { SEARCH_CONFIGS } from '@petitio/inbox';
import { fitSmsText, lettersWithoutMarks, smsSegments } from '@petitio/message-delivery';
import { loadEnvironment } from '@petitio/platform';
import { BusinessCalendar, DeadlinePeriod, calendarConfigFrom } from '@petitio/sla';
import { routedAgencyCode } from './support/applications';
import { actNow } from './support/casework';
import { FakeTwilio } from './support/fake-twilio';
import { waitFor } from './support/ports';
import { twilioEnv } from './support/sms-outbound';
import { TestSmtpServer } from './support/smtp';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/test-services';
import { TWILIO_WEBHOOK_ENV, messageText, twilioPost, twilioSid } from './support/twilio-webhooks';
import { phoneHashOf } from './support/identities';

const run = promisify(execFile);
const withoutMarks = (text: string) => fitSmsText(text, lettersWithoutMarks('pt')).text;
const ROOT = join(__dirname, '..');
const THIRTY_DAYS: DeadlinePeriod = { amount: 30, unit: 'calendar_days' };
const TWO_WORKING_DAYS: DeadlinePeriod = { amount: 2, unit: 'working_days' };

/** A mobile number in Brasília (area code 61) nobody else in the run uses. */
const brasiliaMobile = () => `+55619${String(randomInt(10_000_000, 99_999_999))}`;

/**
 * A deployment started with COUNTRY_PACK=br, end to end: the pack's law and demo directory loaded by `seed` into a
 * new database, Portuguese on the portal, console, SMS and emails, Brazilian deadlines on the Federal District's
 * calendar, and the ombudsman law's rule that asking the citizen starts the period again.
 */
describe('the Brazil country pack', () => {
  let template: string;
  let stack: TestStack;
  let smtp: TestSmtpServer;
  let twilio: FakeTwilio;
  let officer: TestStaff;
  let triageOfficer: TestStaff;
  const pt = catalogs.texts('email', 'pt');
  const sms = catalogs.texts('sms', 'pt');

  beforeAll(async () => {
    // A first start with COUNTRY_PACK=br: an empty database, migrated, then seeded from the pack.
    template = await createTestDatabase(undefined, 'template1');
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(template), COUNTRY_PACK: 'br' };
    const cli = (command: string) => run(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), command], { cwd: ROOT, env });
    await cli('migrate');
    const { stdout } = await cli('seed');
    expect(stdout).toContain('country pack br installed: 5 application types, 11 reasons, 7 deadline policies');
    expect(stdout).toContain('demo data loaded: 9 regions (0 with boundaries), 21 agencies, 8 topics, 10 routing rules, 5 staff users');

    [smtp, twilio] = await Promise.all([TestSmtpServer.start(), FakeTwilio.start()]);
    stack = await startStack({
      template,
      env: {
        COUNTRY_PACK: 'br',
        ...twilioEnv(twilio),
        ...TWILIO_WEBHOOK_ENV,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Ouvidoria <no-reply@petitio.example>',
      },
    });
    officer = await staffUser(stack.db, stack.apiUrl, 'CAESB-TAG', ['officer']);
    triageOfficer = await staffUser(stack.db, stack.apiUrl, 'TRIAGE', ['officer']);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await Promise.all([smtp?.stop(), twilio?.stop()]);
    if (template) await dropTestDatabase(template);
  });

  const clocksOf = async (id: string) =>
    (
      await stack.db.query(
        `SELECT c.kind, p.code, c.started_at, c.deadline_at, c.paused_at FROM sla_clocks c JOIN sla_policies p ON p.id = c.policy_id
         WHERE c.application_id = $1 AND c.stopped_at IS NULL ORDER BY c.kind`,
        [id],
      )
    ).rows;
  const applicationId = async (tracking: string) =>
    (await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [tracking.replace(/-/g, '')])).rows[0].id as string;

  it('speaks Portuguese to citizens and staff by default, and holds Brazilian law', async () => {
    const home = await request(stack.apiUrl).get('/').redirects(1).expect(200);
    expect(home.text).toContain('<html lang="pt" dir="ltr">');
    const signIn = await request(stack.apiUrl).get('/staff/sign-in').expect(200);
    expect(signIn.text).toContain('<html lang="pt"');
    const { rows } = await stack.db.query(`SELECT code FROM sla_policies WHERE active ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual([
      'BR-12527-INFORMATION',
      'BR-12527-INFORMATION-REQUEST',
      'BR-13460-COMPLAINT',
      'BR-13460-PETITION',
      'BR-13460-REQUEST',
      'BR-13460-SUGGESTION',
      'BR-FIRST-RESPONSE',
    ]);
  });

  it('takes a web complaint in Portuguese to CAESB Taguatinga, on the Federal District calendar, restarts the period when the citizen is asked, and writes every email in Portuguese', async () => {
    const email = `maria.${randomInt(1e9)}@example.org`;
    const submitted = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send({
        type: 'complaint',
        topic: 'water',
        subject: 'Falta de água',
        body: 'Estamos sem água na QNA 12 de Taguatinga desde segunda-feira.',
        language: 'pt',
        location: { provinceCode: 'BR-DF', districtCode: 'BR-DF-TAG' },
        citizen: { name: 'Maria da Silva', email },
      })
      .expect(201);
    const { trackingNumber, accessCode } = submitted.body;
    expect(await routedAgencyCode(stack.db, trackingNumber)).toBe('CAESB-TAG');
    const id = await applicationId(trackingNumber);

    const receipt = await smtp.waitForMail(email);
    expect(receipt.parsed.subject).toBe(pt.applicationReceived.subject({ tracking: trackingNumber }));

    // Deadlines on the pack's calendar: 30 calendar days under Law 13.460, and 2 working days in Brasília's hours.
    const clocks = await waitFor(async () => ((await clocksOf(id)).length === 2 ? clocksOf(id) : undefined), 15_000, 'two clocks');
    const [answer, firstResponse] = [clocks.find((c) => c.kind === 'answer'), clocks.find((c) => c.kind === 'first_response')];
    const brazil = new BusinessCalendar(calendarConfigFrom(loadEnvironment({ COUNTRY_PACK: 'br' })));
    const turkey = new BusinessCalendar(calendarConfigFrom(loadEnvironment({ COUNTRY_PACK: 'tr' })));
    const due = (calendar: BusinessCalendar, from: Date, period: DeadlinePeriod) => calendar.add(from, period).toISOString();
    expect(answer).toMatchObject({ code: 'BR-13460-COMPLAINT' });
    expect(answer.deadline_at.toISOString()).toBe(due(brazil, answer.started_at, THIRTY_DAYS));
    expect(firstResponse).toMatchObject({ code: 'BR-FIRST-RESPONSE' });
    expect(firstResponse.deadline_at.toISOString()).toBe(due(brazil, firstResponse.started_at, TWO_WORKING_DAYS));
    // Brasília's hours and holidays, not Istanbul's: the same start falls due at another instant there.
    expect(firstResponse.deadline_at.toISOString()).not.toBe(due(turkey, firstResponse.started_at, TWO_WORKING_DAYS));

    // Asking the citizen interrupts the period; their reply starts it again in full. The complaint is made ten days
    // old first, so that a period started again ends later than the first one would have, paused or not.
    await stack.db.query(
      `UPDATE sla_clocks SET started_at = started_at - interval '10 days', deadline_at = deadline_at - interval '10 days' WHERE application_id = $1 AND kind = 'answer'`,
      [id],
    );
    const tenDaysOld = (await clocksOf(id)).find((c) => c.kind === 'answer');
    await actNow(stack, officer, id, 'claim').expect(200);
    await actNow(stack, officer, id, 'information-requests', { question: 'Qual é o número da casa?' }).expect(201);
    const question = await waitFor(async () => smtp.mailTo(email).find((m) => m.parsed.subject?.startsWith('Mais informações')), 15_000, 'the question');
    expect(question.parsed.subject).toBe(pt.informationRequested.subject({ tracking: trackingNumber }));
    expect((await clocksOf(id)).find((c) => c.kind === 'answer').paused_at).not.toBeNull();

    const repliedAt = Date.now();
    await request(stack.apiUrl).post(`/api/v1/applications/${trackingNumber}/replies`).send({ accessCode, text: 'Casa 7, lote 3.' }).expect(201);
    const restarted = (await clocksOf(id)).find((c) => c.kind === 'answer');
    expect(restarted.paused_at).toBeNull();
    expect(restarted.started_at.getTime()).toBeGreaterThanOrEqual(repliedAt - 1000);
    expect(restarted.deadline_at.toISOString()).toBe(brazil.add(restarted.started_at, THIRTY_DAYS).toISOString());
    expect(restarted.deadline_at.getTime() - tenDaysOld.deadline_at.getTime()).toBeGreaterThan(9 * 24 * 3600_000);
    const { rows: events } = await stack.db.query(
      `SELECT kind, data->>'reason' AS reason FROM application_events WHERE application_id = $1 AND kind = 'clock_restarted'`,
      [id],
    );
    expect(events).toHaveLength(1);

    // Searched with Portuguese stems: "segundas" finds "segunda-feira", which plain words would not.
    const found = await request(stack.apiUrl)
      .get('/api/v1/staff/applications')
      .query({ q: 'segundas' })
      .set('Authorization', `Bearer ${officer.token}`)
      .expect(200);
    expect(found.body.items.map((i: { trackingNumber: string }) => i.trackingNumber)).toContain(trackingNumber);

    await actNow(stack, officer, id, 'answers', { text: 'O abastecimento foi normalizado nesta manhã.' }).expect(201);
    const answered = await waitFor(async () => smtp.mailTo(email).find((m) => m.parsed.subject?.includes('respondida')), 15_000, 'the answer');
    expect(answered.parsed.subject).toBe(pt.applicationAnswered.subject({ tracking: trackingNumber }));
    expect(answered.parsed.text).toContain('O abastecimento foi normalizado nesta manhã.');
    expect(answered.parsed.headers.get('content-language')).toBe('pt');
  });

  it('takes an SMS in Portuguese from a Brazilian mobile, answers it in Portuguese, and sends the answer by SMS in Portuguese', async () => {
    const from = brasiliaMobile();
    const res = await twilioPost(stack.apiUrl, '/webhooks/twilio/sms', {
      MessageSid: twilioSid('SM'),
      From: from,
      To: '+556130000000',
      Body: 'Falta água na minha rua há dois dias',
      NumSegments: '1',
    }).expect(200);
    const reply = messageText(res.text);
    const tracking = /(\d{4}-\d{4}-\d{3})/.exec(reply)![1];
    const code = /(\d{8})/.exec(reply.replace(tracking, ''))![1];
    // Written without the marks GSM-7 lacks (Código → Codigo), as Portuguese allows: one segment instead of two.
    expect(reply).toBe(withoutMarks(sms.received({ tracking, code })));
    expect(smsSegments(reply)).toMatchObject({ encoding: 'GSM-7', segments: 1 });

    const { rows } = await stack.db.query('SELECT id, language, channel FROM applications WHERE citizen_phone_hash = $1', [phoneHashOf(from)]);
    expect(rows).toEqual([{ id: expect.any(String), language: 'pt', channel: 'sms' }]);
    // An SMS has no place: water goes to the topic's default, the triage unit.
    expect(await routedAgencyCode(stack.db, tracking)).toBe('TRIAGE');

    const status = messageText(
      (
        await twilioPost(stack.apiUrl, '/webhooks/twilio/sms', {
          MessageSid: twilioSid('SM'),
          From: from,
          To: '+556130000000',
          Body: `SITUACAO ${tracking}`,
          NumSegments: '1',
        }).expect(200)
      ).text,
    );
    expect(status).toBe(withoutMarks(sms.statusAtAgency({ tracking, status: sms.statuses.routed, agency: 'Triagem da Ouvidoria-Geral' })));

    await actNow(stack, triageOfficer, rows[0].id, 'claim').expect(200);
    await actNow(stack, triageOfficer, rows[0].id, 'answers', { text: 'A equipe da CAESB religou o abastecimento.' }).expect(201);
    const sent = await waitFor(async () => twilio.messages.find((m) => m.to === from && m.body.includes('religou')), 15_000, 'the answer by SMS');
    expect(sent.body).toContain(withoutMarks(pt.applicationAnswered.body({ tracking })));
    expect(smsSegments(sent.body).encoding).toBe('GSM-7');
  });

  it("indexes every language's text with the PostgreSQL configuration the inbox searches it with", async () => {
    // The migration keeps its own copy of the list (migrations never import code that changes); they must agree.
    const languages = Object.keys(SEARCH_CONFIGS);
    const { rows } = await stack.db.query(
      `SELECT l.language, application_search_document('', 'correndo casas running houses', l.language) = (
         setweight(to_tsvector(l.config::regconfig, 'correndo casas running houses'), 'B')
         || to_tsvector('simple', ' correndo casas running houses')) AS same
       FROM unnest($1::text[], $2::text[]) AS l(language, config)`,
      [languages, languages.map((l) => SEARCH_CONFIGS[l])],
    );
    expect(rows.filter((r) => !r.same)).toEqual([]);
    expect(rows).toHaveLength(languages.length);
  });

  it('answers a call from a Brazilian number with the voice menu in Portuguese, read in a pt-BR voice, and a foreign caller in English', async () => {
    const voice = catalogs.texts('voice', 'pt');
    const call = async (from: string) =>
      (await twilioPost(stack.apiUrl, '/webhooks/twilio/voice', { CallSid: twilioSid('CA'), From: from, To: '+556130000000' }).expect(200)).text;
    const brazilian = await call(brasiliaMobile());
    expect(brazilian).toContain(`<Say language="pt-BR">${voice.menu}</Say>`);
    const foreign = await call('+14155550123');
    expect(foreign).toContain(`<Say language="en-US">${catalogs.texts('voice', 'en').menu}</Say>`);
  });
});
