import { randomUUID } from 'node:crypto';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Environment, Metrics, loadEnvironment, stripQuery, supportedLanguages } from '@petitio/platform';
import { offerLanguages } from '@petitio/i18n';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { createValidationPipe } from '@petitio/web-kit';
import { multipartOptions } from '@petitio/web-portal';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the api application; `main.ts` listens, tests and benchmarks may do the same. */
export async function createApiApp(): Promise<{ app: NestFastifyApplication; env: Environment }> {
  const env = loadEnvironment();
  offerLanguages(supportedLanguages(env));
  const adapter = new FastifyAdapter({
    bodyLimit: env.HTTP_BODY_LIMIT_BYTES,
    // The portal's apply form sends files. The parser only marks the request: bodies are read (and bounded) by
    // the portal route alone, and every JSON API route keeps answering 415 to them (JsonBodyGuard).
    multipart: multipartOptions({ maxFiles: env.ATTACHMENTS_MAX_FILES, maxBytes: env.ATTACHMENTS_MAX_BYTES, fieldBytes: env.HTTP_BODY_LIMIT_BYTES }),
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    // `/tr/` is the portal's home; Nest routes `/:lang` without the slash.
    rewriteUrl: (req: { url?: string }) => portalHomeWithoutSlash(req.url ?? '/'),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const metrics = app.get(Metrics);
  const requestLog = new NestLogger('Http');
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    // One line per request with its id; the path is masked and never carries a query string or body.
    if (route !== '/health/live' && route !== '/health/ready' && route !== '/metrics') {
      requestLog.log({
        msg: 'request completed',
        reqId: request.id,
        method: request.method,
        path: stripQuery(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      });
    }
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Petitio API')
      .setDescription('Submit and follow citizen applications: petitions, complaints, requests, information requests and suggestions.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return { app, env };
}

// Any two-letter first segment: the portal answers the languages it has and a 404 page for the rest.
const PORTAL_HOME = /^\/[a-z]{2}\/(\?|$)/;

function portalHomeWithoutSlash(url: string): string {
  return PORTAL_HOME.test(url) ? url.replace('/?', '?').replace(/\/$/, '') : url;
}

/** A hop count trusts that many proxies nearest to us; a list trusts those addresses only. */
function trustProxySetting(value: Environment['TRUST_PROXY']) {
  if (typeof value === 'number') return (_address: string, hop: number) => hop < value;
  if (typeof value === 'string') return value.split(',');
  return value;
}
