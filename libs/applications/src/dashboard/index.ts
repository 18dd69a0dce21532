export * from './dashboard-figures';
export * from './dashboard-filter';
export * from './dashboard.service';
export * from './public-statistics.service';
