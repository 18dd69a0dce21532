import { TestStack, startStack } from './support/stack';
import { PUBLIC_BASE_URL, TWILIO_WEBHOOK_ENV, messageText, turkishMobile, twilioPost, twilioSid, unescapeXml, usNumber } from './support/twilio-webhooks';
import { phoneHashOf } from './support/identities';

const VOICE = '/webhooks/twilio/voice';
/** Where Twilio is told to call back: absolute, from PUBLIC_BASE_URL. */
const CALLBACK = `${PUBLIC_BASE_URL}${VOICE}`;
const AGENT = '+902121234567';
const TRACKING = /(\d{4}-\d{4}-\d{3})/;

describe('voice menu: citizens who call instead of texting', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { ...TWILIO_WEBHOOK_ENV, VOICE_AGENT_NUMBER: AGENT } });
  });
  afterAll(() => stack?.stop());

  const call = async (path: string, params: Record<string, string>) => {
    const res = await twilioPost(stack.apiUrl, path, { CallSid: twilioSid('CA'), To: '+902120000000', ...params }).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    return unescapeXml(res.text);
  };
  /** An application of the caller's, sent by SMS, with its tracking number. */
  const smsApplication = async (from: string) => {
    const res = await twilioPost(stack.apiUrl, '/webhooks/twilio/sms', {
      MessageSid: twilioSid('SM'),
      From: from,
      To: '+902120000000',
      Body: 'Köprü yolunda büyük bir çukur var',
    }).expect(200);
    return TRACKING.exec(messageText(res.text))![1];
  };
  const spoken = (tracking: string) =>
    tracking
      .split('-')
      .map((g) => g.split('').join(' '))
      .join(', ');

  it('welcomes a Turkish caller with a one-key menu in Turkish, and others in English', async () => {
    const tr = await call(VOICE, { From: turkishMobile() });
    expect(tr).toContain(`<Gather action="${CALLBACK}/menu?try=1" method="POST" numDigits="1"`);
    expect(tr).toContain('<Say language="tr-TR">Başvuru durumu için 1, bir görevliyle görüşmek için 2, sesli şikayet bırakmak için 3e basın.</Say></Gather>');
    const en = await call(VOICE, { From: usNumber() });
    expect(en).toContain('<Say language="en-US">For the status of an application press 1');
  });

  it('leads each menu key to its step: 1 asks for the tracking number, 2 dials an agent, 3 records', async () => {
    const from = usNumber();
    const one = await call(`${VOICE}/menu?try=1`, { From: from, Digits: '1' });
    expect(one).toContain(`<Gather action="${CALLBACK}/status?try=1" method="POST" numDigits="11" finishOnKey="#"`);
    expect(one).toContain('Type your 11 digit tracking number, then press hash.');
    const two = await call(`${VOICE}/menu?try=1`, { From: from, Digits: '2' });
    expect(two).toContain(`<Dial>${AGENT}</Dial>`);
    const three = await call(`${VOICE}/menu?try=1`, { From: from, Digits: '3' });
    expect(three).toContain(`<Record action="${CALLBACK}/recorded" method="POST" maxLength="120" finishOnKey="#" playBeep="true"/>`);
  });

  it('repeats the menu after a wrong key and offers an agent after the second', async () => {
    const from = turkishMobile();
    const first = await call(`${VOICE}/menu?try=1`, { From: from, Digits: '9' });
    expect(first).toContain('Bu geçerli bir seçenek değil.');
    expect(first).toContain(`<Gather action="${CALLBACK}/menu?try=2"`);
    const second = await call(`${VOICE}/menu?try=2`, { From: from });
    expect(second).toContain(`<Dial>${AGENT}</Dial>`);
    expect(second).not.toContain('<Gather');
  });

  it('reads out the status of the caller’s own application digit by digit', async () => {
    const from = turkishMobile();
    const tracking = await smsApplication(from);
    const twiml = await call(`${VOICE}/status?try=1`, { From: from, Digits: tracking.replace(/-/g, '') });
    expect(twiml).toMatch(new RegExp(`<Say language="tr-TR">Başvuru ${spoken(tracking)}: (alındı|ilgili kuruma iletildi)\\.</Say>`));
    expect(twiml).toContain('<Hangup/>');

    const stranger = await call(`${VOICE}/status?try=1`, { From: usNumber(), Digits: tracking.replace(/-/g, '') });
    expect(stranger).toContain('No application of yours was found with this number.');
    expect(stranger).toContain(`<Gather action="${CALLBACK}/status?try=2"`);
  });

  it('says a mistyped tracking number is not valid, asks again, then offers an agent', async () => {
    const from = usNumber();
    const tracking = (await smsApplication(from)).replace(/-/g, '');
    const mistyped = `${tracking.slice(0, -1)}${(Number(tracking.at(-1)) + 1) % 10}`;
    const first = await call(`${VOICE}/status?try=1`, { From: from, Digits: mistyped });
    expect(first).toContain('<Say language="en-US">The number is not valid.</Say>');
    expect(first).toContain(`<Gather action="${CALLBACK}/status?try=2" method="POST" numDigits="11" finishOnKey="#"`);
    const second = await call(`${VOICE}/status?try=2`, { From: from, Digits: '123' });
    expect(second).toContain('The number is not valid.');
    expect(second).toContain(`<Dial>${AGENT}</Dial>`);
  });

  it('turns a voice message into one voice application, even when the webhook comes twice', async () => {
    const from = turkishMobile();
    const params = {
      CallSid: twilioSid('CA'),
      RecordingSid: twilioSid('RE'),
      RecordingUrl: 'https://api.twilio.com/rec',
      RecordingDuration: '14',
      From: from,
      To: '+902120000000',
    };
    const first = await twilioPost(stack.apiUrl, `${VOICE}/recorded`, params).expect(200);
    const again = await twilioPost(stack.apiUrl, `${VOICE}/recorded`, params).expect(200);
    expect(again.text).toBe(first.text);

    const { rows } = await stack.db.query('SELECT tracking_number, channel, body, language FROM applications WHERE citizen_phone_hash = $1', [
      phoneHashOf(from),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'voice', language: 'tr' });
    expect(rows[0].body).toContain(params.RecordingSid);
    const t = rows[0].tracking_number as string;
    const said = unescapeXml(first.text);
    expect(said).toContain(`Takip numaranız: ${t.slice(0, 4).split('').join(' ')}, ${t.slice(4, 8).split('').join(' ')}, ${t.slice(8).split('').join(' ')}.`);
    expect(said).toMatch(/Erişim kodunuz: \d \d \d \d, \d \d \d \d\./);
    const inbound = await stack.db.query('SELECT channel, outcome FROM inbound_messages WHERE provider_sid = $1', [`${params.CallSid}:${params.RecordingSid}`]);
    expect(inbound.rows).toEqual([{ channel: 'voice', outcome: 'application_created' }]);
  });

  it('does not read the access code out again to a recording webhook replayed after the retry window', async () => {
    const from = usNumber();
    const params = {
      CallSid: twilioSid('CA'),
      RecordingSid: twilioSid('RE'),
      RecordingUrl: 'https://api.twilio.com/rec',
      RecordingDuration: '9',
      From: from,
      To: '+902120000000',
    };
    const first = unescapeXml((await twilioPost(stack.apiUrl, `${VOICE}/recorded`, params).expect(200)).text);
    expect(first).toMatch(/Your access code is \d \d \d \d, \d \d \d \d\./);
    await stack.db.query("UPDATE inbound_messages SET received_at = received_at - interval '1 hour' WHERE provider_sid = $1", [
      `${params.CallSid}:${params.RecordingSid}`,
    ]);

    const replayed = unescapeXml((await twilioPost(stack.apiUrl, `${VOICE}/recorded`, params).expect(200)).text);
    const { rows } = await stack.db.query('SELECT tracking_number FROM applications WHERE citizen_phone_hash = $1', [phoneHashOf(from)]);
    expect(rows).toHaveLength(1);
    expect(replayed).toContain(`Your tracking number is ${spoken(rows[0].tracking_number.replace(/(\d{4})(\d{4})(\d{3})/, '$1-$2-$3'))}.`);
    expect(replayed).not.toMatch(/access code is/);
    expect(replayed).toContain('was read out in your first call');
  });

  it('refuses an unsigned voice webhook', async () => {
    await twilioPost(stack.apiUrl, VOICE, { CallSid: twilioSid('CA'), From: usNumber() }, { unsigned: true }).expect(403);
  });
});

