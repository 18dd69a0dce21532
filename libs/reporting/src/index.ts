/** @petitio/reporting: the SLA dashboard, its rollups, public statistics. See docs/architecture.md. */
export * from './dashboard-figures';
export * from './dashboard-filter';
export * from './dashboard.service';
export * from './public-statistics.service';
export * from './dashboard-rollups';
export * from './dashboard-durations';
export * from './rollup-slices';
export * from './dashboard-rollup-sql';
export * from './figure-conditions';
export * from './reporting.module';
