import { catalogs } from '@petitio/i18n';
import { open311Datetime } from '@petitio/open311';
import type { Environment } from '@petitio/platform';

/** When this process started: a changed service list reaches clients after the restart that deploys it. */
const STARTED = open311Datetime(new Date());

/** The service discovery document (http://wiki.open311.org/Service_Discovery): where the GeoReport v2 endpoint is. */
export function open311Discovery(env: Environment, language: string) {
  const words = catalogs.texts('open311', language).discovery;
  return {
    changeset: STARTED,
    contact: words.contact({ url: env.PUBLIC_BASE_URL }),
    key_service: words.keyService,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${env.PUBLIC_BASE_URL}/open311/v2`,
        changeset: STARTED,
        type: env.NODE_ENV === 'production' ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
