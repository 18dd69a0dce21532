import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApplicationStatus, SYSTEM_ACTOR, assertTransition } from '@petitio/applications';
import { CatalogueService, Topic } from '@petitio/catalogue';
import { DirectoryService } from '@petitio/directory';
import { Clock, OutboxTopic, OutboxWriter, PreparedQuery } from '@petitio/platform';
import { DataSource, Repository } from 'typeorm';
import { decideRouting } from './routing-decision';
import { RoutableApplication, orderRules } from './rule-matcher';
import { RoutingRule } from './routing-rule.entity';

export type RoutingOutcome =
  | { routed: true; agencyId: string; ruleId: string | null; reason: 'rule' | 'topic_default' | 'triage' }
  | { routed: false; reason: 'not_found' | 'already_routed'; status?: string };

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
   * Routes a received application once. Safe to call again for the same application
   * (a redelivered job, a second worker): the update only applies while the status is still
   * `received`, so later calls change nothing. Two statements, no explicit transaction: the
   * second writes the new status, its history line and the `application.routed` event atomically.
   */
  async route(applicationId: string): Promise<RoutingOutcome> {
    const ordered = await this.orderedRules();
    const triageId = await this.directory.triageAgencyId();
    const rows = await this.prepared.rows<RoutableApplication & { status: ApplicationStatus }>(
      'routing-load',
      `SELECT status, type_code AS type, topic_id AS "topicId", province_code AS "provinceCode",
              district_code AS "districtCode", subject, body, language
       FROM applications WHERE id = $1`,
      [applicationId],
    );
    if (rows.length === 0) return { routed: false, reason: 'not_found' };
    const app = rows[0];
    if (app.status !== 'received') return { routed: false, reason: 'already_routed', status: app.status };
    assertTransition(app.status, 'routed');

    // Naming the topic reloads a cache filled before an admin created it.
    const topics = await this.catalogue.topicsById(app.topicId);
    const decision = this.decide(ordered, app, triageId, topics);
    const now = this.clock.now();
    const applied = await this.prepared.rows<{ id: string }>(
      'routing-apply',
      `WITH routed AS (
         UPDATE applications SET status = 'routed', assigned_agency_id = $2, routing_rule_id = $3,
           routed_at = $4, updated_at = $4, version = version + 1
         WHERE id = $1 AND status = 'received'
         RETURNING id
       ), history AS (
         INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, from_status, to_status, to_agency_id, data)
         SELECT id, $4, 'routed', $5, NULL, 'received', 'routed', $2, $6::jsonb FROM routed
       ), event AS (${OutboxWriter.insertFromCte('routed', '$7', '$8')})
       SELECT id FROM routed`,
      [
        applicationId,
        decision.agencyId,
        decision.ruleId,
        now,
        SYSTEM_ACTOR.type,
        JSON.stringify({ reason: decision.reason, ruleId: decision.ruleId }),
        OutboxTopic.ApplicationRouted,
        JSON.stringify({ agencyId: decision.agencyId }),
      ],
    );
    // Another worker got there between the two statements.
    if (applied.length === 0) return { routed: false, reason: 'already_routed' };
    return { routed: true, ...decision };
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

  private async orderedRules(): Promise<RoutingRule[]> {
    const now = Date.now();
    if (!this.rules || now - this.rules.at > RULE_CACHE_MS) {
      const active = await this.ruleRepo.find({ where: { active: true } });
      this.rules = { at: now, ordered: orderRules(active) };
    }
    return this.rules.ordered;
  }
}
