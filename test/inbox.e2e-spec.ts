import request from 'supertest';
import { validApplication } from './support/applications';
import { Submitted, inboxIds, routed, staffGet, submitRouted } from './support/inbox';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';

const INBOX = '/api/v1/staff/applications';
const sorted = (ids: string[]) => [...ids].sort();

describe('staff inbox: filters, search and pages', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let officer: TestStaff;
  let agent: TestStaff;
  const app: Record<string, Submitted> = {};

  beforeAll(async () => {
    stack = await startStack();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Deniz Officer' });
    const colleague = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    agent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent']);

    app.kadikoyWater = await submitRouted(stack, { subject: 'Low pressure', body: 'The water pressure is very low in the mornings.' });
    app.kadikoyWater2 = await submitRouted(stack, { subject: 'Leak', body: 'A pipe leaks at the corner of our street.' });
    app.uskudarRequest = await submitRouted(stack, {
      type: 'request',
      subject: 'Meter check',
      body: 'Please check our water meter.',
      location: { provinceCode: 'TR-34', districtCode: 'TR-34-USK' },
    });
    app.health = await submitRouted(stack, { topic: 'health', subject: 'Clinic hours', body: 'The clinic closes too early.' });
    app.ankara = await submitRouted(stack, {
      type: 'suggestion',
      subject: 'Fountains',
      body: 'Please add drinking fountains to parks.',
      location: { provinceCode: 'TR-06' },
    });
    app.turkishOutage = await submitRouted(stack, {
      language: 'tr',
      subject: 'Su sorunu',
      body: 'Mahallemizde üç gündür su kesintisi yaşanıyor ve kimse bilgi vermiyor.',
    });
    app.turkishOutages = await submitRouted(stack, {
      language: 'tr',
      subject: 'Sık arızalar',
      body: 'Bu ay yaşanan kesintiler yüzünden işimize gidemiyoruz.',
    });
    app.turkishRoad = await submitRouted(stack, {
      language: 'tr',
      topic: 'roads',
      subject: 'Yol çukuru',
      body: 'Sokağımızdaki çukur kesin olarak kapatılmalı.',
    });
    app.englishInterrupted = await submitRouted(stack, {
      subject: 'Supply',
      body: 'Our water supply was interrupted three times this week.',
    });
    const filed = await request(stack.apiUrl)
      .post(INBOX)
      .set('Authorization', `Bearer ${agent.token}`)
      .send(validApplication({ subject: 'By phone', body: 'A caller reports a broken hydrant.' }))
      .expect(201);
    app.byAgent = await routed(stack, filed.body.trackingNumber);

    await stack.db.query(`UPDATE applications SET status = 'assigned', assigned_officer_id = $2 WHERE id = $1`, [app.kadikoyWater.id, officer.id]);
    await stack.db.query(`UPDATE applications SET status = 'in_progress', assigned_officer_id = $2 WHERE id = $1`, [app.kadikoyWater2.id, colleague.id]);
    await stack.db.query(`UPDATE applications SET created_at = '2024-01-15T10:00:00Z' WHERE id = $1`, [app.ankara.id]);
    await stack.db.query(`UPDATE applications SET created_at = '2024-02-01T12:00:00Z' WHERE id = $1`, [app.health.id]);
  });
  afterAll(() => stack?.stop());

  it('lists one line per application with no body or contact, newest first', async () => {
    const res = await staffGet(stack, officer.token, INBOX).expect(200);
    const line = res.body.items.find((item: { id: string }) => item.id === app.kadikoyWater.id);
    expect(Object.keys(line).sort()).toEqual(
      [
        'agency',
        'assignedOfficer',
        'channel',
        'confidential',
        'createdAt',
        'id',
        'sla',
        'status',
        'subject',
        'topic',
        'trackingNumber',
        'type',
        'updatedAt',
        'version',
      ].sort(),
    );
    expect(line).toMatchObject({
      trackingNumber: app.kadikoyWater.trackingNumber,
      type: 'complaint',
      topic: 'water',
      subject: 'Low pressure',
      status: 'assigned',
      channel: 'web',
      agency: { id: await agencyId(stack.db, 'ISKI-KDK'), code: 'ISKI-KDK', name: 'İSKİ Kadıköy Şube Müdürlüğü' },
      assignedOfficer: { id: officer.id, displayName: 'Deniz Officer' },
      confidential: false,
    });
    expect(line.trackingNumber).toMatch(/^\d{4}-\d{4}-\d{3}$/);
    const created = res.body.items.map((item: { createdAt: string }) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(res.body.nextCursor).toBeNull();
  });

  it('names agencies in the language the staff user asks for', async () => {
    const res = await staffGet(stack, officer.token, INBOX).set('Accept-Language', 'en').expect(200);
    expect(res.body.items[0].agency.name).toBe('ISKI Kadikoy Branch');
  });

  it('filters by one status or several', async () => {
    expect(await inboxIds(stack, admin.token, { status: 'assigned' })).toEqual([app.kadikoyWater.id]);
    expect(sorted(await inboxIds(stack, admin.token, { status: 'assigned,in_progress' }))).toEqual(sorted([app.kadikoyWater.id, app.kadikoyWater2.id]));
    expect(sorted(await inboxIds(stack, admin.token, { status: ['assigned', 'in_progress'] }))).toEqual(sorted([app.kadikoyWater.id, app.kadikoyWater2.id]));
    const routedIds = await inboxIds(stack, admin.token, { status: 'routed' });
    expect(routedIds).toHaveLength(8);
    expect(routedIds).not.toContain(app.kadikoyWater.id);
  });

  it('filters by type, topic and channel', async () => {
    expect(await inboxIds(stack, admin.token, { type: 'request' })).toEqual([app.uskudarRequest.id]);
    expect(await inboxIds(stack, admin.token, { topic: 'health' })).toEqual([app.health.id]);
    expect(await inboxIds(stack, admin.token, { topic: 'roads' })).toEqual([app.turkishRoad.id]);
    expect(await inboxIds(stack, admin.token, { topic: 'no-such-topic' })).toEqual([]);
    expect(await inboxIds(stack, admin.token, { channel: 'agent' })).toEqual([app.byAgent.id]);
    expect(await inboxIds(stack, admin.token, { channel: 'sms' })).toEqual([]);
  });

  it('filters what is assigned to me and what no officer has yet', async () => {
    expect(await inboxIds(stack, officer.token, { assignedToMe: 'true' })).toEqual([app.kadikoyWater.id]);
    const unassigned = await inboxIds(stack, officer.token, { unassigned: 'true' });
    const kadikoyWater = [app.turkishOutage, app.turkishOutages, app.englishInterrupted, app.byAgent].map((a) => a.id);
    expect(sorted(unassigned)).toEqual(sorted(kadikoyWater));
    expect(await inboxIds(stack, officer.token, { assignedToMe: 'false' })).toHaveLength(6);
  });

  it('filters by agency within the caller’s reach', async () => {
    expect(await inboxIds(stack, admin.token, { agencyId: await agencyId(stack.db, 'ASKI') })).toEqual([app.ankara.id]);
    expect(await inboxIds(stack, admin.token, { agencyId: await agencyId(stack.db, 'ISKI') })).toEqual([app.uskudarRequest.id]);
    expect(await inboxIds(stack, officer.token, { agencyId: await agencyId(stack.db, 'ASKI') })).toEqual([]);
  });

  it('filters by submission date: a date covers its whole day, a date-time is exact', async () => {
    expect(await inboxIds(stack, admin.token, { submittedTo: '2024-01-31' })).toEqual([app.ankara.id]);
    expect(await inboxIds(stack, admin.token, { submittedFrom: '2024-01-16', submittedTo: '2024-02-01' })).toEqual([app.health.id]);
    expect(await inboxIds(stack, admin.token, { submittedFrom: '2024-02-01T12:00:00Z', submittedTo: '2024-02-01T15:00:00+03:00' })).toEqual([app.health.id]);
    expect(await inboxIds(stack, admin.token, { submittedFrom: '2024-02-01T12:00:00.001Z', submittedTo: '2024-12-31' })).toEqual([]);
    expect(await inboxIds(stack, admin.token, { submittedTo: '2024-02-01T11:59:59.999Z' })).toEqual([app.ankara.id]);
    expect(await inboxIds(stack, admin.token, { submittedFrom: '2025-01-01' })).toHaveLength(8);
  });

  it('finds Turkish applications by the stem of a word, whatever its suffixes', async () => {
    expect(sorted(await inboxIds(stack, admin.token, { q: 'kesinti' }))).toEqual(sorted([app.turkishOutage.id, app.turkishOutages.id]));
    expect(await inboxIds(stack, admin.token, { q: 'kesintisi' })).toEqual([app.turkishOutage.id]);
    expect(await inboxIds(stack, admin.token, { q: '"su kesintisi"' })).toEqual([app.turkishOutage.id]);
    expect(await inboxIds(stack, admin.token, { q: 'kesinti -kimse' })).toEqual([app.turkishOutages.id]);
    expect(await inboxIds(stack, admin.token, { q: 'çukur' })).toEqual([app.turkishRoad.id]);
  });

  it('finds English applications by their English stems and any application by its exact words', async () => {
    expect(await inboxIds(stack, admin.token, { q: 'interruptions' })).toEqual([app.englishInterrupted.id]);
    expect(await inboxIds(stack, admin.token, { q: 'hydrant' })).toEqual([app.byAgent.id]);
    expect(sorted(await inboxIds(stack, admin.token, { q: 'fountains or clinic' }))).toEqual(sorted([app.ankara.id, app.health.id]));
    expect(await inboxIds(stack, admin.token, { q: 'nothing-like-this' })).toEqual([]);
    expect(await inboxIds(stack, officer.token, { q: 'clinic' })).toEqual([]);
  });

  it('refuses unknown and malformed parameters, naming the field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ dueSoon: 'true' }, 'dueSoon'],
      [{ overdue: 'true' }, 'overdue'],
      [{ status: 'routed,lost' }, 'status'],
      [{ type: 'wish' }, 'type'],
      [{ channel: 'fax' }, 'channel'],
      [{ assignedToMe: 'yes' }, 'assignedToMe'],
      [{ agencyId: 'ISKI' }, 'agencyId'],
      [{ submittedFrom: '2024-02-30' }, 'submittedFrom'],
      [{ submittedTo: '2024-02-01T10:00:00' }, 'submittedTo'],
      [{ sort: 'subject' }, 'sort'],
      [{ order: 'up' }, 'order'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '101' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ q: '  ' }, 'q'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await staffGet(stack, admin.token, INBOX, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    }
  });

  it('needs a signed-in staff user', async () => {
    await request(stack.apiUrl).get(INBOX).expect(401);
  });

  describe('pages', () => {
    let all: { id: string }[];

    beforeAll(async () => {
      const more = await Promise.all(
        Array.from({ length: 20 }, (_, i) => submitRouted(stack, { subject: `Page filler ${i}`, body: `Filler application number ${i}.` })),
      );
      // Ties on the sort value are where keysets go wrong: give a third of them the same instants.
      const tied = more.slice(0, 10).map((a) => a.id);
      await stack.db.query(
        `UPDATE applications SET created_at = '2025-06-01T08:00:00.123456Z', updated_at = '2025-06-02T08:00:00.654321Z' WHERE id = ANY($1)`,
        [tied],
      );
      const { rows } = await stack.db.query('SELECT id FROM applications');
      all = rows;
      expect(all.length).toBe(30);
    });

    const expected = async (column: string, order: 'asc' | 'desc') => {
      const { rows } = await stack.db.query(`SELECT id FROM applications ORDER BY ${column} ${order}, id ${order}`);
      return rows.map((r: { id: string }) => r.id);
    };

    async function walk(query: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Record<string, string> = cursor ? { ...query, limit: '7', cursor } : { ...query, limit: '7' };
        const res: request.Response = await staffGet(stack, admin.token, INBOX, page).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(7);
        ids.push(...res.body.items.map((item: { id: string }) => item.id));
        cursor = res.body.nextCursor;
        if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        pages++;
      } while (cursor && pages < 20);
      return { ids, pages };
    }

    it.each([
      ['createdAt', 'desc', 'created_at'],
      ['createdAt', 'asc', 'created_at'],
      ['updatedAt', 'desc', 'updated_at'],
      ['updatedAt', 'asc', 'updated_at'],
    ] as const)('walks every application by %s %s once, in order', async (sort, order, column) => {
      const { ids, pages } = await walk({ sort, order });
      expect(ids).toEqual(await expected(column, order));
      expect(new Set(ids).size).toBe(30);
      expect(pages).toBe(5);
    });

    it('sorts by creation, newest first, unless asked otherwise', async () => {
      const { ids } = await walk({});
      expect(ids).toEqual(await expected('created_at', 'desc'));
    });

    it('pages a filtered list and ends with a null cursor', async () => {
      const first = await staffGet(stack, officer.token, INBOX, { limit: '20', order: 'asc' }).expect(200);
      expect(first.body.items).toHaveLength(20);
      const second = await staffGet(stack, officer.token, INBOX, { limit: '20', order: 'asc', cursor: first.body.nextCursor }).expect(200);
      const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
      const { rows } = await stack.db.query(
        `SELECT a.id FROM applications a JOIN agencies g ON g.id = a.assigned_agency_id WHERE g.code = 'ISKI-KDK' ORDER BY a.created_at, a.id`,
      );
      expect(ids).toEqual(rows.map((r: { id: string }) => r.id));
      expect(second.body.nextCursor).toBeNull();
    });

    it('refuses a cursor from a listing in another order', async () => {
      const first = await staffGet(stack, admin.token, INBOX, { limit: '5' }).expect(200);
      const res = await staffGet(stack, admin.token, INBOX, { limit: '5', order: 'asc', cursor: first.body.nextCursor }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'mismatch' })]);
    });

    it('answers 25 lines by default', async () => {
      const res = await staffGet(stack, admin.token, INBOX).expect(200);
      expect(res.body.items).toHaveLength(25);
      expect(res.body.nextCursor).not.toBeNull();
    });
  });
});
