import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import request from 'supertest';
import { escalationTimerJobId } from '@petitio/sla';
import { Case, act, actNow, publicStatus, submitCase, versionOf } from './support/casework';
import { claimAndAnswer, historyOf, outgoingTo } from './support/casework-disposition';
import { stackCalendar } from './support/deadlines';
import { waitFor } from './support/ports';
import { TestSmtpServer } from './support/smtp';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const calendar = stackCalendar;

const c4 = () => randomBytes(4).toString('hex');

interface ClockRow {
  id: string;
  kind: string;
  started_at: Date;
  deadline_at: Date;
  paused_at: Date | null;
  stopped_at: Date | null;
  extended: boolean;
  extension_reason: string | null;
  deadline_version: number;
  escalation_run: number;
  next_escalation_step: number | null;
  next_escalation_at: Date | null;
}

describe('deadline extensions and interim answers', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let escalations: Queue;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    stack = await startStack({ env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://petitio.example' } });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    const redis = new URL(stack.env.REDIS_URL);
    escalations = new Queue('escalations', { connection: { host: redis.hostname, port: Number(redis.port) }, prefix: stack.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await escalations?.close();
    await stack?.stop();
    await smtp?.stop();
  });
  const mailWithSubject = (address: string, subject: string) =>
    waitFor(async () => smtp.mailTo(address).find((m) => m.parsed.subject?.includes(subject)), 20000, `an email to ${address} about ${subject}`);

  const clocksOf = async (id: string): Promise<ClockRow[]> =>
    (
      await stack.db.query(
        `SELECT id, kind, started_at, deadline_at, paused_at, stopped_at, extended, extension_reason, deadline_version, escalation_run,
           next_escalation_step, next_escalation_at
         FROM sla_clocks WHERE application_id = $1 ORDER BY created_at, kind`,
        [id],
      )
    ).rows;
  const clock = async (id: string, kind: string) => (await clocksOf(id)).find((c) => c.kind === kind && !c.stopped_at)!;
  const clocksStarted = (id: string, count: number) =>
    waitFor(async () => (await clocksOf(id)).length === count && clocksOf(id), 10000, `${count} clocks on ${id}`);
  const extend = (c: Case, kind: string, body: Record<string, unknown>) => actNow(stack, officer, c.id, `deadlines/${kind}/extension`, body);
  const conversation = async (id: string) =>
    (await stack.db.query('SELECT direction, kind, body, author_staff_id FROM application_messages WHERE application_id = $1 ORDER BY created_at', [id])).rows;
  const timerOf = (c: ClockRow) =>
    escalationTimerJobId(c.id, {
      run: c.escalation_run,
      version: c.deadline_version,
      step: c.next_escalation_step!,
      dueAt: c.next_escalation_at!.toISOString(),
    });

  describe('extending a deadline', () => {
    it('extends an information request’s answer deadline once by 15 working days and tells the citizen why, in the same change', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c.id, 3);
      const before = await clock(c.id, 'answer');
      const information = await clock(c.id, 'information');
      const version = await versionOf(stack, c.id);
      const reason = 'The land registry must be consulted for the parcel records.';

      const res = await extend(c, 'answer', { reason }).expect(200);
      const newDeadline = calendar.add(before.deadline_at, { amount: 15, unit: 'working_days' });
      // Moving a clock is no edit another officer could conflict with: the version stays.
      expect(res.body).toEqual({ id: c.id, status: 'routed', version, deadline: newDeadline.toISOString() });

      const after = await clock(c.id, 'answer');
      expect(after).toMatchObject({
        id: before.id,
        deadline_at: newDeadline,
        extended: true,
        extension_reason: reason,
        deadline_version: before.deadline_version + 1,
      });
      // The escalation ladder is planned again against the new deadline: its next step comes later.
      expect(after.next_escalation_at!.getTime()).toBeGreaterThan(before.next_escalation_at!.getTime());
      expect(await clock(c.id, 'information')).toMatchObject({
        deadline_at: information.deadline_at,
        deadline_version: information.deadline_version,
        extended: false,
      });

      const status = await publicStatus(stack, c);
      expect(status.history.map((h: { event: string }) => h.event)).toContain('deadline_extended');
      expect(status.deadline).toEqual({ at: newDeadline.toISOString(), paused: false, late: false });
      expect(status.messages).toEqual([expect.objectContaining({ direction: 'to_citizen', kind: 'deadline_notice', body: reason })]);
      const line = (await historyOf(stack, c.id)).find((h) => h.kind === 'deadline_extended')!;
      expect(line).toMatchObject({
        actor_type: 'staff',
        actor_id: officer.id,
        data: { kind: 'answer', deadline: newDeadline.toISOString(), reason, extended: true },
      });

      expect(await outgoingTo(stack, c.id, 'deadline_extended')).toEqual([
        expect.objectContaining({
          channel: 'sms',
          recipient: '+905321234567',
          params: { trackingNumber: c.trackingNumber, body: reason, deadline: newDeadline.toISOString(), clockKind: 'answer' },
        }),
      ]);
      expect(await conversation(c.id)).toEqual([{ direction: 'to_citizen', kind: 'deadline_notice', body: reason, author_staff_id: officer.id }]);
    });

    it('emails the extension to a Turkish citizen with the new date, in Istanbul time, and the reason', async () => {
      const email = `citizen.${c4()}@example.org`;
      const c = await submitCase(stack, { type: 'information_request', language: 'tr', citizen: { name: 'Ayşe Yılmaz', email } });
      await clocksStarted(c.id, 3);
      const reason = 'Tapu müdürlüğünün görüşü alınacak.';
      const res = await extend(c, 'answer', { reason }).expect(200);

      const mail = await mailWithSubject(email, 'uzatıldı');
      const date = new Intl.DateTimeFormat('tr', { dateStyle: 'long', timeZone: 'Europe/Istanbul' }).format(new Date(res.body.deadline));
      expect(mail.parsed.text).toContain(`Yeni son tarih: ${date}.`);
      expect(mail.parsed.text).toContain(reason);
      expect(mail.parsed.text).toContain(`https://petitio.example/tr/status/${c.trackingNumber.replace(/-/g, '')}`);
    });

    it('sets the escalation timer for the new deadline and removes the one set for the old deadline', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c.id, 3);
      const before = await clock(c.id, 'answer');
      await waitFor(async () => (await escalations.getJob(timerOf(before))) !== undefined, 10000, 'the first timer of the answer clock');

      await extend(c, 'answer', { reason: 'Another unit must be consulted.' }).expect(200);
      const after = await clock(c.id, 'answer');
      const timer = await waitFor(async () => await escalations.getJob(timerOf(after)), 10000, 'the timer for the extended deadline');
      expect(timer.timestamp + (timer.opts.delay ?? 0)).toBeGreaterThanOrEqual(after.next_escalation_at!.getTime() - 5000);
      expect(timer.data).toMatchObject({ applicationId: c.id, version: after.deadline_version, run: after.escalation_run });
      await waitFor(async () => (await escalations.getJob(timerOf(before))) === undefined, 10000, 'the old timer to be removed');
    });

    it('refuses a second extension of the same deadline', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c.id, 3);
      await extend(c, 'information', { reason: 'Another unit must be consulted.' }).expect(200);
      const extended = await clock(c.id, 'information');

      const again = await extend(c, 'information', { reason: 'Still waiting.' }).expect(409);
      expect(again.body.code).toBe('SLA_EXTENSION_USED');
      expect(await clock(c.id, 'information')).toMatchObject({ deadline_at: extended.deadline_at, deadline_version: extended.deadline_version });
      expect(await outgoingTo(stack, c.id, 'deadline_extended')).toHaveLength(1);
    });

    it('refuses an extension without a reason, or of a deadline that is no kind of deadline, naming the field', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c.id, 3);
      for (const reason of ['', '   ', undefined]) {
        const res = await extend(c, 'answer', reason === undefined ? {} : { reason }).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      }
      const badKind = await extend(c, 'whenever', { reason: 'Another unit must be consulted.' }).expect(400);
      expect(badKind.body.errors).toEqual([
        expect.objectContaining({ field: 'kind', message: expect.stringContaining('first_response, answer, information') }),
      ]);
      expect((await clock(c.id, 'answer')).extended).toBe(false);
      expect(await outgoingTo(stack, c.id, 'deadline_extended')).toEqual([]);
    });

    it('refuses to extend a complaint’s answer deadline: Law 3071 allows no extension', async () => {
      const c = await submitCase(stack);
      await clocksStarted(c.id, 2);
      const before = await clock(c.id, 'answer');
      const res = await extend(c, 'answer', { reason: 'Busy season.' }).expect(409);
      expect(res.body.code).toBe('SLA_EXTENSION_NOT_ALLOWED');
      expect(await clock(c.id, 'answer')).toMatchObject({ deadline_at: before.deadline_at, extended: false });
      expect(await conversation(c.id)).toEqual([]);
    });

    it('refuses an information deadline extended after it has passed, since the notice had to come before it', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c.id, 3);
      await stack.db.query(`UPDATE sla_clocks SET deadline_at = now() - interval '1 hour' WHERE application_id = $1 AND kind = 'information'`, [c.id]);
      const res = await extend(c, 'information', { reason: 'Another unit must be consulted.' }).expect(409);
      expect(res.body.code).toBe('SLA_EXTENSION_TOO_LATE');
      expect((await clock(c.id, 'information')).extended).toBe(false);
      expect(await outgoingTo(stack, c.id, 'deadline_extended')).toEqual([]);
    });

    it('answers 404 for a deadline the application does not run', async () => {
      const c = await submitCase(stack);
      await clocksStarted(c.id, 2);
      const res = await extend(c, 'information', { reason: 'Another unit must be consulted.' }).expect(404);
      expect(res.body.code).toBe('SLA_CLOCK_NOT_FOUND');
    });
  });

  describe('a petition that also asks for information', () => {
    it('runs the Law 4982 information deadline beside the petition deadline once staff start it, and only once', async () => {
      const c = await submitCase(stack, { type: 'petition' });
      await clocksStarted(c.id, 2);
      expect((await clocksOf(c.id)).map((k) => k.kind)).toEqual(['answer', 'first_response']);

      const res = await actNow(stack, officer, c.id, 'deadlines/information').expect(201);
      const info = await clock(c.id, 'information');
      const { rows } = await stack.db.query(
        `SELECT occurred_at, data FROM application_events WHERE application_id = $1 AND kind = 'deadline_set' AND data->>'kind' = 'information'`,
        [c.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].data.reason).toBe('asks_for_information');
      expect(info.started_at.toISOString()).toBe(rows[0].occurred_at.toISOString());
      expect(info.deadline_at.toISOString()).toBe(calendar.add(info.started_at, { amount: 15, unit: 'working_days' }).toISOString());
      expect(res.body.deadline).toBe(info.deadline_at.toISOString());
      // The petition's own 30-day clock is untouched.
      expect((await clock(c.id, 'answer')).deadline_version).toBe(1);

      const again = await actNow(stack, officer, c.id, 'deadlines/information').expect(409);
      expect(again.body.code).toBe('SLA_CLOCK_RUNNING');
    });
  });

  describe('interim answers', () => {
    it('shows a progress update to the citizen while the status stays and every deadline keeps running', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      const before = await clocksStarted(c.id, 3);
      const version = await versionOf(stack, c.id);
      const text = 'We have asked the district office for the budget tables.';

      const res = await act(stack, officer, c.id, 'interim-answers', { version, text }).expect(201);
      expect(res.body).toEqual({ id: c.id, status: 'routed', version: version + 1, assignedOfficerId: null });
      expect(await clocksOf(c.id)).toEqual(before);
      expect(before.every((k) => !k.paused_at && !k.stopped_at)).toBe(true);

      const status = await publicStatus(stack, c);
      expect(status.status).toBe('routed');
      expect(status.history.map((h: { event: string }) => h.event)).toContain('interim_answer');
      expect(status.messages).toEqual([expect.objectContaining({ direction: 'to_citizen', kind: 'interim_answer', body: text })]);
      expect(status.deadline).toMatchObject({ paused: false });
      expect(await outgoingTo(stack, c.id, 'interim_answer')).toEqual([
        expect.objectContaining({ channel: 'sms', params: { trackingNumber: c.trackingNumber, body: text } }),
      ]);
      expect(await conversation(c.id)).toEqual([{ direction: 'to_citizen', kind: 'interim_answer', body: text, author_staff_id: officer.id }]);
    });

    it('emails the progress update with the agency’s words', async () => {
      const email = `citizen.${c4()}@example.org`;
      const c = await submitCase(stack, { citizen: { name: 'Ayşe Yılmaz', email } });
      await actNow(stack, officer, c.id, 'interim-answers', { text: 'A crew is booked for Thursday.' }).expect(201);
      const mail = await mailWithSubject(email, 'News about your application');
      expect(mail.parsed.text).toContain('A crew is booked for Thursday.');
      expect(mail.parsed.text).toContain('stays open until it is answered');
    });

    it('refuses a progress update without text, naming the field', async () => {
      const c = await submitCase(stack);
      const res = await actNow(stack, officer, c.id, 'interim-answers', { text: '  ' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    });

    it('refuses a progress update once the application is answered', async () => {
      const c = await submitCase(stack);
      await clocksStarted(c.id, 2);
      await claimAndAnswer(stack, officer, c.id, 'The pipe was repaired.');
      const res = await actNow(stack, officer, c.id, 'interim-answers', { text: 'More news.' }).expect(409);
      expect(res.body.code).toBe('INTERIM_ANSWER_NOT_ALLOWED');
      expect(await outgoingTo(stack, c.id, 'interim_answer')).toEqual([]);
    });
  });

  describe('clocks when an application is merged or appealed', () => {
    it('stops every clock of an application merged as a duplicate', async () => {
      const original = await submitCase(stack);
      const duplicate = await submitCase(stack);
      await clocksStarted(duplicate.id, 2);
      await actNow(stack, officer, duplicate.id, 'duplicate-of', { originalId: original.id }).expect(200);

      expect((await clocksOf(duplicate.id)).map((k) => [k.kind, k.stopped_at !== null])).toEqual([
        ['answer', true],
        ['first_response', true],
      ]);
      const stopped = (await historyOf(stack, duplicate.id)).filter((h) => h.kind === 'clock_stopped');
      expect(stopped.map((h) => [h.data.kind, h.data.reason]).sort()).toEqual([
        ['answer', 'merged_as_duplicate'],
        ['first_response', 'merged_as_duplicate'],
      ]);
    });

    it('starts a fresh answer clock when the citizen appeals an answered application', async () => {
      const c = await submitCase(stack);
      await clocksStarted(c.id, 2);
      await claimAndAnswer(stack, officer, c.id, 'The pipe was repaired.');
      expect((await clocksOf(c.id)).every((k) => k.stopped_at !== null)).toBe(true);

      await request(stack.apiUrl)
        .post(`/api/v1/applications/${c.trackingNumber}/appeal`)
        .send({ accessCode: c.accessCode, text: 'Still no water.' })
        .expect(200);
      const fresh = await clock(c.id, 'answer');
      const opened = (await historyOf(stack, c.id)).find((h) => h.kind === 'appeal_opened')!;
      expect(fresh.started_at).toEqual(opened.occurred_at);
      expect(fresh.deadline_at).toEqual(calendar.add(opened.occurred_at, { amount: 30, unit: 'calendar_days' }));
      const set = (await historyOf(stack, c.id)).filter((h) => h.kind === 'deadline_set').at(-1)!;
      expect(set.data).toMatchObject({ kind: 'answer', reason: 'appeal_opened', deadline: fresh.deadline_at.toISOString() });
      expect((await publicStatus(stack, c)).deadline).toEqual({ at: fresh.deadline_at.toISOString(), paused: false, late: false });
    });
  });
});
