import type { Environment } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';
import { negotiateLanguage } from '@petitio/web-kit';
import { cookieValue } from '@petitio/http-api';
import { ConsoleLanguage, consoleLanguages } from './i18n';

/** The cookie that keeps the language chosen in the console's header. */
export const CONSOLE_LANGUAGE_COOKIE = 'petitio_staff_lang';

export function isConsoleLanguage(value: string | undefined): value is ConsoleLanguage {
  return consoleLanguages().includes(value ?? '');
}

/** The language chosen in the header, else the browser's among the console's own, the deployment's default when none matches. */
export function consoleLanguage(request: FastifyRequest): ConsoleLanguage {
  const chosen = cookieValue(request, CONSOLE_LANGUAGE_COOKIE);
  if (isConsoleLanguage(chosen)) return chosen;
  const header = request.headers['accept-language'];
  return negotiateLanguage(consoleLanguages(), typeof header === 'string' ? header : undefined) as ConsoleLanguage;
}

/** A year; Lax so that following a link into the console keeps the language. */
export function languageCookie(env: Environment, language: ConsoleLanguage): string {
  const secure = env.PUBLIC_BASE_URL.startsWith('https:') ? '; Secure' : '';
  return `${CONSOLE_LANGUAGE_COOKIE}=${language}; Path=/staff; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`;
}

/**
 * Where the language switcher goes back to: the console page it was on (from `back`, else the Referer of this
 * host), never another site; the inbox when neither says.
 */
export function consolePageToReturnTo(request: FastifyRequest, back: string | undefined): string {
  const referer = request.headers.referer;
  let fromReferer: string | undefined;
  if (typeof referer === 'string') {
    try {
      const url = new URL(referer);
      if (url.host === request.headers.host) fromReferer = url.pathname + url.search;
    } catch {
      fromReferer = undefined;
    }
  }
  for (const candidate of [back, fromReferer]) {
    if (candidate && /^\/staff(\/|\?|$)/.test(candidate) && !/[\\\s]/.test(candidate) && !candidate.startsWith('/staff/language/')) return candidate;
  }
  return '/staff/inbox';
}
