process.env.PETITIO_PROCESS ??= 'worker';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnvironment } from '@petitio/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker serves only /health and /metrics over HTTP; its real work comes from BullMQ. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(env.WORKER_PORT, '0.0.0.0');
  app.get(Logger).log({ msg: 'worker running', port: env.WORKER_PORT });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
