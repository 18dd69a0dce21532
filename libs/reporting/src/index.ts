export * from './dashboard-figures';
export * from './dashboard-filter';
export * from './dashboard.service';
export * from './public-statistics.service';
export * from './dashboard-rollups';
export { LATE_ANSWER_CLOCK } from './dashboard-rollup-sql';
export * from './dashboard-durations';
export * from './rollup-slices';
