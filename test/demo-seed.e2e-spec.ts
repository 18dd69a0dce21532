import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/test-services';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** Runs a CLI command against one database, as `scripts/start.sh` and compose run `migrate` and `seed` on every start. */
async function cli(command: 'migrate' | 'seed', database: string): Promise<string> {
  const { stdout } = await run(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), command], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(database) },
  });
  return stdout;
}

describe('the demo seed', () => {
  it('loads the demo into an empty database, and a second start changes nothing', async () => {
    // An empty database, as a first start creates it.
    const name = await createTestDatabase(undefined, 'template1');
    const db = new Client({ connectionString: databaseUrl(name) });
    try {
      await cli('migrate', name);
      expect(await cli('seed', name)).toMatch(/^demo data loaded: 9 regions, 22 agencies, 8 topics, 15 routing rules, 5 staff users/);
      await db.connect();
      const counts = async () =>
        (await db.query(`SELECT (SELECT count(*) FROM agencies)::int AS agencies, (SELECT count(*) FROM routing_rules)::int AS rules`)).rows[0];
      expect(await counts()).toEqual({ agencies: 22, rules: 15 });
      expect(await cli('seed', name)).toMatch(/^demo data not loaded/);
      expect(await counts()).toEqual({ agencies: 22, rules: 15 });
    } finally {
      await db.end();
      await dropTestDatabase(name);
    }
  }, 60_000);

  it('keeps what admins renamed and deleted when the service starts again', async () => {
    const name = await createTestDatabase();
    const db = new Client({ connectionString: databaseUrl(name) });
    await db.connect();
    try {
      await db.query(`UPDATE agencies SET names = '{"en": "Renamed by an admin"}' WHERE code = 'MOH'`);
      const { rows } = await db.query('SELECT code FROM routing_rules ORDER BY code LIMIT 1');
      await db.query('DELETE FROM routing_rules WHERE code = $1', [rows[0].code]);

      expect(await cli('seed', name)).toMatch(/^demo data not loaded: the directory already has agencies/);
      expect((await db.query(`SELECT names FROM agencies WHERE code = 'MOH'`)).rows[0].names).toEqual({ en: 'Renamed by an admin' });
      expect((await db.query('SELECT count(*)::int AS n FROM routing_rules WHERE code = $1', [rows[0].code])).rows[0].n).toBe(0);
    } finally {
      await db.end();
      await dropTestDatabase(name);
    }
  }, 60_000);
});
