import type { StaffRole } from './staff-role';

/**
 * The signed-in staff user as every domain service sees it. `center` is true for center admins
 * and for staff of the center's own units: only they may see confidential citizens' identities.
 */
export interface StaffPrincipal {
  userId: string;
  agencyId: string;
  roles: readonly StaffRole[];
  center: boolean;
  sessionId: string;
  /**
   * Set when an agency's case system acts with its API key, through its integration account (`userId`): the
   * reach is the key's agency subtree, and the application it acknowledges is worked by that account.
   */
  apiClientId?: string;
}

/** Staff of these agency kinds are the center's own: they see confidential citizens' identities. */
const CENTER_AGENCY_KINDS = new Set(['center', 'triage']);

export function staffPrincipal(userId: string, sessionId: string, agencyId: string, roles: StaffRole[], agencyKind: string): StaffPrincipal {
  return {
    userId,
    sessionId,
    agencyId,
    roles,
    center: roles.includes('center_admin') || CENTER_AGENCY_KINDS.has(agencyKind),
  };
}

export function hasRole(principal: StaffPrincipal, ...roles: StaffRole[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}
