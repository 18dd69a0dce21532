export * from './key-encryption-keys';
export * from './phone-hash';
export * from './sealed-box';
