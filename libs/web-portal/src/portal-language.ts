import { NotFoundException } from '@nestjs/common';
import { PortalLanguage, isPortalLanguage } from './i18n';

/** The language in a page path; any other first segment is no portal page. */
export function pageLanguage(lang: string): PortalLanguage {
  if (!isPortalLanguage(lang)) throw new NotFoundException();
  return lang;
}
