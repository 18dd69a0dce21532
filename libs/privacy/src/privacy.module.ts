import { Module } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { IdentityVault } from './vault/identity-vault';
import { ConfiguredKeyEncryptionKeys, KEY_ENCRYPTION_KEYS, KeyEncryptionKeys } from './vault/key-encryption-keys';
import { PhoneHash } from './vault/phone-hash';

/** What protects citizens' data: the identity vault, its key-encryption keys (swap the provider for a KMS), the phone hash. */
const PROVIDERS = [
  { provide: KEY_ENCRYPTION_KEYS, inject: [ENVIRONMENT], useFactory: (env: Environment) => new ConfiguredKeyEncryptionKeys(env.VAULT_KEYS) },
  {
    provide: IdentityVault,
    inject: [KEY_ENCRYPTION_KEYS, DataSource],
    useFactory: (keys: KeyEncryptionKeys, dataSource: DataSource) => new IdentityVault(keys, (sql, params) => dataSource.query(sql, params)),
  },
  { provide: PhoneHash, inject: [ENVIRONMENT], useFactory: (env: Environment) => new PhoneHash(env.PHONE_HASH_SECRET) },
];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class PrivacyModule {}
