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
}

export function hasRole(principal: StaffPrincipal, ...roles: StaffRole[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}
