import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, Environment, supportedLanguages } from '@petitio/platform';
import type { EscalationTarget } from '@petitio/sla';
import { EntityManager } from 'typeorm';

/** A staff member, or an agency's shared inbox, to alert about a deadline. */
export interface StaffRecipient {
  email: string;
  language: string;
  staffUserId: string | null;
}

interface AgencyRow {
  id: string;
  parentId: string | null;
  contactEmail: string | null;
}

/**
 * Whom each rung of the escalation ladder names, for one application: the assigned officer (or the agency's
 * inbox while nobody has it), the agency's supervisors (or its inbox), the parent agency's supervisors (or its
 * inbox). The center's queue is no person: the clock records it and the center's inbox filters on it.
 */
@Injectable()
export class EscalationRecipients {
  private readonly defaultLanguage: string;

  constructor(@Inject(ENVIRONMENT) env: Environment) {
    this.defaultLanguage = supportedLanguages(env)[0];
  }

  async resolve(manager: EntityManager, agencyId: string | null, officerId: string | null, targets: readonly EscalationTarget[]): Promise<StaffRecipient[]> {
    if (!agencyId) return [];
    const agency = await this.agency(manager, agencyId);
    if (!agency) return [];
    const found: StaffRecipient[] = [];
    for (const target of targets) {
      if (target === 'assigned_officer') {
        // Nobody has it, or its officer has left: the agency's inbox hears instead.
        const officer = officerId ? await this.users(manager, 'u.id = $1', [officerId]) : [];
        found.push(...(officer.length ? officer : this.inbox(agency)));
      }
      if (target === 'agency_supervisors') found.push(...(await this.supervisorsOr(manager, agency)));
      if (target === 'parent_agency' && agency.parentId) {
        const parent = await this.agency(manager, agency.parentId);
        if (parent) found.push(...(await this.supervisorsOr(manager, parent)));
      }
    }
    const seen = new Set<string>();
    return found.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
  }

  private async supervisorsOr(manager: EntityManager, agency: AgencyRow): Promise<StaffRecipient[]> {
    const supervisors = await this.users(manager, `u.agency_id = $1 AND 'supervisor' = ANY(u.roles)`, [agency.id]);
    return supervisors.length ? supervisors : this.inbox(agency);
  }

  private users(manager: EntityManager, where: string, params: unknown[]): Promise<StaffRecipient[]> {
    return manager.query(
      `SELECT u.email, u.language, u.id AS "staffUserId" FROM staff_users u WHERE ${where} AND u.status = 'active' ORDER BY u.email`,
      params,
    );
  }

  private inbox(agency: AgencyRow): StaffRecipient[] {
    return agency.contactEmail ? [{ email: agency.contactEmail, language: this.defaultLanguage, staffUserId: null }] : [];
  }

  private async agency(manager: EntityManager, id: string): Promise<AgencyRow | undefined> {
    const rows: AgencyRow[] = await manager.query('SELECT id, parent_id AS "parentId", contact_email AS "contactEmail" FROM agencies WHERE id = $1', [id]);
    return rows[0];
  }
}
