/** @petitio/inbox: the staff read side: lists, search, detail, the personal-data reads they record. See docs/architecture.md. */
export * from './application-detail.service';
export * from './caller-applications.service';
export * from './deadline-details';
export * from './full-text-search';
export * from './inbox-cursor';
export * from './inbox-figure-filter';
export * from './inbox.providers';
export * from './inbox.service';
export * from './personal-data-reads';
export * from './inbox.module';
