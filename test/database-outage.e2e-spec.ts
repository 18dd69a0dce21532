import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { freePort, waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { databaseUrl, testServices } from './support/test-services';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** A PostgreSQL cluster of this suite's own, so it can be stopped without touching the other suites. */
class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'petitio-pg-'));

  constructor(readonly port: number) {
    // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user (see scripts/lib/services.sh).
    if (process.getuid?.() === 0) {
      const [, , uid, gid] = passwdEntry('postgres');
      chownSync(this.dir, Number(uid), Number(gid));
    }
  }

  async init(): Promise<void> {
    await this.asOwner('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off`;
    await this.asOwner('pg_ctl', ['-D', this.dataDir, '-w', '-t', '30', '-l', join(this.dir, 'postgres.log'), '-o', options, 'start']);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.asOwner('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  async running(): Promise<boolean> {
    return this.asOwner('pg_ctl', ['-D', this.dataDir, 'status']).then(
      () => true,
      () => false,
    );
  }

  async dispose(): Promise<void> {
    if (await this.running()) await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private asOwner(program: string, args: string[]) {
    const binary = join(testServices.pgBin, program);
    return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
  }
}

function passwdEntry(user: string): string[] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no ${user} user: install PostgreSQL`);
  return line.split(':');
}

/** Creates the migrated, seeded template on the private cluster the way `npm test` does on the shared one. */
async function createTemplate(port: number): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl('postgres', port) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${testServices.template}`);
  } finally {
    await admin.end();
  }
  const env = { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(testServices.template, port) };
  for (const command of ['migrate', 'seed']) {
    await run(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), command], { cwd: ROOT, env });
  }
}

async function submit(
  stack: TestStack,
): Promise<{ status: number; ms: number; retryAfter: string | null; contentType: string | null; body: Record<string, unknown> }> {
  const started = Date.now();
  const res = await fetch(`${stack.apiUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validApplication()),
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: res.status,
    ms: Date.now() - started,
    retryAfter: res.headers.get('retry-after'),
    contentType: res.headers.get('content-type'),
    body: await res.json(),
  };
}

describe('when PostgreSQL goes away', () => {
  let postgres: PrivatePostgres;
  let stack: TestStack;

  beforeAll(async () => {
    postgres = new PrivatePostgres(await freePort());
    await postgres.init();
    await postgres.start();
    await createTemplate(postgres.port);
    stack = await startStack({ pgPort: postgres.port });
  }, 60_000);
  afterAll(async () => {
    if (postgres && !(await postgres.running())) await postgres.start();
    await stack?.stop();
    await postgres?.dispose();
  });

  it('answers 503 with Retry-After, never 500, and takes applications again once it is back', async () => {
    const first = await submit(stack);
    expect(first.status).toBe(201);
    await routedAgencyCode(stack.db, first.body.trackingNumber as string);

    await postgres.stop('fast');

    const during = [];
    for (let i = 0; i < 5; i++) during.push(await submit(stack));
    for (const answer of during) {
      expect(answer).toEqual({
        status: 503,
        ms: expect.any(Number),
        retryAfter: expect.stringMatching(/^\d+$/),
        contentType: expect.stringMatching(/^application\/json/),
        body: expect.objectContaining({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' }),
      });
    }
    // The pool fails fast (connectionTimeoutMillis): the citizen learns within seconds, not after a proxy timeout.
    expect(during.filter((a) => a.ms > 5_000)).toEqual([]);

    const live = await fetch(`${stack.apiUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${stack.apiUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    expect(ready.status).toBe(503);
    expect((await ready.json()).error?.postgres?.status).toBe('down');

    await postgres.start();

    const after = await waitFor(
      async () => {
        const answer = await submit(stack);
        if (answer.status !== 503) return answer;
        return undefined;
      },
      15_000,
      'intake to accept applications again',
    );
    expect(after.status).toBe(201);
    // Routing resumes once the worker's pool reconnects and the relay's backoff (at most 5 s) runs out. On a loaded
    // machine the worker's first attempts can still time out waiting for a connection and back off (1, 2, 4, 8… s).
    const agency = await routedAgencyCode(stack.db, after.body.trackingNumber as string, 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${stack.logs()}`);
    });
    expect(agency).toBe('ISKI-KDK');
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM applications WHERE tracking_number = $1', [
      digits(after.body.trackingNumber as string),
    ]);
    expect(rows[0].n).toBe(1);
    expect((await fetch(`${stack.apiUrl}/health/ready`)).status).toBe(200);
  }, 120_000);
});
