/** What a staff user may do. A user holds one or more roles, always within one agency. */
export const STAFF_ROLES = ['agent', 'officer', 'supervisor', 'center_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
