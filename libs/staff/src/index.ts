/** @petitio/staff: staff users, roles, sessions, sign-in limits, invitations. See docs/architecture.md. */
export * from './staff-role';
export * from './staff-user.entity';
export * from './staff-principal';
export * from './password-hasher';
export * from './staff-sessions.service';
export * from './staff-users.service';
export * from './staff.module';
