export * from './identity-vault';
export * from './key-encryption-keys';
export * from './phone-hash';
export * from './sealed-box';
