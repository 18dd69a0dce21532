export * from './admin-directory-texts';
export * from './admin-routing-texts';
export * from './console-admin.module';
