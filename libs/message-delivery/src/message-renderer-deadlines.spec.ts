import { SignedTokens, loadEnvironment } from '@petitio/platform';
import { PermanentDeliveryError } from './delivery-errors';
import { MessageRenderer, StoredMessage } from './message-renderer';
import { smsSegments } from './sms-segments';

const env = loadEnvironment({ PUBLIC_BASE_URL: 'https://petitio.example/', CALENDAR_TIME_ZONE: 'Europe/Istanbul' });
const renderer = new MessageRenderer(new SignedTokens(env), env);
const LANGUAGES = ['tr', 'en', 'ar'] as const;
const APPLICATION_ID = '0f8b6a3e-7a55-4d2c-9c11-2b3e4f5a6b7c';
// 21:30 UTC is already the next day in Istanbul: the date shown must be Istanbul's.
const DEADLINE = '2026-03-16T21:30:00.000Z';

function message(template: string, language: string, params: Record<string, unknown>, extra: Partial<StoredMessage> = {}): StoredMessage {
  return { id: '5b0c3c1e-8a43-4f4e-9d0a-1f6a2b3c4d5e', channel: 'email', recipient: 'someone@example.org', template, language, params, ...extra };
}

const parts = (r: { subject: string; text: string; html: string }) => [r.subject, r.text, r.html];
const reason = 'The land registry must be consulted <first>.';
const citizen = { trackingNumber: '48273915602', deadline: DEADLINE, body: reason, citizenName: 'Ayşe Yılmaz', accessCode: '52830174' };

describe('rendering deadline messages to citizens', () => {
  it.each(LANGUAGES)('tells of an extension in %s with the new date in the calendar’s time zone and the reason', (language) => {
    const rendered = renderer.render(message('deadline_extended', language, citizen));
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Europe/Istanbul' }).format(new Date(DEADLINE));
    expect(rendered.language).toBe(language);
    expect(rendered.subject).toContain('4827-3915-602');
    for (const part of [rendered.text, rendered.html]) {
      expect(part).toContain(date);
      expect(part).toContain(`https://petitio.example/${language}/status/48273915602`);
    }
    expect(rendered.text).toContain(reason);
    expect(rendered.html).toContain('The land registry must be consulted &lt;first&gt;.');
    for (const part of parts(rendered)) {
      expect(part).not.toContain('Ayşe');
      expect(part).not.toContain('52830174');
    }
  });

  it('writes the extended deadline as the day it is in Istanbul, not in UTC', () => {
    expect(renderer.render(message('deadline_extended', 'en', citizen)).text).toContain('March 17, 2026');
  });

  it.each(LANGUAGES)('apologises in %s for a passed deadline, with its date, and carries no staff words', (language) => {
    const rendered = renderer.render(message('deadline_breached', language, citizen));
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Europe/Istanbul' }).format(new Date(DEADLINE));
    expect(rendered.text).toContain(date);
    expect(rendered.text).toContain('4827-3915-602');
    for (const part of parts(rendered)) expect(part).not.toContain('land registry');
  });

  it('says in English that the supervisors were alerted and apologises', () => {
    const { text } = renderer.render(message('deadline_breached', 'en', citizen));
    expect(text).toContain('supervisors at the agency have been alerted');
    expect(text).toContain('apologise');
  });

  it.each(LANGUAGES)('carries the progress update in %s and says the application stays open', (language) => {
    const rendered = renderer.render(message('interim_answer', language, { trackingNumber: '48273915602', body: 'We asked the district office.' }));
    expect(rendered.text).toContain('We asked the district office.');
    expect(rendered.html).toContain('We asked the district office.');
    expect(rendered.subject).toContain('4827-3915-602');
  });

  it('refuses, for good, a deadline message without a deadline', () => {
    expect(() => renderer.render(message('deadline_extended', 'en', { trackingNumber: '48273915602', body: reason }))).toThrow(PermanentDeliveryError);
    expect(() => renderer.render(message('deadline_breached', 'en', { trackingNumber: '48273915602', deadline: 'soon' }))).toThrow(PermanentDeliveryError);
  });

  it.each((['deadline_extended', 'deadline_breached', 'interim_answer'] as const).flatMap((t) => (['tr', 'en'] as const).map((l) => [t, l] as const)))(
    'keeps a %s SMS in %s, without staff words, to two GSM-7 segments',
    (template, language) => {
      const sms = renderer.render(
        message(template, language, { trackingNumber: '48273915602', deadline: DEADLINE }, { channel: 'sms', recipient: '+905321234567' }),
      );
      expect(smsSegments(sms.text)).toMatchObject({ encoding: 'GSM-7', segments: expect.any(Number) });
      expect(smsSegments(sms.text).segments).toBeLessThanOrEqual(2);
    },
  );
});

