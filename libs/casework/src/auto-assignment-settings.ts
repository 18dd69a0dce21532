import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { DataSource } from 'typeorm';

/** How an agency's routed applications find an officer: by hand, in turn, or to whoever has the fewest open. */
export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface AssignmentSettingsView {
  agencyId: string;
  mode: AssignmentMode;
}

/** Each agency's assignment mode: its supervisors and center admins choose it; its staff may read it. */
@Injectable()
export class AutoAssignmentSettings {
  constructor(private readonly dataSource: DataSource) {}

  async get(principal: StaffPrincipal, agencyId: string): Promise<AssignmentSettingsView> {
    if (!hasRole(principal, 'center_admin') && principal.agencyId !== agencyId) throw new ForbiddenError('FORBIDDEN:own_agency_settings');
    await this.assertAgency(agencyId);
    const rows: { mode: AssignmentMode }[] = await this.dataSource.query('SELECT assignment_mode AS mode FROM agency_settings WHERE agency_id = $1', [
      agencyId,
    ]);
    return { agencyId, mode: rows[0]?.mode ?? 'manual' };
  }

  async set(principal: StaffPrincipal, agencyId: string, mode: AssignmentMode): Promise<AssignmentSettingsView> {
    const allowed = hasRole(principal, 'center_admin') || (hasRole(principal, 'supervisor') && principal.agencyId === agencyId);
    if (!allowed) throw new ForbiddenError('FORBIDDEN:assignment_mode_choosers');
    await this.assertAgency(agencyId);
    await this.dataSource.query(
      `INSERT INTO agency_settings (agency_id, assignment_mode) VALUES ($1, $2)
       ON CONFLICT (agency_id) DO UPDATE SET assignment_mode = EXCLUDED.assignment_mode`,
      [agencyId, mode],
    );
    return { agencyId, mode };
  }

  private async assertAgency(agencyId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId]);
    if (rows.length === 0) throw new NotFoundError('AGENCY_NOT_FOUND');
  }
}
