import type { SafeHtml } from '@petitio/platform';
import type { FastifyReply } from 'fastify';
import { securityHeaders } from '@petitio/web-kit';

/**
 * The portal's headers, except the referrer policy: same-origin, so that browsers send our own Origin with
 * form posts (no-referrer would make it "null") and the guard can tell a console form from a foreign one.
 */
export function consoleHeaders(reply: FastifyReply): FastifyReply {
  return securityHeaders(reply).header('referrer-policy', 'same-origin');
}

/** Console pages show personal data: nothing is stored by browsers or proxies. `headers` add to or replace the usual ones. */
export function sendConsolePage(reply: FastifyReply, statusCode: number, page: SafeHtml, headers: Record<string, string> = {}): void {
  void consoleHeaders(reply)
    .status(statusCode)
    .headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers })
    .send(page.value);
}

export function seeOther(reply: FastifyReply, location: string, cookies: string[] = []): void {
  const r = consoleHeaders(reply).status(303).headers({ location, 'cache-control': 'no-store' });
  if (cookies.length) void r.header('set-cookie', cookies);
  void r.send();
}
