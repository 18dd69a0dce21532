import { Inject, Injectable } from '@nestjs/common';
import { localise } from '@petitio/directory';
import { ENVIRONMENT, Environment, ForbiddenError, InvalidInputError, OutboxTopic, OutboxWriter, isUuid } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { EntityManager } from 'typeorm';
import { ApplicationStatus } from '@petitio/applications';
import { ApplicationChanges, ChangeContext } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { CitizenNotices } from './citizen-notices';
import { CENTER_DESIGNATION, ReasonCodes } from './reason-codes';

export interface TransferRequest {
  toAgencyId: string;
  reasonCode: string;
  note?: string;
}

export interface TransferOutcome {
  id: string;
  status: ApplicationStatus;
  version: number;
  agencyId: string;
  transferCount: number;
  /** True when the transfer went to the center's triage unit instead of the agency asked for. */
  centerDesignation: boolean;
}

interface AgencyRow {
  id: string;
  kind: string;
  names: Record<string, string>;
  active: boolean;
}

/**
 * Sends an application to another agency. Applications must not bounce between agencies for
 * ever: the transfer that would be the N-th goes to the center's triage unit, which designates
 * the agency itself (a center designation, which does not count).
 */
@Injectable()
export class ApplicationTransfers {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly reasons: ReasonCodes,
    private readonly notices: CitizenNotices,
    private readonly outbox: OutboxWriter,
    private readonly deadlines: ApplicationDeadlines,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  transfer(staff: StaffPrincipal, applicationId: string, version: number, request: TransferRequest): Promise<TransferOutcome> {
    return this.changes.change({ staff }, applicationId, version, async (ctx) => {
      const reason = await this.reasons.require('transfer', request.reasonCode, 'reasonCode', ctx.manager);
      const leaving = ctx.app.assignedAgencyId ? await findAgency(ctx.manager, ctx.app.assignedAgencyId) : undefined;
      const designation = reason.code === CENTER_DESIGNATION;
      if (designation && !staff.roles.includes('center_admin')) throw new ForbiddenError('FORBIDDEN:center_admin_designates');
      if (designation && leaving?.kind !== 'triage') {
        throw new InvalidInputError([{ field: 'reasonCode', code: 'not_at_center', args: { reason: CENTER_DESIGNATION } }]);
      }
      const requested = await findAgency(ctx.manager, request.toAgencyId);
      if (!requested || !requested.active) {
        throw new InvalidInputError([{ field: 'toAgencyId', code: 'unknown_agency' }]);
      }
      if (requested.id === ctx.app.assignedAgencyId) {
        throw new InvalidInputError([{ field: 'toAgencyId', code: 'same_agency' }]);
      }

      // The center's own moves never divert to itself; every other transfer from the N-th on does.
      const counted = !designation;
      const diverted = counted && ctx.app.transferCount + 1 >= this.env.TRANSFERS_BEFORE_CENTER && leaving?.kind !== 'triage';
      const destination = diverted ? await triageUnit(ctx.manager) : requested;
      const secondsAtAgency = await this.secondsAtCurrentAgency(ctx);
      const transferCount = ctx.app.transferCount + (counted ? 1 : 0);

      await this.changes.record(ctx, {
        kind: 'transferred',
        toStatus: 'routed',
        toAgencyId: destination.id,
        data: {
          fromAgencyId: ctx.app.assignedAgencyId,
          toAgencyId: destination.id,
          reasonCode: reason.code,
          ...(request.note ? { note: request.note } : {}),
          secondsAtAgency,
          transferCount,
          ...(diverted ? { centerDesignation: true, requestedAgencyId: requested.id } : {}),
        },
      });
      await this.changes.setColumns(ctx, { assigned_officer_id: null, transfer_count: transferCount });
      ctx.app.assignedOfficerId = null;
      ctx.app.transferCount = transferCount;
      await this.deadlines.onTransferred(ctx);
      // The petition law requires telling the citizen which agency now handles their application.
      await this.notices.send(ctx, {
        template: 'application_transferred',
        kind: 'transfer_notice',
        params: { agency: localise(destination.names, ctx.app.language) },
      });
      // Arriving at a new agency is a routing like any other: automatic assignment (and later SLA) react to it.
      await this.outbox.append(ctx.manager, [
        { topic: OutboxTopic.ApplicationRouted, aggregateId: ctx.app.id, payload: { agencyId: destination.id, transfer: true } },
      ]);
      return {
        id: ctx.app.id,
        status: ctx.app.status,
        version: ctx.app.version,
        agencyId: destination.id,
        transferCount,
        centerDesignation: diverted,
      };
    });
  }

  /** Time spent at the agency the application leaves, since it arrived there (its last routing or transfer). */
  private async secondsAtCurrentAgency(ctx: ChangeContext): Promise<number> {
    const rows: { occurred_at: Date }[] = await ctx.manager.query(
      `SELECT occurred_at FROM application_events WHERE application_id = $1 AND kind IN ('routed', 'transferred')
       ORDER BY id DESC LIMIT 1`,
      [ctx.app.id],
    );
    const arrived = rows[0]?.occurred_at ?? ctx.app.createdAt;
    return Math.max(0, ctx.now.getTime() - new Date(arrived).getTime()) / 1000;
  }
}

async function findAgency(manager: EntityManager, id: string): Promise<AgencyRow | undefined> {
  // A malformed id is simply no agency: the same 400 as an unknown one.
  if (!isUuid(id)) return undefined;
  const rows: AgencyRow[] = await manager.query('SELECT id, kind, names, active FROM agencies WHERE id = $1', [id]);
  return rows[0];
}

async function triageUnit(manager: EntityManager): Promise<AgencyRow> {
  const rows: AgencyRow[] = await manager.query(`SELECT id, kind, names, active FROM agencies WHERE kind = 'triage' AND active`);
  if (!rows[0]) throw new Error('no triage agency is configured: load the directory (seed or CSV) first');
  return rows[0];
}
