import { NestFactory } from '@nestjs/core';
import { ApiClients } from '@petitio/api-clients';
import { DataSource } from 'typeorm';
import { Command } from 'commander';
import { CliModule } from './cli.module';

/**
 * `petitio issue-api-key`: a key for an Open311 client, or with --agency for an agency's case system, before any
 * admin can sign in to issue one.
 */
export function registerApiKeyCommand(program: Command): void {
  program
    .command('issue-api-key')
    .description('issue an API key for a client system (Open311, or an agency’s case system with --agency); printed once, only its hash is kept')
    .requiredOption('--name <name>', 'who will call with the key, e.g. "City of Kadıköy mobile app"')
    .option('--agency <code>', 'an agency key: the code of the agency whose subtree the case system works, e.g. ISKI')
    .action(async (options: { name: string; agency?: string }) => {
      const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      try {
        let agencyId: string | undefined;
        if (options.agency) {
          const rows: { id: string }[] = await app.get(DataSource).query('SELECT id FROM agencies WHERE code = $1', [options.agency]);
          if (rows.length === 0) throw new Error(`there is no agency with the code ${options.agency}`);
          agencyId = rows[0].id;
        }
        const kind = agencyId ? 'agency' : 'open311';
        const { client, key } = await app.get(ApiClients).issue({ name: options.name, kind, agencyId });
        console.log(`${kind === 'agency' ? 'Agency' : 'Open311'} key for ${client.name} (client ${client.id}); store it now, it is not shown again:\n${key}`);
      } finally {
        await app.close();
      }
    });
}
