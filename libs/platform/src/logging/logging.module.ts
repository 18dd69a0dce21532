import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../config/environment';
import { ENVIRONMENT } from '../config/environment.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Structured JSON logs with a request id on every line. Bodies, query strings and headers
 * that could carry a phone number, an access code or a credential are never logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          base: { service: `petitio-${process.env.PETITIO_PROCESS ?? 'process'}` },
          genReqId: (req: IncomingMessage) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          },
          customProps: () => ({}),
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              path: stripQuery(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: { paths: ['req.headers', 'res.headers'], remove: true },
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

/**
 * Paths are logged without their query string; tracking numbers in paths are masked to their
 * last 3 digits and a caller's phone number (caller lookup) entirely.
 */
export function stripQuery(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(/\/callers\/[^/]+/g, '/callers/***').replace(/\d{4}-?\d{4}-?(\d{3})/g, '****-****-$1');
}
