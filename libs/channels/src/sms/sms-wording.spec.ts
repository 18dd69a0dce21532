import { smsSegments } from '@petitio/message-delivery';
import { APPLICATION_STATUSES } from '@petitio/applications';
import { smsLanguages } from './citizen-language';
import { smsWordingIn } from './sms-wording';

/** Every reply a language can send, filled with the longest values it carries. */
function everyReply(language: string): [string, string][] {
  const w = smsWordingIn(language);
  const tracking = '4827-3915-602';
  return [
    ['help', w.help],
    ['empty', w.empty],
    ['received', w.received(tracking, '1234-5678')],
    ['receivedBefore', w.receivedBefore(tracking)],
    ['replyAttached', w.replyAttached(tracking)],
    ...APPLICATION_STATUSES.map((status): [string, string] => [`status ${status}`, w.status(tracking, status, 'İSKİ Kadıköy Şube Müdürlüğü')]),
    ['noApplications', w.noApplications],
    ['notFound', w.notFound],
    ['checkDigits', w.checkDigits],
    ['trackingFormat', w.trackingFormat],
    ['tooLong', w.tooLong(1600)],
    ['optedOut', w.optedOut],
    ['optedIn', w.optedIn],
    ['tooManyMessages', w.tooManyMessages],
  ];
}

describe('SMS wording', () => {
  // Two segments at most, counted as sent without transliteration: in UCS-2 (any Arabic letter, any ş) that is 134 characters.
  it.each(smsLanguages())('keeps every %s reply within two SMS segments', (language) => {
    const over = everyReply(language)
      .map(([name, text]) => ({ name, ...smsSegments(text) }))
      .filter((reply) => reply.segments > 2);
    expect(over).toEqual([]);
  });

  it('writes Arabic replies in Arabic and measures them in UCS-2', () => {
    const receipt = smsWordingIn('ar').received('4827-3915-602', '1234-5678');
    expect(receipt).toMatch(/\p{Script=Arabic}/u);
    expect(receipt).toContain('4827-3915-602');
    expect(smsSegments(receipt).encoding).toBe('UCS-2');
    expect(smsSegments(smsWordingIn('en').received('4827-3915-602', '1234-5678')).encoding).toBe('GSM-7');
  });

  it('counts in Arabic with its plural forms', () => {
    const said = [0, 1, 2, 3, 11, 100].map((n) => smsWordingIn('ar').tooLong(n));
    expect(new Set(said).size).toBe(6);
  });
});
