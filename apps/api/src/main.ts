process.env.PETITIO_PROCESS ??= 'api';
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const { app, env } = await createApiApp();
  await app.listen(env.PORT, '0.0.0.0');
  app.get(Logger).log({ msg: 'api listening', port: env.PORT, docs: `${env.PUBLIC_BASE_URL}/docs` });
}

main().catch((error) => {
  // Configuration errors are written plainly: they are read by a person starting the service.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