describe('voice menu behind a reverse proxy under a path prefix', () => {
  const PREFIXED = 'https://gov.example/petitio';
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ workers: 0, env: { ...TWILIO_WEBHOOK_ENV, PUBLIC_BASE_URL: PREFIXED, VOICE_AGENT_NUMBER: AGENT } });
  });
  afterAll(() => stack?.stop());

  /** Twilio calls the public URL, signed as such; the proxy strips /petitio before the request reaches the api. */
  const follow = async (publicUrl: string, params: Record<string, string>) => {
    expect(publicUrl.startsWith(`${PREFIXED}/`)).toBe(true);
    const res = await twilioPost(
      stack.apiUrl,
      publicUrl.slice(PREFIXED.length),
      { CallSid: twilioSid('CA'), To: '+902120000000', ...params },
      { publicBaseUrl: PREFIXED },
    ).expect(200);
    return unescapeXml(res.text);
  };
  const callbackUrls = (twiml: string) =>
    [...twiml.matchAll(/\b(?:action|recordingStatusCallback|statusCallback)="([^"]*)"|<Redirect[^>]*>([^<]*)<\/Redirect>/g)].map((m) => m[1] ?? m[2]);
  const onlyCallback = (twiml: string) => {
    const urls = callbackUrls(twiml);
    expect(urls).toHaveLength(1);
    for (const url of urls) expect(url.startsWith(`${PREFIXED}${VOICE}/`)).toBe(true);
    return urls[0];
  };

  it('keeps the prefix in every callback URL, so the caller gets through the menu to the status of their application', async () => {
    const from = turkishMobile();
    const sms = await twilioPost(
      stack.apiUrl,
      '/webhooks/twilio/sms',
      { MessageSid: twilioSid('SM'), From: from, To: '+902120000000', Body: 'Parkın lambaları yanmıyor' },
      { publicBaseUrl: PREFIXED },
    ).expect(200);
    const tracking = TRACKING.exec(messageText(sms.text))![1];

    const welcome = await follow(`${PREFIXED}${VOICE}`, { From: from });
    const menu = onlyCallback(welcome);
    expect(menu).toBe(`${PREFIXED}${VOICE}/menu?try=1`);
    const wrong = await follow(menu, { From: from, Digits: '9' });
    expect(onlyCallback(wrong)).toBe(`${PREFIXED}${VOICE}/menu?try=2`);
    const askNumber = await follow(menu, { From: from, Digits: '1' });
    const status = onlyCallback(askNumber);
    expect(status).toBe(`${PREFIXED}${VOICE}/status?try=1`);
    const answer = await follow(status, { From: from, Digits: tracking.replace(/-/g, '') });
    expect(answer).toMatch(new RegExp(`<Say language="tr-TR">Başvuru ${spokenDigits(tracking)}: alındı\\.</Say>`));
  });

  it('keeps the prefix in the recording callback, which turns the message into an application', async () => {
    const from = usNumber();
    const record = await follow(`${PREFIXED}${VOICE}/menu?try=1`, { From: from, Digits: '3' });
    const recorded = onlyCallback(record);
    expect(recorded).toBe(`${PREFIXED}${VOICE}/recorded`);
    const done = await follow(recorded, { From: from, RecordingSid: twilioSid('RE'), RecordingUrl: 'https://api.twilio.com/rec', RecordingDuration: '9' });
    expect(done).toContain('Your tracking number is');
    const { rows } = await stack.db.query('SELECT channel FROM applications WHERE citizen_phone_hash = $1', [phoneHashOf(from)]);
    expect(rows).toEqual([{ channel: 'voice' }]);
  });

  it('refuses a webhook signed for the URL without the prefix', async () => {
    await twilioPost(stack.apiUrl, VOICE, { CallSid: twilioSid('CA'), From: usNumber() }).expect(403);
  });
});

function spokenDigits(tracking: string): string {
  return tracking
    .split('-')
    .map((g) => g.split('').join(' '))
    .join(', ');
}
