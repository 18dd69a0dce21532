import request from 'supertest';
import { FiledApplication, claimAndAnswer, currentVersion, fileRouted, historyOf, staffAction } from './support/casework-disposition';
import { withoutClockLines } from './support/deadlines';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

/**
 * The stack runs with APPEAL_WINDOW_DAYS=2 (the default is 30): moving answered_at back in SQL by
 * one day keeps an appeal inside the window and by three days puts it outside, which proves the
 * window is the configured one without waiting.
 */
describe('citizen feedback: ratings and appeals', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let supervisor: TestStaff;

  beforeAll(async () => {
    stack = await startStack({ env: { APPEAL_WINDOW_DAYS: '2', STATUS_LOOKUP_LIMIT_PER_MINUTE: '500' } });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor']);
  });
  afterAll(() => stack?.stop());

  const rate = (app: FiledApplication, body: Record<string, unknown>) =>
    request(stack.apiUrl)
      .post(`/api/v1/applications/${app.trackingNumber}/rating`)
      .send({ accessCode: app.accessCode, ...body });
  const appeal = (app: FiledApplication, body: Record<string, unknown>) =>
    request(stack.apiUrl)
      .post(`/api/v1/applications/${app.trackingNumber}/appeal`)
      .send({ accessCode: app.accessCode, ...body });
  const answered = async (text = 'The pipe was repaired.') => {
    const app = await fileRouted(stack);
    await claimAndAnswer(stack, officer, app.id, text);
    return app;
  };
  const row = async (id: string) =>
    (await stack.db.query('SELECT status, rating, rating_comment, assigned_agency_id, assigned_officer_id FROM applications WHERE id = $1', [id])).rows[0];

  describe('rating', () => {
    it('records a good rating once, without reopening anything', async () => {
      const app = await answered();
      const res = await rate(app, { score: 5, comment: 'Quick and clear, thank you.' }).expect(200);
      expect(res.body).toEqual({ status: 'answered', appealOpened: false });
      expect(await row(app.id)).toMatchObject({ status: 'answered', rating: 5, rating_comment: 'Quick and clear, thank you.' });
      expect(withoutClockLines(await historyOf(stack, app.id), (h) => h.kind).at(-1)).toMatchObject({
        kind: 'rated',
        actor_type: 'citizen',
        data: { score: 5 },
      });

      const again = await rate(app, { score: 1 }).expect(409);
      expect(again.body.code).toBe('ALREADY_RATED');
      expect(await row(app.id)).toMatchObject({ status: 'answered', rating: 5 });
    });

    it('turns a poor rating into an appeal the agency supervisor finds reopened in the agency', async () => {
      const app = await answered();
      const agencyBefore = (await row(app.id)).assigned_agency_id;
      const res = await rate(app, { score: 2, comment: 'Nothing was repaired.' }).expect(200);
      expect(res.body).toEqual({ status: 'reopened', appealOpened: true });

      expect(await row(app.id)).toMatchObject({ status: 'reopened', rating: 2, assigned_agency_id: agencyBefore, assigned_officer_id: null });
      const history = await historyOf(stack, app.id);
      expect(withoutClockLines(history, (h) => h.kind).slice(-2)).toEqual([
        expect.objectContaining({ kind: 'rated', data: { score: 2 } }),
        expect.objectContaining({
          kind: 'appeal_opened',
          from_status: 'answered',
          to_status: 'reopened',
          actor_type: 'citizen',
          data: { reason: 'poor_rating' },
        }),
      ]);
      const { rows } = await stack.db.query(`SELECT direction, kind, body FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen'`, [
        app.id,
      ]);
      expect(rows).toEqual([{ direction: 'from_citizen', kind: 'appeal', body: 'Nothing was repaired.' }]);

      const inbox = await request(stack.apiUrl)
        .get('/api/v1/staff/applications?status=reopened')
        .set('Authorization', `Bearer ${supervisor.token}`)
        .expect(200);
      expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(app.id);
      // The agency takes it up again.
      await staffAction(stack, officer, app.id, 'claim', { version: await currentVersion(stack, app.id) }).expect(200);
    });

    it('also rates a closed application, and refuses one not yet answered, a bad score and a wrong code', async () => {
      const app = await answered();
      await staffAction(stack, officer, app.id, 'close', { version: await currentVersion(stack, app.id) }).expect(200);
      expect((await rate(app, { score: 4 }).expect(200)).body).toEqual({ status: 'closed', appealOpened: false });

      const open = await fileRouted(stack);
      expect((await rate(open, { score: 5 }).expect(409)).body.code).toBe('NOT_ANSWERED_YET');
      expect((await rate(open, { score: 6 }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'score' })]);
      expect((await rate(open, { score: 0 }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'score' })]);
      expect((await rate(open, { score: 2.5 }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'score' })]);
      expect((await rate(open, {}).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'score' })]);
      const wrongCode = await rate({ ...app, accessCode: app.accessCode === '00000000' ? '11111111' : '00000000' }, { score: 1 }).expect(404);
      expect(wrongCode.body.code).toBe('APPLICATION_NOT_FOUND');
      expect(await row(app.id)).toMatchObject({ status: 'closed', rating: 4 });
    });
  });

  describe('appeal', () => {
    it('reopens an answered application within the window with the citizen’s text', async () => {
      const app = await answered();
      // One day ago: inside the two-day window.
      await stack.db.query(`UPDATE applications SET answered_at = answered_at - interval '1 day' WHERE id = $1`, [app.id]);
      const res = await appeal(app, { text: 'The water is still off.' }).expect(200);
      expect(res.body).toEqual({ status: 'reopened', appealOpened: true });
      expect(await row(app.id)).toMatchObject({ status: 'reopened', assigned_officer_id: null });
      expect(withoutClockLines(await historyOf(stack, app.id), (h) => h.kind).at(-1)).toMatchObject({
        kind: 'appeal_opened',
        to_status: 'reopened',
        actor_type: 'citizen',
        data: { reason: 'citizen_appeal' },
      });
      const { rows } = await stack.db.query(
        `SELECT direction, kind, channel, body FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen'`,
        [app.id],
      );
      expect(rows).toEqual([{ direction: 'from_citizen', kind: 'appeal', channel: 'web', body: 'The water is still off.' }]);
    });

    it('refuses an appeal after the window with APPEAL_WINDOW_CLOSED', async () => {
      const app = await answered();
      // Three days ago: outside the two-day window (inside the default 30 days).
      await stack.db.query(`UPDATE applications SET answered_at = answered_at - interval '3 days' WHERE id = $1`, [app.id]);
      const res = await appeal(app, { text: 'Too late?' }).expect(409);
      expect(res.body.code).toBe('APPEAL_WINDOW_CLOSED');
      expect(res.body.message).toContain('2 days');
      expect((await row(app.id)).status).toBe('answered');
    });

    it('reopens a rejected application and a closed one', async () => {
      const rejected = await fileRouted(stack);
      await staffAction(stack, officer, rejected.id, 'rejections', {
        version: await currentVersion(stack, rejected.id),
        reasonCode: 'missing_identity',
        text: 'We need your full name and address.',
      }).expect(200);
      expect((await appeal(rejected, { text: 'My name is on the form.' }).expect(200)).body).toEqual({ status: 'reopened', appealOpened: true });

      const closed = await answered();
      await staffAction(stack, officer, closed.id, 'close', { version: await currentVersion(stack, closed.id) }).expect(200);
      expect((await appeal(closed, { text: 'Please look again.' }).expect(200)).body.status).toBe('reopened');
    });

    it('refuses an appeal while the application is still open, without text, or with a wrong code', async () => {
      const app = await fileRouted(stack);
      expect((await appeal(app, { text: 'Hurry up.' }).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
      expect((await appeal(app, {}).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
      expect((await appeal(app, { text: ' ' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
      await request(stack.apiUrl).post(`/api/v1/applications/${app.trackingNumber}/appeal`).send({ text: 'No code' }).expect(400);
      await appeal({ ...app, accessCode: app.accessCode === '00000000' ? '11111111' : '00000000' }, { text: 'Guess' }).expect(404);
      expect((await row(app.id)).status).toBe('routed');
    });
  });
});
