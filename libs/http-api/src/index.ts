export * from './staff/staff-auth.guard';
export * from './http-api.module';
