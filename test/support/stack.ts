import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort, waitFor } from './ports';
import { createTestDatabase, databaseUrl, dropTestDatabase, testServices } from './test-services';

const ROOT = join(__dirname, '..', '..');

export interface StackOptions {
  workers?: number;
  redisUrl?: string;
  pgPort?: number;
  env?: Record<string, string>;
  /** The database to copy instead of the run's template (migrated and seeded with Turkey's pack). */
  template?: string;
}

/** A real api process and worker processes on their own database and queue prefix. */
export class RunningProcess {
  readonly output: string[] = [];
  exited?: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 500) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** SIGKILL: the process gets no chance to finish what it was doing. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }

  /** Lines of JSON logs and anything else the process wrote. */
  text(): string {
    return this.output.join('');
  }
}

export class TestStack {
  readonly workers: RunningProcess[] = [];
  api!: RunningProcess;
  readonly db: Pool;

  constructor(
    readonly databaseName: string,
    readonly env: Record<string, string>,
    private readonly pgPort: number,
  ) {
    this.db = new Pool({ connectionString: databaseUrl(databaseName, pgPort), max: 4 });
    this.db.on('error', () => undefined);
  }

  get apiUrl(): string {
    return this.api.url;
  }

  async startApi(extraEnv: Record<string, string> = {}): Promise<RunningProcess> {
    const port = await freePort();
    this.api = await launch('api', 'apps/api/src/main.js', { ...this.env, ...extraEnv, PORT: String(port) }, port);
    return this.api;
  }

  async startWorker(extraEnv: Record<string, string> = {}): Promise<RunningProcess> {
    const port = await freePort();
    const worker = await launch(`worker${this.workers.length + 1}`, 'apps/worker/src/main.js', { ...this.env, ...extraEnv, WORKER_PORT: String(port) }, port);
    this.workers.push(worker);
    return worker;
  }

  async stop(): Promise<void> {
    await Promise.all([this.api, ...this.workers].filter(Boolean).map((p) => p.kill('SIGTERM')));
    await this.db.end().catch(() => undefined);
    await dropTestDatabase(this.databaseName, this.pgPort).catch(() => undefined);
  }

  /** Everything the processes wrote, for a failing test's message. */
  logs(): string {
    return [this.api, ...this.workers]
      .filter(Boolean)
      .map((p) => `--- ${p.name} ---\n${p.text().slice(-4000)}`)
      .join('\n');
  }
}

async function launch(name: string, entry: string, env: Record<string, string>, port: number): Promise<RunningProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running = new RunningProcess(name, child, port);
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${running.text()}`);
      const res = await fetch(`${running.url}/health/live`);
      return res.ok;
    },
    20000,
    `${name} to start`,
  ).catch((error) => {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${running.text()}`);
  });
  return running;
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const pgPort = options.pgPort ?? testServices.pgPort;
  const databaseName = await createTestDatabase(pgPort, options.template);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName, pgPort),
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: options.redisUrl ?? `redis://127.0.0.1:${testServices.redisPort}`,
    QUEUE_PREFIX: `{t${randomBytes(4).toString('hex')}}`,
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '100',
    ...options.env,
  };
  const stack = new TestStack(databaseName, env, pgPort);
  try {
    await stack.startApi();
    for (let i = 0; i < (options.workers ?? 1); i++) await stack.startWorker();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
