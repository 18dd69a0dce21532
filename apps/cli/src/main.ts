process.env.PETITIO_PROCESS ??= 'cli';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { databaseOptions, loadEnvironment } from '@petitio/platform';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { CliModule } from './cli.module';
import { DemoSeeder } from './demo/demo-seeder';

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
  .description('load the demo directory, topics and routing rules (idempotent)')
  .action(async () => {
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    try {
      const counts = await app.get(DemoSeeder).seed();
      console.log(`demo data loaded: ${counts.regions} regions, ${counts.agencies} agencies, ${counts.topics} topics, ${counts.rules} routing rules`);
    } finally {
      await app.close();
    }
  });

program.parseAsync(process.argv).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
