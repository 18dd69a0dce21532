import type { SafeHtml } from '@petitio/platform';
import type { FastifyReply } from 'fastify';

/** No script anywhere, forms post to ourselves only, and nobody may frame the pages. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  });
}

/**
 * Sends a page. Nothing is stored by browsers or proxies: forms carry a one-off submission key, and
 * receipts and status pages carry the access code.
 */
export function sendPage(reply: FastifyReply, statusCode: number, page: SafeHtml): void {
  void securityHeaders(reply).status(statusCode).headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).send(page.value);
}
