import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL and Redis that `npm test` started for this run (see scripts/test.sh). */
export const testServices = {
  pgPort: Number(process.env.PETITIO_TEST_PG_PORT ?? 54349),
  redisPort: Number(process.env.PETITIO_TEST_REDIS_PORT ?? 63819),
  template: process.env.PETITIO_TEST_TEMPLATE_DB ?? 'petitio_template',
  pgBin: process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin',
};

export function databaseUrl(name: string, port = testServices.pgPort): string {
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}

/**
 * A database of its own for one suite, copied from the migrated and seeded template:
 * much faster than migrating, and suites never see each other's rows.
 */
export async function createTestDatabase(port = testServices.pgPort, template = testServices.template): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: databaseUrl('postgres', port) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropTestDatabase(name: string, port = testServices.pgPort): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl('postgres', port) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
