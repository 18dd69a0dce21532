import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource, EntityManager } from 'typeorm';

const REVEALING_ROLES = new Set<string>(['officer', 'supervisor', 'center_admin', 'data_protection']);

/**
 * The one place that says which applications a staff user may see and act on:
 * center admins all; supervisors their agency's subtree; officers their agency;
 * call-center agents the applications they filed. Roles add up.
 */
@Injectable()
export class ApplicationAccess {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A SQL condition on the applications row `alias`, appending its parameters to `params`.
   * Every staff query about applications includes it. To `act` on an application, filing it
   * is not enough: an agent who is also an officer elsewhere may read what they filed, not answer it.
   */
  condition(principal: StaffPrincipal, params: unknown[], alias = 'a', purpose: 'read' | 'act' = 'read'): string {
    const parts = this.agencyParts(principal, params, `${alias}.assigned_agency_id`);
    if (parts === 'TRUE') return 'TRUE';
    if (principal.roles.includes('agent') && purpose === 'read') {
      params.push(principal.userId);
      parts.push(`${alias}.filed_by_staff_id = $${params.length}::uuid`);
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /**
   * The agencies part of the reach, as a condition on an agency id `column`: what aggregates keyed by agency (the
   * dashboard's rollups) can honour. Applications an agent filed are in their inbox, not in these figures.
   */
  agencyCondition(principal: StaffPrincipal, params: unknown[], column: string): string {
    const parts = this.agencyParts(principal, params, column);
    if (parts === 'TRUE') return 'TRUE';
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /** Everything ('TRUE') for a center admin; else one condition on `column` per agency role. */
  private agencyParts(principal: StaffPrincipal, params: unknown[], column: string): string[] | 'TRUE' {
    // The center's data-protection officer answers for every application, so reads them all.
    if (principal.roles.includes('center_admin') || (principal.center && principal.roles.includes('data_protection'))) return 'TRUE';
    const parts: string[] = [];
    if (principal.roles.includes('supervisor')) {
      params.push(principal.agencyId);
      parts.push(`${column} IN (SELECT id FROM agency_subtree($${params.length}::uuid))`);
    }
    if (principal.roles.includes('officer')) {
      params.push(principal.agencyId);
      parts.push(`${column} = $${params.length}::uuid`);
    }
    return parts;
  }

  /**
   * Throws APPLICATION_NOT_FOUND unless the principal may see the application. Out of reach
   * and nonexistent look the same, so ids from another agency reveal nothing.
   */
  async assertVisible(principal: StaffPrincipal, applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const params: unknown[] = [applicationId];
    const rows: unknown[] = await manager.query(`SELECT 1 FROM applications a WHERE a.id = $1 AND ${this.condition(principal, params)}`, params);
    if (rows.length === 0) throw new NotFoundError('APPLICATION_NOT_FOUND');
  }

  /**
   * Whether this user may reveal, with a stated reason, the citizen's identity and the text as they wrote it: officers,
   * supervisors and center admins on what they can see; a confidential filing only the center's data-protection role.
   */
  mayReveal(principal: StaffPrincipal, confidential: boolean): boolean {
    if (confidential) return principal.center && principal.roles.includes('data_protection');
    return principal.roles.some((role) => REVEALING_ROLES.has(role));
  }

  /** Confidential applications show the citizen's identity and contact to the center only. */
  canSeeIdentity(principal: StaffPrincipal, confidential: boolean): boolean {
    return !confidential || principal.center;
  }
}
