import { NestFactory } from '@nestjs/core';
import { IdentityVault } from '@petitio/privacy';
import { Command } from 'commander';
import { CliModule } from './cli.module';

/**
 * `petitio rewrap-vault-keys`: after a new key-encryption key is put first in `VAULT_KEYS` (the old one kept after it),
 * re-wraps every data key with it; then the old key can be removed. Running processes keep working throughout.
 */
export function registerVaultCommand(program: Command): void {
  program
    .command('rewrap-vault-keys')
    .description('re-wrap every identity-vault data key with the first key of VAULT_KEYS, so older keys can then be removed')
    .action(async () => {
      const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      try {
        const vault = app.get(IdentityVault);
        let total = 0;
        for (let done = await vault.rewrap(); done > 0; done = await vault.rewrap()) total += done;
        console.log(`${total} vault data keys re-wrapped; every data key is now wrapped by ${vault.currentKeyEncryptionKeyId}`);
      } finally {
        await app.close();
      }
    });
}
