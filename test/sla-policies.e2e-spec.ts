import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BusinessCalendar, SlaClock, SlaPolicies, parseWorkingHours } from '@petitio/sla';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/test-services';

const ISTANBUL = 'Europe/Istanbul';

/** Runs against a copy of the migrated, seeded template database that `npm test` prepares. */
describe('SlaPolicies — the policy that governs a clock', () => {
  let databaseName: string;
  let dataSource: DataSource;
  let policies: SlaPolicies;
  let water: string;
  let electricity: string;
  let iskiKadikoy: string;
  let aski: string;

  beforeAll(async () => {
    databaseName = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: databaseUrl(databaseName), poolSize: 2 }).initialize();
    policies = new SlaPolicies(dataSource);
    const topic = async (code: string) => (await dataSource.query('SELECT id FROM topics WHERE code = $1', [code]))[0].id as string;
    const agency = async (code: string) => (await dataSource.query('SELECT id FROM agencies WHERE code = $1', [code]))[0].id as string;
    water = await topic('water');
    electricity = (await dataSource.query("SELECT id FROM topics WHERE code <> 'water' ORDER BY code LIMIT 1"))[0].id;
    iskiKadikoy = await agency('ISKI-KDK');
    aski = await agency('ASKI');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (databaseName) await dropTestDatabase(databaseName);
  });

  it.each(['petition', 'complaint', 'request', 'suggestion'])('answers a %s within 30 calendar days under Law 3071', async (type) => {
    const policy = await policies.policyFor(type, null, null, 'answer');
    expect(policy).toMatchObject({
      applicationType: type,
      kind: 'answer',
      period: { amount: 30, unit: 'calendar_days' },
      extension: null,
      onAwaitingCitizen: 'continue',
      onTransfer: 'keep',
      warningShares: [0.5, 0.75, 0.9],
      active: true,
    });
    expect(policy!.legalBasis).toContain('Law 3071');
  });

  it('answers an information request within 15 working days, once extendable by 15 with notice, paused by a fee notice (Law 4982)', async () => {
    const policy = await policies.policyFor('information_request', water, aski, 'answer');
    expect(policy).toMatchObject({
      code: 'TR-4982-INFORMATION-REQUEST',
      period: { amount: 15, unit: 'working_days' },
      extension: { amount: 15, unit: 'working_days' },
      requiresNoticeBeforeDeadline: true,
      onAwaitingCitizen: 'pause',
      onTransfer: 'keep',
    });
    expect(policy!.legalBasis).toContain('Law 4982');
    // A petition that also asks for information runs a Law 4982 clock alongside its answer clock.
    expect(await policies.policyFor('petition', null, null, 'information')).toMatchObject({
      code: 'TR-4982-INFORMATION',
      period: { amount: 15, unit: 'working_days' },
    });
  });

  it.each(['petition', 'complaint', 'request', 'information_request', 'suggestion'])('expects a first response to a %s within 2 working days', async (type) => {
    expect(await policies.policyFor(type, water, iskiKadikoy, 'first_response')).toMatchObject({
      code: 'TR-FIRST-RESPONSE',
      period: { amount: 2, unit: 'working_days' },
    });
  });

  it('prefers a policy naming the agency over one naming the topic, and that over one naming only the type', async () => {
    await dataSource.query(
      `INSERT INTO sla_policies (code, application_type, topic_id, agency_id, kind, amount, unit, on_awaiting_citizen, legal_basis, active) VALUES
        ('WATER-COMPLAINTS', 'complaint', $1, NULL, 'answer', 20, 'calendar_days', 'pause', 'topic', true),
        ('ISKI-KDK-ANY', NULL, NULL, $2, 'answer', 10, 'calendar_days', 'pause', 'agency', true),
        ('ISKI-KDK-WATER-COMPLAINTS', 'complaint', $1, $2, 'answer', 5, 'calendar_days', 'pause', 'agency and topic', true),
        ('ASKI-WATER-OLD', NULL, $1, $3, 'answer', 3, 'calendar_days', 'pause', 'retired', false)`,
      [water, iskiKadikoy, aski],
    );
    const code = async (type: string, topicId: string | null, agencyId: string | null) => (await policies.policyFor(type, topicId, agencyId, 'answer'))?.code;
    expect(await code('complaint', water, iskiKadikoy)).toBe('ISKI-KDK-WATER-COMPLAINTS');
    expect(await code('complaint', electricity, iskiKadikoy)).toBe('ISKI-KDK-ANY');
    expect(await code('petition', water, iskiKadikoy)).toBe('ISKI-KDK-ANY');
    expect(await code('complaint', water, aski)).toBe('WATER-COMPLAINTS');
    expect(await code('complaint', water, null)).toBe('WATER-COMPLAINTS');
    expect(await code('petition', water, aski)).toBe('TR-3071-PETITION');
    expect(await code('complaint', electricity, aski)).toBe('TR-3071-COMPLAINT');
    await dataSource.query("UPDATE sla_policies SET active = false WHERE code = 'ISKI-KDK-WATER-COMPLAINTS'");
    expect(await code('complaint', water, iskiKadikoy)).toBe('ISKI-KDK-ANY');
  });

  it('allows only one active policy per scope, so precedence is never a tie', async () => {
    await expect(
      dataSource.query(
        "INSERT INTO sla_policies (code, application_type, kind, amount, unit, on_awaiting_citizen) VALUES ('SECOND-PETITION', 'petition', 'answer', 10, 'calendar_days', 'pause')",
      ),
    ).rejects.toThrow(/sla_policies_one_active_per_scope_idx/);
    await expect(
      dataSource.query(
        "INSERT INTO sla_policies (code, application_type, kind, amount, unit, on_awaiting_citizen, warning_shares) VALUES ('BAD-SHARES', 'petition', 'answer', 10, 'calendar_days', 'pause', '{0.5,1.5}')",
      ),
    ).rejects.toThrow(/sla_policies_warning_shares_range/);
  });

  it('starts a clock under the seeded Law 4982 policy with the Turkish calendar', async () => {
    const calendar = new BusinessCalendar({ timeZone: ISTANBUL, country: 'TR', workingDays: [1, 2, 3, 4, 5], workingHours: parseWorkingHours('08:30-17:30') });
    const policy = (await policies.policyFor('information_request', null, null, 'answer'))!;
    const started = DateTime.fromISO('2026-12-24T15:00', { zone: ISTANBUL }).toJSDate();
    const clock = SlaClock.start(policy, started, calendar);
    expect(DateTime.fromJSDate(clock.deadlineAt, { zone: ISTANBUL }).toFormat('yyyy-MM-dd HH:mm')).toBe('2027-01-15 17:30');
    expect(clock.policyId).toBe(policy.id);
  });
});
