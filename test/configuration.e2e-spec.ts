import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

describe('starting with bad configuration', () => {
  it.each(['api', 'worker'])('the %s exits at once with a message naming every bad variable', (app) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/apps', app, 'src/main.js')], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty', WORKER_PORT: 'eighty', REDIS_URL: 'http://nope', NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 15000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('"REDIS_URL"');
    expect(result.stderr).toContain('ACCESS_CODE_SECRET must be set');
    expect(result.stderr).toContain('PHONE_HASH_SECRET must be set');
    expect(result.stderr).toContain('VAULT_KEYS must not hold the demo key');
    expect(result.stderr).toMatch(/"(WORKER_)?PORT" must be a number/);
  });
});
