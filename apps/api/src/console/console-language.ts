import type { FastifyRequest } from 'fastify';
import { negotiateLanguage } from '../http/language';
import { CONSOLE_LANGUAGES, ConsoleLanguage } from './i18n';

/** The console speaks the browser's language among its own, Turkish when none matches. */
export function consoleLanguage(request: FastifyRequest): ConsoleLanguage {
  const header = request.headers['accept-language'];
  return negotiateLanguage([...CONSOLE_LANGUAGES], typeof header === 'string' ? header : undefined) as ConsoleLanguage;
}
