import { SignedTokens, loadEnvironment } from '@petitio/platform';
import { PASSWORD_LINK_PURPOSE as STAFF_PASSWORD_LINK_PURPOSE } from '@petitio/staff';
import { PermanentDeliveryError } from './delivery-errors';
import { MessageRenderer, StoredMessage } from './message-renderer';
import { MessageTemplate } from '@petitio/notifications';
import { PASSWORD_LINK_PURPOSE } from './password-link';

const env = loadEnvironment({ PUBLIC_BASE_URL: 'https://petitio.example/' });
const tokens = new SignedTokens(env);
const renderer = new MessageRenderer(tokens, env);

const CITIZEN_TEMPLATES: MessageTemplate[] = [
  'application_received',
  'information_requested',
  'application_answered',
  'application_transferred',
  'application_rejected',
];

function message(template: string, language: string, params: Record<string, unknown>): StoredMessage {
  return { id: '5b0c3c1e-8a43-4f4e-9d0a-1f6a2b3c4d5e', channel: 'email', recipient: 'someone@example.org', template, language, params };
}

// Things a citizen message must never carry, even when the caller put them in the params by mistake.
const leaky = { trackingNumber: '48273915602', accessCode: '52830174', citizenName: 'Ayşe Yılmaz', body: 'My neighbour <b>Ali</b> at Moda Cd. 12' };

describe('rendering outgoing messages', () => {
  it.each(CITIZEN_TEMPLATES.flatMap((t) => ['tr', 'en', 'ar'].map((l) => [t, l] as const)))(
    '%s in %s shows the tracking number and the status link, never the access code or the name',
    (template, language) => {
      const rendered = renderer.render(message(template, language, leaky));
      expect(rendered.language).toBe(language);
      for (const part of [rendered.subject, rendered.text, rendered.html]) expect(part).toContain('4827-3915-602');
      for (const part of [rendered.text, rendered.html]) expect(part).toContain(`https://petitio.example/${language}/status/48273915602`);
      for (const part of [rendered.subject, rendered.text, rendered.html]) {
        expect(part).not.toContain('52830174');
        expect(part).not.toContain('Ayşe');
        if (template !== 'application_answered' && template !== 'information_requested') expect(part).not.toContain('neighbour');
      }
      expect(rendered.html).toContain(`lang="${language}"`);
    },
  );

  it('puts the answer in the answer message, escaped in HTML and intact in text', () => {
    const rendered = renderer.render(message('application_answered', 'en', leaky));
    expect(rendered.text).toContain('My neighbour <b>Ali</b> at Moda Cd. 12');
    expect(rendered.html).toContain('My neighbour &lt;b&gt;Ali&lt;/b&gt; at Moda Cd. 12');
    expect(rendered.html).not.toContain('<b>Ali</b>');
  });

  it('writes Arabic right to left, keeping the tracking number left to right', () => {
    const rendered = renderer.render(message('application_received', 'ar', leaky));
    expect(rendered.html).toContain('dir="rtl"');
    expect(rendered.html).toMatch(/<strong dir="ltr"[^>]*>4827-3915-602<\/strong>/);
  });

  it('falls back to English for a language without wording, and reads tr-TR as Turkish', () => {
    expect(renderer.render(message('application_received', 'de', leaky))).toMatchObject({ language: 'en', subject: 'Application 4827-3915-602 received' });
    expect(renderer.render(message('application_received', 'tr-TR', leaky)).language).toBe('tr');
  });

  it('builds the set-password link at delivery from the token id, signed for the staff password purpose, in the query the console page reads', () => {
    const tokenId = '0f8b6a3e-7a55-4d2c-9c11-2b3e4f5a6b7c';
    const rendered = renderer.render(message('staff_invitation', 'en', { passwordTokenId: tokenId, displayName: 'Deniz', invitedBy: 'x' }));
    const token = /https:\/\/petitio\.example\/staff\/set-password\?token=(\S+)/.exec(rendered.text)?.[1];
    expect(tokens.verify(STAFF_PASSWORD_LINK_PURPOSE, token!)).toBe(tokenId);
    expect(PASSWORD_LINK_PURPOSE).toBe(STAFF_PASSWORD_LINK_PURPOSE);
    expect(rendered.html).toContain(`/staff/set-password?token=${token}`);
    expect(rendered.text).not.toContain('#token=');
    expect(rendered.text).toContain('72 hours');
    expect(rendered.text).not.toContain('Deniz');
  });

  it.each([
    ['en', 'Someone failed to sign in to your Petitio staff account 5 times from the address 203.0.113.x', 'If it was not you'],
    ['tr', 'Birisi 203.0.113.x adresinden Petitio personel hesabınıza 5 kez giriş yapmayı denedi', 'Bu siz değilseniz'],
  ])('tells the owner in %s that an address was locked out of their account, and what to do if it was not them', (language, what, ifNot) => {
    const params = { failures: 5, from: '203.0.113.x', lockedAt: '2026-03-02T09:30:00.000Z', password: 'hunter2-Zq', address: '203.0.113.7' };
    const rendered = renderer.render(message('staff_sign_in_locked', language, params));
    expect(rendered.language).toBe(language);
    for (const part of [rendered.text, rendered.html]) {
      expect(part).toContain(what);
      expect(part).toContain(ifNot);
      expect(part).toContain('https://petitio.example/staff/sign-in');
      expect(part).not.toContain('203.0.113.7');
      expect(part).not.toContain('hunter2-Zq');
    }
    expect(rendered.text).toMatch(/2026/);
  });

  it('refuses a lockout notice without its count, a hint that looks like anything but an address, or a date', () => {
    const good = { failures: 5, from: '203.0.113.x', lockedAt: '2026-03-02T09:30:00.000Z' };
    for (const bad of [
      { ...good, failures: 0 },
      { ...good, from: '<b>x</b>' },
      { ...good, lockedAt: 'soon' },
    ]) {
      expect(() => renderer.render(message('staff_sign_in_locked', 'en', bad))).toThrow(PermanentDeliveryError);
    }
  });

  it('refuses, for good, a message it cannot render', () => {
    expect(() => renderer.render(message('application_received', 'en', {}))).toThrow(PermanentDeliveryError);
    expect(() => renderer.render(message('staff_invitation', 'en', { passwordTokenId: 'nope' }))).toThrow(PermanentDeliveryError);
    expect(() => renderer.render(message('no_such_template', 'en', leaky))).toThrow(/unknown template/);
  });
});
