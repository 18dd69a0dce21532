import { Module } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { ConfiguredKeyEncryptionKeys, KEY_ENCRYPTION_KEYS } from './vault/key-encryption-keys';
import { PhoneHash } from './vault/phone-hash';

/** The keys that protect citizens' data: the vault's key-encryption keys (swap the provider for a KMS) and the phone hash. */
const PROVIDERS = [
  { provide: KEY_ENCRYPTION_KEYS, inject: [ENVIRONMENT], useFactory: (env: Environment) => new ConfiguredKeyEncryptionKeys(env.VAULT_KEYS) },
  { provide: PhoneHash, inject: [ENVIRONMENT], useFactory: (env: Environment) => new PhoneHash(env.PHONE_HASH_SECRET) },
];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class PrivacyModule {}
