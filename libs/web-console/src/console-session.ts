import type { Environment } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';

/** The console's session cookie: its own name and path, so the JSON API's cookie and this one never mix. */
export const CONSOLE_COOKIE = 'petitio_staff';

function secure(env: Environment): string {
  return env.PUBLIC_BASE_URL.startsWith('https:') ? '; Secure' : '';
}

export function sessionCookie(env: Environment, token: string): string {
  return `${CONSOLE_COOKIE}=${token}; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=${env.STAFF_SESSION_MAX_SECONDS}${secure(env)}`;
}

export function clearedSessionCookie(env: Environment): string {
  return `${CONSOLE_COOKIE}=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0${secure(env)}`;
}

/**
 * A post from one of our pages: Origin (else Referer), when the browser sends one, names this host or the
 * public address. "null" (a sandboxed frame, a no-referrer page elsewhere) is refused, unless the browser's
 * Sec-Fetch-Site says same-origin: our own no-referrer page (set-password) posts with Origin "null".
 */
export function fromOwnPage(request: FastifyRequest, env: Environment): boolean {
  const origin = header(request, 'origin') ?? header(request, 'referer');
  if (origin === undefined) return true;
  if (origin === 'null') return header(request, 'sec-fetch-site') === 'same-origin';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === header(request, 'host') || host === new URL(env.PUBLIC_BASE_URL).host;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
