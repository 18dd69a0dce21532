process.env.PETITIO_PROCESS ??= 'cli';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { BrokenLink, HistoryVerification, HistoryVerifier } from '@petitio/audit';
import { formatTrackingNumber } from '@petitio/applications';
import { AgencyCsvImporter, AgencyCsvProblem, AgencyImportReport } from '@petitio/directory';
import { DomainError, databaseOptions, loadEnvironment } from '@petitio/platform';
import { toProblem } from '@petitio/web-kit';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { CliModule } from './cli.module';
import { CountryPackInstaller, CountryPackMismatchError } from './country-pack/country-pack-installer';
import { DemoSeeder } from './demo/demo-seeder';
import { registerApiKeyCommand } from './api-key-command';
import { registerImportBoundariesCommand } from './boundaries/import-boundaries-command';
import { registerVaultCommand } from './vault-command';

const program = new Command().name('petitio').description('Petitio administration commands');

program
  .command('migrate')
  .description('apply every pending database migration')
  .action(async () => {
    const dataSource = new DataSource({ ...databaseOptions(loadEnvironment()), migrations });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'database schema is up to date');
    } finally {
      await dataSource.destroy();
    }
  });

program
  .command('seed')
  .description(
    "write the country pack's law into a new database, then load its demo directory, topics, routing rules and staff into an empty one (changes nothing on later runs)",
  )
  .action(async () => {
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    try {
      const pack = await app.get(CountryPackInstaller).install();
      console.log(
        pack.installed
          ? `country pack ${pack.code} installed: ${pack.types} application types, ${pack.reasons} reasons, ${pack.policies} deadline policies`
          : `country pack ${pack.code} already installed`,
      );
      const outcome = await app.get(DemoSeeder).seed();
      console.log(
        outcome.loaded
          ? `demo data loaded: ${outcome.regions} regions (${outcome.boundaries} with boundaries), ${outcome.agencies} agencies, ${outcome.topics} topics, ${outcome.rules} routing rules, ${outcome.staff} staff users`
          : 'demo data not loaded: the directory already has agencies (the demo loaded earlier, or a real directory)',
      );
    } catch (error) {
      if (!(error instanceof CountryPackMismatchError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    } finally {
      await app.close();
    }
  });

registerApiKeyCommand(program);
registerImportBoundariesCommand(program);
registerVaultCommand(program);

program
  .command('import-agencies')
  .description('load the agency directory from a CSV file; agencies are matched by code, so loading a file again is safe')
  .argument('<file>', 'CSV with a header: code, parent_code, kind, contact_email, region_code, name_<language>...')
  .option('--skip-invalid', 'load the rows that can be loaded and report the others, instead of loading nothing')
  .action(async (file: string, options: { skipInvalid?: boolean }) => {
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    const bar = new SingleBar({ stream: process.stderr, format: 'writing agencies [{bar}] {value}/{total}' }, Presets.shades_classic);
    let report: AgencyImportReport;
    try {
      report = await app.get(AgencyCsvImporter).importFile(file, {
        skipInvalid: options.skipInvalid,
        onProgress: (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
      });
    } finally {
      bar.stop();
      await app.close();
    }
    for (const problem of report.problems) console.error(describeProblem(problem));
    const read = `${report.rows} rows read, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`;
    if (report.written === 0 && report.problems.length > 0) {
      console.log(`${read}: nothing was written${options.skipInvalid ? '' : ' (--skip-invalid loads the valid rows)'}`);
      process.exitCode = 1;
    } else {
      console.log(
        `${read}: ${report.written} agencies written (${report.created} new, ${report.updated} updated), ${report.rows - report.written} rows skipped`,
      );
    }
  });

program
  .command('verify-history')
  .description('recompute the hash chain of every application history (or of one) and report where it was altered')
  .option('--application <uuid>', 'check only this application')
  .option('--batch-size <events>', 'events read per query', (value) => Number(value), 10000)
  .action(async (options: { application?: string; batchSize: number }) => {
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    const bar = new SingleBar({ stream: process.stderr, format: 'checking history [{bar}] {value}/{total} events' }, Presets.shades_classic);
    let result: HistoryVerification;
    try {
      result = await app.get(HistoryVerifier).verify({
        applicationId: options.application,
        batchSize: options.batchSize,
        onProgress: ({ events }, estimated) => {
          if (!bar.isActive) bar.start(estimated, events);
          bar.setTotal(estimated);
          bar.update(events);
        },
      });
    } finally {
      bar.stop();
      await app.close();
    }
    const checked = `${plural(result.events, 'event')} in ${plural(result.applications, 'application')}`;
    if (result.brokenApplications === 0) {
      console.log(`history intact: ${checked}`);
      return;
    }
    for (const link of result.brokenLinks) console.log(describeBrokenLink(link));
    const listed = result.brokenLinks.length < result.brokenApplications ? `; the first ${result.brokenLinks.length} are listed` : '';
    console.log(`history broken in ${plural(result.brokenApplications, 'application')} (${checked} checked)${listed}`);
    process.exitCode = 2;
  });

const BROKEN_LINK_MEANING: Record<BrokenLink['reason'], string> = {
  hash_mismatch: 'altered (hash does not match its contents)',
  prev_hash_mismatch: 'does not follow the event before it (an event before it was removed, or altered and re-hashed)',
  missing_hash: 'has no hash (written while the chain trigger was disabled)',
};

function describeBrokenLink({ applicationId, trackingNumber, eventId, reason }: BrokenLink): string {
  const application = trackingNumber ? formatTrackingNumber(trackingNumber) : applicationId;
  return `application ${application}: event ${eventId} ${BROKEN_LINK_MEANING[reason]}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeProblem({ line, code, field, message }: AgencyCsvProblem): string {
  return `line ${line}${code ? ` (code ${code})` : ''}: ${field}: ${message}`;
}

program.parseAsync(process.argv).catch((error) => {
  // A domain error is told in the API's English sentences (its message is only its code); anything else as it is.
  if (error instanceof DomainError) {
    const { message, errors } = toProblem(error).problem;
    console.error([message, ...(errors ?? []).map((e) => `${e.field}: ${e.message}`)].join('\n'));
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
});
