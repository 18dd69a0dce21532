import { NestFactory } from '@nestjs/core';
import { ApiClients } from '@petitio/api-clients';
import { Command } from 'commander';
import { CliModule } from './cli.module';

/** `petitio issue-api-key`: a key for an Open311 client, before any admin can sign in to issue one. */
export function registerApiKeyCommand(program: Command): void {
  program
    .command('issue-api-key')
    .description('issue an Open311 API key for a client system; the key is printed once and only its hash is kept')
    .requiredOption('--name <name>', 'who will call with the key, e.g. "City of Kadıköy mobile app"')
    .action(async (options: { name: string }) => {
      const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      try {
        const { client, key } = await app.get(ApiClients).issue({ name: options.name, kind: 'open311' });
        console.log(`Open311 key for ${client.name} (client ${client.id}); store it now, it is not shown again:\n${key}`);
      } finally {
        await app.close();
      }
    });
}
