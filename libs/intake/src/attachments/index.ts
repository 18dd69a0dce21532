export * from './application-attachments';
export * from './attachment-media-type';
export * from './attachment-name';
export * from './attachment-store';
