import type { ApplicationStatus } from '@petitio/applications';
import { catalogs } from '@petitio/i18n';
import { PhoneLanguage, smsLanguages } from './citizen-language';

/**
 * Every SMS answer in one language, from `libs/i18n/catalogs/<language>/sms.json`. Short on purpose: each
 * letter outside GSM-7 (Turkish ş, every Arabic letter) makes a whole text cost more segments.
 */
export interface SmsWording {
  help: string;
  empty: string;
  received(trackingNumber: string, accessCode: string): string;
  /** The receipt repeated to a late redelivery: the access code went out once, in the first reply. */
  receivedBefore(trackingNumber: string): string;
  replyAttached(trackingNumber: string): string;
  status(trackingNumber: string, status: ApplicationStatus, agency: string | null): string;
  statusList(lines: string[]): string;
  noApplications: string;
  notFound: string;
  checkDigits: string;
  trackingFormat: string;
  tooLong(max: number): string;
  optedOut: string;
  optedIn: string;
  tooManyMessages: string;
}

function smsWording(language: PhoneLanguage): SmsWording {
  const t = catalogs.texts('sms', language);
  return {
    help: t.help,
    empty: t.empty,
    received: (tracking, code) => t.received({ tracking, code }),
    receivedBefore: (tracking) => t.receivedBefore({ tracking }),
    replyAttached: (tracking) => t.replyAttached({ tracking }),
    status: (tracking, status, agency) =>
      agency ? t.statusAtAgency({ tracking, status: t.statuses[status], agency }) : t.status({ tracking, status: t.statuses[status] }),
    statusList: (lines) => lines.join('\n'),
    noApplications: t.noApplications,
    notFound: t.notFound,
    checkDigits: t.checkDigits,
    trackingFormat: t.trackingFormat,
    tooLong: (max) => t.tooLong({ max }),
    optedOut: t.optedOut,
    optedIn: t.optedIn,
    tooManyMessages: t.tooManyMessages,
  };
}

const wordings = new Map<PhoneLanguage, SmsWording>();

/** The SMS wording of a language the conversation speaks, else of the deployment's default language. */
export function smsWordingIn(language: PhoneLanguage): SmsWording {
  const spoken = smsLanguages().includes(language) ? language : smsLanguages()[0];
  let wording = wordings.get(spoken);
  if (!wording) wordings.set(spoken, (wording = smsWording(spoken)));
  return wording;
}
