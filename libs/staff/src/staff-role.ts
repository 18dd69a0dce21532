/**
 * What a staff user may do. A user holds one or more roles, always within one agency. `data_protection` is the
 * center's data-protection officer: the only one who may reveal the citizen of a confidential filing.
 */
export const STAFF_ROLES = ['agent', 'officer', 'supervisor', 'center_admin', 'data_protection'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
