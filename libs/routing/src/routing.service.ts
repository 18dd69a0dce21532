import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApplicationStatus, SYSTEM_ACTOR, assertTransition } from '@petitio/applications';
import { CatalogueService, Topic } from '@petitio/catalogue';
import { DirectoryService } from '@petitio/directory';
import { Clock, OutboxTopic, OutboxWriter, PreparedQuery } from '@petitio/platform';
import { DataSource, Repository } from 'typeorm';
import { RoutingReason, decideRouting } from './routing-decision';
import { RoutableApplication, orderRules } from './rule-matcher';
import { RoutingRule } from './routing-rule.entity';

/** Where one application goes, and why. */
interface RoutingChoice {
  agencyId: string;
  ruleId: string | null;
  reason: RoutingReason | typeof TRIAGE_AFTER_FAILURE;
}

export type RoutingOutcome = ({ routed: true } & RoutingChoice) | { routed: false; reason: 'not_found' | 'already_routed'; status?: string };

/** Why an application went to central triage when the rules failed on it (the `routed` history line's reason). */
export const TRIAGE_AFTER_FAILURE = 'triage_after_failure';

const RULE_CACHE_MS = 5_000;

/**
 * Picks the agency that must answer an application: the most specific matching rule,
 * else the topic's default agency, else the central triage unit.
 */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private rules?: { at: number; ordered: RoutingRule[] };

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(RoutingRule) private readonly ruleRepo: Repository<RoutingRule>,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly prepared: PreparedQuery,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * Routes each received application once, many at a time in two statements: one read, and one write (atomic by
   * itself) of every new status, history line and `application.routed` event. Safe to call again for the same
   * application (a redelivered job, a second worker): the write only applies while the status is still `received`. The worker
   * batches the jobs that run together, so a burst costs one commit per batch instead of one per application.
   * Rows are locked in id order, so two batches that share an application cannot deadlock; NO KEY, as the update
   * itself would, so the acknowledgement's inserts that only reference an application need not wait for it.
   */
  async routeMany(applicationIds: string[]): Promise<Map<string, RoutingOutcome>> {
    const ordered = await this.orderedRules();
    const triageId = await this.directory.triageAgencyId();
    return this.routeEach(applicationIds, async (app) => {
      // Naming the topic reloads a cache filled before an admin created it.
      const topics = await this.catalogue.topicsById(app.topicId);
      return this.decide(ordered, app, triageId, topics);
    });
  }

  /**
   * The last resort for applications the rules could not place on any attempt (the worker calls it after a job's
   * final failure): they go to the central triage unit, whose staff place them by hand, rather than stay unrouted.
   */
  async routeToTriage(applicationIds: string[]): Promise<Map<string, RoutingOutcome>> {
    const triageId = await this.directory.triageAgencyId();
    return this.routeEach(applicationIds, async () => ({ agencyId: triageId, ruleId: null, reason: TRIAGE_AFTER_FAILURE }));
  }

  private async routeEach(applicationIds: string[], decide: (app: RoutableApplication) => Promise<RoutingChoice>): Promise<Map<string, RoutingOutcome>> {
    const ids = [...new Set(applicationIds)].sort();
    const rows = await this.prepared.rows<RoutableApplication & { id: string; status: ApplicationStatus }>(
      'routing-load-many',
      `SELECT id, status, type_code AS type, topic_id AS "topicId", province_code AS "provinceCode",
              district_code AS "districtCode", subject, body, language
       FROM applications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const outcomes = new Map<string, RoutingOutcome>(ids.map((id) => [id, { routed: false, reason: 'not_found' }]));
    const decided: { id: string; decision: RoutingChoice }[] = [];
    for (const app of rows) {
      if (app.status !== 'received') {
        outcomes.set(app.id, { routed: false, reason: 'already_routed', status: app.status });
        continue;
      }
      assertTransition(app.status, 'routed');
      decided.push({ id: app.id, decision: await decide(app) });
    }
    if (decided.length === 0) return outcomes;

    const applied = await this.prepared.rows<{ id: string }>(
      'routing-apply-many',
      `WITH decided AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS d(id, agency_id, rule_id, data)
       ), locked AS (
         SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND a.status = 'received' ORDER BY a.id FOR NO KEY UPDATE
       ), routed AS (
         UPDATE applications a SET status = 'routed', assigned_agency_id = d.agency_id, routing_rule_id = d.rule_id,
           routed_at = $5, updated_at = $5, version = a.version + 1
         FROM decided d
         WHERE a.id = d.id AND a.id IN (SELECT id FROM locked) AND a.status = 'received'
         RETURNING a.id, d.agency_id, d.data
       ), history AS (
         INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, from_status, to_status, to_agency_id, data)
         SELECT id, $5, 'routed', $6, NULL, 'received', 'routed', agency_id, data::jsonb FROM routed ORDER BY id
       ), event AS (${OutboxWriter.insertFromCte('routed', '$7', "jsonb_build_object('agencyId', agency_id)")})
       SELECT id FROM routed`,
      [
        decided.map((d) => d.id),
        decided.map((d) => d.decision.agencyId),
        decided.map((d) => d.decision.ruleId),
        decided.map((d) => JSON.stringify({ reason: d.decision.reason, ruleId: d.decision.ruleId })),
        this.clock.now(),
        SYSTEM_ACTOR.type,
        OutboxTopic.ApplicationRouted,
      ],
    );
    const appliedIds = new Set(applied.map((r) => r.id));
    for (const { id, decision } of decided) {
      // Another worker got there between the two statements.
      outcomes.set(id, appliedIds.has(id) ? { routed: true, ...decision } : { routed: false, reason: 'already_routed' });
    }
    return outcomes;
  }

  private decide(ordered: RoutingRule[], app: RoutableApplication, triageId: string, topics: ReadonlyMap<string, Topic>) {
    const { agencyId, rule, reason } = decideRouting(ordered, app, triageId, topics);
    return { agencyId, ruleId: rule?.id ?? null, reason };
  }

  /**
   * Applications still `received` long after submission lost their job (a flushed or
   * failed-over Redis). Re-emitting their event lets the relay enqueue them again; where the
   * job still exists its id makes the new one a no-op. Returns how many were re-emitted.
   */
  async reemitStranded(olderThanSeconds: number): Promise<number> {
    const count = await this.outbox.reemit(
      this.dataSource.manager,
      OutboxTopic.ApplicationReceived,
      `SELECT a.id FROM applications a WHERE a.status = 'received' AND a.created_at < now() - make_interval(secs => $1) ORDER BY a.created_at`,
      [olderThanSeconds],
    );
    if (count) this.logger.warn({ msg: 're-emitted stranded applications for routing', count });
    return count;
  }

  /** Which of these applications are still waiting to be routed. */
  async stillReceived(applicationIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM applications WHERE id = ANY($1::uuid[]) AND status = 'received'`, [
      applicationIds,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  private async orderedRules(): Promise<RoutingRule[]> {
    const now = Date.now();
    if (!this.rules || now - this.rules.at > RULE_CACHE_MS) {
      const active = await this.ruleRepo.find({ where: { active: true } });
      this.rules = { at: now, ordered: orderRules(active) };
    }
    return this.rules.ordered;
  }
}
