import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The JSON API takes JSON only; forms and plain text belong to the web pages, not here. */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!WITH_BODY.has(request.method)) return true;
    // An action without a body (e.g. "disable this user") needs no content type.
    const length = request.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return true;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return true;
    throw new HttpException('UNSUPPORTED_MEDIA_TYPE', 415);
  }
}
