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
