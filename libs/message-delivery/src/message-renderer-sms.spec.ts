import { SignedTokens, loadEnvironment } from '@petitio/platform';
import { MessageRenderer, StoredMessage } from './message-renderer';
import { smsSegments } from './sms-segments';

const answer: StoredMessage = {
  id: '5b0c3c1e-8a43-4f4e-9d0a-1f6a2b3c4d5e',
  channel: 'sms',
  recipient: '+905321234567',
  template: 'application_answered',
  language: 'tr',
  params: { trackingNumber: '48273915602', body: 'Arıza giderildi.' },
};

function rendererWith(settings: Record<string, string>): MessageRenderer {
  const env = loadEnvironment({ PUBLIC_BASE_URL: 'https://petitio.example', ...settings });
  return new MessageRenderer(new SignedTokens(env), env);
}

describe('rendering an SMS', () => {
  it('writes a Turkish SMS without Turkish letters by default, so it goes as GSM-7', () => {
    const { text } = rendererWith({}).render(answer);
    expect(text).toContain('4827-3915-602 numarali basvurunuzu yanitladi');
    expect(text).toContain('Ariza giderildi.');
    expect(smsSegments(text).encoding).toBe('GSM-7');
  });

  it('keeps the Turkish letters when SMS_TRANSLITERATE is false, and never touches email', () => {
    expect(rendererWith({ SMS_TRANSLITERATE: 'false' }).render(answer).text).toContain('numaralı başvurunuzu yanıtladı');
    expect(rendererWith({}).render({ ...answer, channel: 'email', recipient: 'a@b.example' }).text).toContain('Arıza giderildi.');
  });
});

const CITIZEN_TEMPLATES = [
  'application_received',
  'information_requested',
  'application_answered',
  'application_transferred',
  'application_rejected',
  'deadline_extended',
  'deadline_breached',
  'interim_answer',
] as const;
const LANGUAGES = ['tr', 'en', 'ar'] as const;
/** Segments a citizen SMS may cost without the staff's words: Arabic is always UCS-2, 67 characters a part. */
const BUDGET = { tr: { encoding: 'GSM-7', segments: 2 }, en: { encoding: 'GSM-7', segments: 2 }, ar: { encoding: 'UCS-2', segments: 4 } } as const;
const SENDERS: Record<string, Record<string, string>> = {
  'a phone number': { TWILIO_FROM_NUMBER: '+905550000001' },
  'a sender ID with a reply number': { TWILIO_FROM_NUMBER: 'PETITIO', TWILIO_REPLY_NUMBER: '+905550000002' },
  'a sender ID alone': { TWILIO_FROM_NUMBER: 'PETITIO' },
  'a Messaging Service alone': { TWILIO_FROM_NUMBER: `MG${'0123456789abcdef'.repeat(2)}` },
};

function sms(template: string, language: string, settings: Record<string, string> = {}): string {
  return rendererWith(settings).render({
    ...answer,
    template,
    language,
    params: { trackingNumber: '48273915602', deadline: '2026-03-16T21:30:00.000Z' },
  }).text;
}

describe('the status link in an SMS', () => {
  it.each(LANGUAGES)('opens the portal status page in %s with the tracking number and never the access code', (language) => {
    const text = sms('application_received', language);
    expect(text).toContain(`https://petitio.example/${language}/status/48273915602`);
    expect(text).not.toContain('/api/');
    expect(text).not.toContain('52830174');
  });
});

describe('SMS segment budgets', () => {
  it.each(Object.keys(SENDERS).flatMap((sender) => CITIZEN_TEMPLATES.flatMap((t) => LANGUAGES.map((l) => [t, l, sender] as const))))(
    'keeps %s in %s, sent from %s, within its budget',
    (template, language, sender) => {
      expect(smsSegments(sms(template, language, SENDERS[sender]))).toMatchObject({ encoding: BUDGET[language].encoding, segments: expect.any(Number) });
      expect(smsSegments(sms(template, language, SENDERS[sender])).segments).toBeLessThanOrEqual(BUDGET[language].segments);
    },
  );
});

describe('inviting a reply by SMS', () => {
  it('asks to reply to the message itself when it comes from a phone number', () => {
    expect(sms('information_requested', 'en', SENDERS['a phone number'])).toContain('Reply to this message, or open the status page with your access code.');
    expect(sms('information_requested', 'tr', SENDERS['a phone number'])).toContain('Bu mesaji yanitlayin ya da durum sayfasini');
  });

  it.each(LANGUAGES)('in %s, names the reply number when the sender ID cannot be answered', (language) => {
    const text = sms('information_requested', language, SENDERS['a sender ID with a reply number']);
    expect(text).toContain('+905550000002');
    expect(text).not.toMatch(/Reply to this message|Bu mesaji yanitlayin|ردّ على هذه الرسالة/);
  });

  it('says in English to text the reply to that number', () => {
    expect(sms('information_requested', 'en', SENDERS['a sender ID with a reply number'])).toContain(
      'Text your reply to +905550000002, or open the status page',
    );
  });

  it.each(['a sender ID alone', 'a Messaging Service alone'].flatMap((sender) => LANGUAGES.map((l) => [l, sender] as const)))(
    'in %s, sent from %s, invites no reply by SMS and points to the status page',
    (language, sender) => {
      const text = sms('information_requested', language, SENDERS[sender]);
      expect(text).not.toMatch(/Reply to this message|Text your reply|Bu mesaji yanitlayin|SMS ile gonderin|ردّ على هذه الرسالة|برسالة نصية/);
      expect(text).toContain(`https://petitio.example/${language}/status/48273915602`);
    },
  );

  it('never invites a reply to an email, which comes from a no-reply address', () => {
    const { text } = rendererWith(SENDERS['a phone number']).render({
      ...answer,
      channel: 'email',
      recipient: 'a@b.example',
      template: 'information_requested',
      language: 'en',
    });
    expect(text).toContain('To reply, open the status page with your access code.');
    expect(text).not.toContain('Reply to this message');
  });
});
