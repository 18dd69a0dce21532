import { Injectable } from '@nestjs/common';
import { OPEN_STATUSES } from '@petitio/applications';
import { ApplicationChanges } from './application-changes';
import { CaseAssignment } from './assignment';
import type { AssignmentMode } from './auto-assignment-settings';

export type AutoAssignmentOutcome =
  { assigned: true; officerId: string; mode: Exclude<AssignmentMode, 'manual'> } | { assigned: false; reason: 'not_routed' | 'manual' | 'nobody_on_duty' };

/**
 * Assigns a newly routed application by its agency's mode: round robin gives it to the next
 * on-duty officer after the last one served (ordered by id); least loaded to the on-duty officer
 * with the fewest open applications. Officers on leave or disabled are skipped; with nobody on
 * duty, or in manual mode, the application waits in the agency's queue.
 */
@Injectable()
export class AutoAssignment {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly assignment: CaseAssignment,
  ) {}

  /** Safe to run again for the same routing (a redelivered job): only a still-routed application is assigned. */
  assignOnRouting(applicationId: string): Promise<AutoAssignmentOutcome> {
    return this.changes.change({ system: true }, applicationId, undefined, async (ctx) => {
      if (ctx.app.status !== 'routed' || !ctx.app.assignedAgencyId) return { assigned: false, reason: 'not_routed' };
      // Locking the agency's settings row serialises its assignments, so two applications routed at
      // once neither go to the same officer in turn nor both to the same "least loaded" one.
      const settings: { mode: AssignmentMode; last: string | null }[] = await ctx.manager.query(
        'SELECT assignment_mode AS mode, last_assigned_user_id AS last FROM agency_settings WHERE agency_id = $1 FOR UPDATE',
        [ctx.app.assignedAgencyId],
      );
      const mode = settings[0]?.mode ?? 'manual';
      if (mode === 'manual') return { assigned: false, reason: 'manual' };
      const order =
        mode === 'round_robin'
          ? 'ORDER BY ($2::uuid IS NOT NULL AND u.id <= $2::uuid), u.id'
          : `ORDER BY (SELECT count(*) FROM applications a WHERE a.assigned_officer_id = u.id AND a.status = ANY($2::text[])), u.id`;
      const [officer]: { id: string }[] = await ctx.manager.query(
        `SELECT u.id FROM staff_users u
         WHERE u.agency_id = $1 AND u.status = 'active' AND u.on_duty AND 'officer' = ANY(u.roles)
         ${order} LIMIT 1`,
        [ctx.app.assignedAgencyId, mode === 'round_robin' ? settings[0].last : OPEN_STATUSES],
      );
      if (!officer) return { assigned: false, reason: 'nobody_on_duty' };
      await this.assignment.assignTo(ctx, officer.id, mode);
      await ctx.manager.query('UPDATE agency_settings SET last_assigned_user_id = $2 WHERE agency_id = $1', [ctx.app.assignedAgencyId, officer.id]);
      return { assigned: true, officerId: officer.id, mode };
    });
  }
}
