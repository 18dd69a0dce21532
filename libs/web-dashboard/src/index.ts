/** @petitio/web-dashboard: the staff console: the SLA dashboard and its CSV. See docs/architecture.md. */
export * from './dashboard-csv';
export * from './dashboard-links';
export * from './dashboard-period';
export * from './dashboard-query.dto';
export * from './console-dashboard.module';
