import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { CountryPacks1765600000000 } from '../migrations/1765600000000-CountryPacks';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/test-services';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** Runs a CLI command against one database, as `scripts/start.sh` and compose run `migrate` and `seed` on every start. */
async function cli(command: 'migrate' | 'seed', database: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), command], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(database), ...env },
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
      expect(await cli('seed', name)).toMatch(
        /^country pack tr installed: 5 application types, 11 reasons, 7 deadline policies\ndemo data loaded: 9 regions \(6 with boundaries\), 22 agencies, 8 topics, 15 routing rules, 5 staff users/,
      );
      await db.connect();
      const counts = async () =>
        (await db.query(`SELECT (SELECT count(*) FROM agencies)::int AS agencies, (SELECT count(*) FROM routing_rules)::int AS rules`)).rows[0];
      expect(await counts()).toEqual({ agencies: 22, rules: 15 });
      expect(await cli('seed', name)).toMatch(/^country pack tr already installed\ndemo data not loaded/);
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

      expect(await cli('seed', name)).toMatch(/^country pack tr already installed\ndemo data not loaded: the directory already has agencies/);
      expect((await db.query(`SELECT names FROM agencies WHERE code = 'MOH'`)).rows[0].names).toEqual({ en: 'Renamed by an admin' });
      expect((await db.query('SELECT count(*)::int AS n FROM routing_rules WHERE code = $1', [rows[0].code])).rows[0].n).toBe(0);
    } finally {
      await db.end();
      await dropTestDatabase(name);
    }
  }, 60_000);

  it("writes no law of its own: the migrations' Turkish law is exactly the Turkey pack's, so databases set up before packs hold the pack", async () => {
    const name = await createTestDatabase(undefined, 'template1');
    const db = new Client({ connectionString: databaseUrl(name) });
    try {
      await cli('migrate', name);
      await db.connect();
      const law = async () => ({
        types: (await db.query('SELECT code, names, legal_basis FROM application_types ORDER BY code')).rows,
        reasons: (await db.query('SELECT kind, code, names, legal_basis, active FROM reason_codes ORDER BY kind, code')).rows,
        policies: (await db.query('SELECT * FROM sla_policies ORDER BY code')).rows.map(({ id: _id, created_at: _at, ...rest }) => rest),
      });
      const migrated = await law();
      expect((await db.query('SELECT count(*)::int AS n FROM country_pack')).rows[0].n).toBe(0);
      expect(await cli('seed', name)).toMatch(/^country pack tr installed/);
      expect(await law()).toEqual(migrated);
      expect((await db.query('SELECT code FROM country_pack')).rows).toEqual([{ code: 'tr' }]);
    } finally {
      await db.end();
      await dropTestDatabase(name);
    }
  }, 60_000);

  it('refuses another country pack on a database set up with one, and changes nothing', async () => {
    const name = await createTestDatabase();
    const db = new Client({ connectionString: databaseUrl(name) });
    await db.connect();
    try {
      const policies = async () => (await db.query('SELECT code FROM sla_policies ORDER BY code')).rows;
      const before = await policies();
      const refused = await cli('seed', name, { COUNTRY_PACK: 'br' }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('this database was set up with country pack tr; COUNTRY_PACK=br cannot change it'),
      });
      expect(await policies()).toEqual(before);
    } finally {
      await db.end();
      await dropTestDatabase(name);
    }
  }, 60_000);

  it('records Turkey for a database that had a directory before country packs existed', async () => {
    const name = await createTestDatabase(undefined, 'template1');
    const before = migrations.slice(0, migrations.indexOf(CountryPacks1765600000000));
    const dataSource = new DataSource({ type: 'postgres', url: databaseUrl(name), migrations: before });
    try {
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.query(`INSERT INTO agencies (code, kind, names) VALUES ('OLD', 'ministry', '{"en": "Set up earlier"}')`);
      await dataSource.destroy();
      await cli('migrate', name);
      const db = new Client({ connectionString: databaseUrl(name) });
      await db.connect();
      const recorded = await db.query('SELECT code FROM country_pack').finally(() => db.end());
      expect(recorded.rows).toEqual([{ code: 'tr' }]);
      expect(await cli('seed', name)).toMatch(/^country pack tr already installed\ndemo data not loaded/);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropTestDatabase(name);
    }
  }, 60_000);
});