describe('rendering deadline alerts to staff', () => {
  const alert = {
    trackingNumber: '4827-3915-602',
    applicationId: APPLICATION_ID,
    clockKind: 'answer',
    stepKind: 'warning',
    level: 1,
    share: 0.75,
    deadline: DEADLINE,
  };
  // Whatever a caller adds by mistake, an alert going to inboxes and parent agencies must not show it.
  const leaky = { ...alert, body: 'My neighbour Ali at Moda Cd. 12', subject: 'Burst pipe', citizenName: 'Ayşe Yılmaz', citizenPhone: '+905321234567' };

  it.each(LANGUAGES.flatMap((l) => (['warning', 'breach', 're_escalation'] as const).map((s) => [l, s] as const)))(
    'in %s, a %s alert names the application and links to the console, and shows nothing of the citizen',
    (language, stepKind) => {
      const rendered = renderer.render(message('deadline_escalation', language, { ...leaky, stepKind, level: stepKind === 'warning' ? 1 : 3 }));
      expect(rendered.language).toBe(language);
      expect(rendered.subject).toContain('4827-3915-602');
      for (const part of [rendered.text, rendered.html]) expect(part).toContain(`https://petitio.example/staff/applications/${APPLICATION_ID}`);
      for (const part of parts(rendered)) {
        for (const secret of ['neighbour', 'Burst pipe', 'Ayşe', '5321234567', '/status']) expect(part).not.toContain(secret);
      }
    },
  );

  it('warns with the share of the time used and the due date and time', () => {
    const { text, subject } = renderer.render(message('deadline_escalation', 'en', alert));
    expect(subject).toBe('Deadline approaching: application 4827-3915-602');
    expect(text).toContain('75% of the time to answer application 4827-3915-602 has passed; it is due March 17, 2026 at 12:30 AM.');
  });

  it('says when the deadline passed', () => {
    const { text } = renderer.render(
      message('deadline_escalation', 'en', { ...alert, stepKind: 'breach', level: 2, share: null, clockKind: 'first_response' }),
    );
    expect(text).toContain('The deadline for a first response to application 4827-3915-602 passed on March 17, 2026 at 12:30 AM.');
  });

  it('says how long past the deadline it was when the re-escalation was made, and at which level it reaches the reader', () => {
    const createdAt = new Date(new Date(DEADLINE).getTime() + (7 * 24 + 5) * 3_600_000);
    const en = renderer.render(message('deadline_escalation', 'en', { ...alert, stepKind: 're_escalation', level: 3, share: null }, { createdAt }));
    expect(en.text).toContain(
      'Application 4827-3915-602 is still unanswered 7 days after its deadline of March 17, 2026 at 12:30 AM — escalated to you as level 3.',
    );
    expect(en.subject).toBe('Escalated to you (level 3): application 4827-3915-602');
    const tr = renderer.render(message('deadline_escalation', 'tr', { ...alert, stepKind: 're_escalation', level: 3, share: null }, { createdAt }));
    expect(tr.text).toContain('7 gün geçti');
    expect(tr.text).toContain('3. kademe');
  });

  it('refuses, for good, an alert it cannot place', () => {
    expect(() => renderer.render(message('deadline_escalation', 'en', { ...alert, applicationId: 'nope' }))).toThrow(PermanentDeliveryError);
    expect(() => renderer.render(message('deadline_escalation', 'en', { ...alert, stepKind: 'panic' }))).toThrow(PermanentDeliveryError);
    expect(() => renderer.render(message('deadline_escalation', 'en', { ...alert, level: 0 }))).toThrow(PermanentDeliveryError);
    expect(() => renderer.render(message('deadline_escalation', 'en', { ...alert, deadline: undefined }))).toThrow(PermanentDeliveryError);
  });
});
