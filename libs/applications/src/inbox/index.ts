export * from './application-detail.service';
export * from './caller-applications.service';
export * from './deadline-details';
export * from './full-text-search';
export * from './inbox-cursor';
export * from './inbox.providers';
export * from './inbox.service';
export * from './personal-data-reads';
