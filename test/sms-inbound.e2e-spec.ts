import Redis from 'ioredis';
import { smsSegments } from '@petitio/message-delivery';
import { DEMO_PHONE_HASH_SECRET } from '@petitio/platform';
import { PhoneHash } from '@petitio/privacy';
import { actNow } from './support/casework';
import { routedAgencyCode } from './support/applications';
import { TestStack, startStack } from './support/stack';
import { staffUser } from './support/staff';
import { TWILIO_WEBHOOK_ENV, messageText, turkishMobile, twilioPost, twilioSid, usNumber } from './support/twilio-webhooks';
import { phoneHashOf } from './support/identities';

const SMS = '/webhooks/twilio/sms';
const FLOOD_LIMIT = 6;
const TRACKING = /(\d{4}-\d{4}-\d{3})/;

describe('inbound SMS: a citizen on any phone', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { ...TWILIO_WEBHOOK_ENV, SMS_INBOUND_LIMIT_PER_10_MIN: String(FLOOD_LIMIT) } });
  });
  afterAll(() => stack?.stop());

  const text = (from: string, body: string, sid = twilioSid('SM'), extra: Record<string, string> = {}) =>
    twilioPost(stack.apiUrl, SMS, { MessageSid: sid, From: from, To: '+902120000000', Body: body, NumSegments: '1', ...extra });
  const say = async (from: string, body: string) => {
    const res = await text(from, body).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    return messageText(res.text);
  };
  const applicationsOf = async (phone: string) =>
    (
      await stack.db.query('SELECT id, tracking_number, channel, body, language, status FROM applications WHERE citizen_phone_hash = $1 ORDER BY created_at', [
        phoneHashOf(phone),
      ])
    ).rows;
  const count = async (table: string) => (await stack.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  /** A tracking number that passes the check digit but belongs to nobody with this phone. */
  const trackingOfNewSms = async (from: string, body: string) => TRACKING.exec(await say(from, body))![1];

  it('turns a free-text SMS into one sms application whose reply carries the tracking number and access code', async () => {
    const from = turkishMobile();
    const reply = await say(from, 'Moda Caddesi’nde iki gündür su yok.');
    const apps = await applicationsOf(from);
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ channel: 'sms', language: 'tr', body: 'Moda Caddesi’nde iki gündür su yok.' });
    const tracking = `${apps[0].tracking_number.slice(0, 4)}-${apps[0].tracking_number.slice(4, 8)}-${apps[0].tracking_number.slice(8)}`;
    expect(reply).toContain(tracking);
    expect(reply).toMatch(/Erisim kodu: \d{8}/);
    const { rows } = await stack.db.query('SELECT channel, outcome, application_id FROM inbound_messages WHERE application_id = $1', [apps[0].id]);
    expect(rows).toEqual([{ channel: 'sms', outcome: 'application_created', application_id: apps[0].id }]);
  });

  it('answers a Turkish text with a receipt and a HELP reply of one GSM-7 segment each, Turkish letters written without marks', async () => {
    const from = turkishMobile();
    const receipt = await say(from, 'Sokağımızdaki çöp konteyneri üç gündür boşaltılmadı.');
    expect(receipt).toMatch(/^Basvurunuz alindi\. Takip no: \d{4}-\d{4}-\d{3} Erisim kodu: \d{8}\. Durum icin: DURUM \d{4}-\d{4}-\d{3}$/);
    expect(smsSegments(receipt)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    const help = await say(from, 'YARDIM');
    expect(help).not.toMatch(/[şŞğĞıİç]/);
    expect(smsSegments(help)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('answers a redelivered MessageSid with the same reply and creates nothing more', async () => {
    const from = turkishMobile();
    const sid = twilioSid('SM');
    const first = await text(from, 'Sokak lambası yanmıyor', sid).expect(200);
    const again = await text(from, 'Sokak lambası yanmıyor', sid).expect(200);
    expect(again.text).toBe(first.text);
    expect(messageText(first.text)).toMatch(TRACKING);
    expect(await applicationsOf(from)).toHaveLength(1);
    // The receipt's access code is never kept in the webhook record.
    const code = /(\d{8})/.exec(messageText(first.text).replace(TRACKING, ''))![1];
    const { rows } = await stack.db.query('SELECT reply FROM inbound_messages WHERE provider_sid = $1', [sid]);
    expect(rows[0].reply ?? '').not.toContain(code);
  });

  it('replays the first receipt to a redelivery after the sender hit the flood limit, and never rewrites the record', async () => {
    const from = turkishMobile();
    const sid = twilioSid('SM');
    const first = await text(from, 'Otobüs durağının camı kırık', sid).expect(200);
    for (let i = 0; i <= FLOOD_LIMIT; i++) await text(from, 'YARDIM').expect(200);
    expect(await say(from, 'YARDIM')).toBe('');

    const again = await text(from, 'Otobüs durağının camı kırık', sid).expect(200);
    expect(again.text).toBe(first.text);
    const apps = await applicationsOf(from);
    expect(apps).toHaveLength(1);
    const { rows } = await stack.db.query('SELECT outcome, application_id FROM inbound_messages WHERE provider_sid = $1', [sid]);
    expect(rows).toEqual([{ outcome: 'application_created', application_id: apps[0].id }]);
  });

  it('repeats a receipt without its access code to a delivery that comes after the retry window', async () => {
    const from = turkishMobile();
    const sid = twilioSid('SM');
    const first = messageText((await text(from, 'Çöpler üç gündür alınmadı', sid).expect(200)).text);
    const tracking = TRACKING.exec(first)![1];
    const code = /(\d{8})/.exec(first.replace(TRACKING, ''))![1];
    // A captured request replayed an hour later: the provider's signature has no time in it.
    await stack.db.query("UPDATE inbound_messages SET received_at = received_at - interval '1 hour' WHERE provider_sid = $1", [sid]);

    const replayed = messageText((await text(from, 'Çöpler üç gündür alınmadı', sid).expect(200)).text);
    expect(replayed).toContain(tracking);
    expect(replayed).not.toContain(code);
    expect(replayed).not.toMatch(/\d{8}/);
    expect(replayed).toMatch(/ilk yan.t.m.zdayd./);
    expect(await applicationsOf(from)).toHaveLength(1);
  });

  it('leaves the access code out when a first delivery that crashed is replayed after the retry window', async () => {
    const from = usNumber();
    const sid = twilioSid('SM');
    const first = messageText((await text(from, 'The bridge lights are out', sid).expect(200)).text);
    const code = /(\d{8})/.exec(first.replace(TRACKING, ''))![1];
    // The first delivery made the application, then the process died before answering it.
    await stack.db.query(
      "UPDATE inbound_messages SET outcome = 'processing', application_id = NULL, received_at = received_at - interval '1 hour' WHERE provider_sid = $1",
      [sid],
    );

    const replayed = messageText((await text(from, 'The bridge lights are out', sid).expect(200)).text);
    expect(replayed).toContain(TRACKING.exec(first)![1]);
    expect(replayed).not.toContain(code);
    expect(replayed).toContain('The access code was in our first reply');
    expect(await applicationsOf(from)).toHaveLength(1);
  });

  it('refuses a tampered body, a wrong URL and a missing signature with 403, storing nothing', async () => {
    const from = turkishMobile();
    const [inboundBefore, appsBefore] = [await count('inbound_messages'), await count('applications')];
    const params = { MessageSid: twilioSid('SM'), From: from, To: '+902120000000', Body: 'Yol çukur dolu', NumSegments: '1' };
    await twilioPost(stack.apiUrl, SMS, params, { signedParams: { ...params, Body: 'something else' } }).expect(403);
    await twilioPost(stack.apiUrl, SMS, params, { signedPath: '/webhooks/twilio/voice' }).expect(403);
    await twilioPost(stack.apiUrl, SMS, params, { unsigned: true }).expect(403);
    expect(await count('inbound_messages')).toBe(inboundBefore);
    expect(await count('applications')).toBe(appsBefore);
    const { rows } = await stack.db.query('SELECT 1 FROM inbound_messages WHERE provider_sid = $1', [params.MessageSid]);
    expect(rows).toHaveLength(0);
  });

  it('tells the sender the status of their own application only, and catches a mistyped number', async () => {
    const owner = usNumber();
    const tracking = await trackingOfNewSms(owner, 'The pothole on Main Street is getting bigger');
    expect(await say(owner, `STATUS ${tracking}`)).toMatch(new RegExp(`^${tracking}: (received|sent to the agency in charge)`));
    expect(await say(owner, `status ${tracking.replace(/-/g, '')}`)).toContain(tracking);

    const stranger = usNumber();
    expect(await say(stranger, `STATUS ${tracking}`)).toBe('No application of yours was found with this tracking number.');
    expect(await say(turkishMobile(), `durum ${tracking}`)).toBe('Bu takip numarasiyla sizin numaraniza ait bir basvuru bulunamadi.');

    const last = Number(tracking.at(-1));
    const mistyped = `${tracking.slice(0, -1)}${(last + 1) % 10}`;
    expect(await say(owner, `STATUS ${mistyped}`)).toBe('This tracking number has a typing mistake: please check the digits.');
    expect(await say(owner, `DURUM ${mistyped}`)).toBe('Takip numarasinda bir yazim hatasi var; lütfen rakamlari kontrol edin.');
    expect(await applicationsOf(owner)).toHaveLength(1);
  });

  it('records STOP in sms_opt_outs and removes it on START, in any case and with Turkish letters', async () => {
    const from = turkishMobile();
    const optedOut = async () => (await stack.db.query('SELECT 1 FROM sms_opt_outs WHERE phone_hash = $1', [phoneHashOf(from)])).rows.length === 1;
    expect(await say(from, 'STOP')).toMatch(/BASLA/);
    expect(await optedOut()).toBe(true);
    expect(await say(from, 'başla')).toBe('SMS bildirimleri yeniden acildi.');
    expect(await optedOut()).toBe(false);
    await say(from, 'İPTAL');
    expect(await optedOut()).toBe(true);
    await say(from, 'start');
    expect(await optedOut()).toBe(false);
    expect(await applicationsOf(from)).toHaveLength(0);
  });

  it('explains the keywords in Turkish for YARDIM and in English for HELP', async () => {
    const from = turkishMobile();
    expect(await say(from, 'YARDIM')).toMatch(/^Sikayetinizi yazip gönderin\. DURUM <takip no>/);
    expect(await say(from, 'yardım')).toMatch(/^Sikayetinizi/);
    expect(await say(from, 'Yardim')).toMatch(/^Sikayetinizi/);
    expect(await say(from, 'help')).toMatch(/^Text your complaint to send it\. STATUS <tracking no>/);
    expect(await say(usNumber(), 'TR')).toMatch(/^Sikayetinizi/);
    expect(await applicationsOf(from)).toHaveLength(0);
  });

  it('attaches a free-text SMS to the application that waits for information from the sender', async () => {
    const from = turkishMobile();
    const tracking = await trackingOfNewSms(from, 'Evimizin önündeki yol çöktü, asfalt kırık.');
    const agencyCode = await routedAgencyCode(stack.db, tracking);
    const officer = await staffUser(stack.db, stack.apiUrl, agencyCode, ['officer']);
    const [app] = await applicationsOf(from);
    await actNow(stack, officer, app.id, 'claim').expect(200);
    await actNow(stack, officer, app.id, 'information-requests', { question: 'Hangi sokak?' }).expect(201);

    const reply = await say(from, 'Bahariye Caddesi, 12 numaranın önü 🙏');
    expect(reply).toBe(`Yanitiniz ${tracking} numarali basvurunuza eklendi ve kuruma iletildi.`);
    const apps = await applicationsOf(from);
    expect(apps).toHaveLength(1);
    expect(apps[0].status).toBe('in_progress');
    const { rows } = await stack.db.query("SELECT channel, body FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen'", [app.id]);
    expect(rows).toEqual([{ channel: 'sms', body: 'Bahariye Caddesi, 12 numaranın önü 🙏' }]);
    // Nothing awaits them any more: the next text is a new application again.
    expect(await say(from, 'Başka bir konu: okulun çatısı akıyor')).toMatch(TRACKING);
    expect(await applicationsOf(from)).toHaveLength(2);
  });

  it('attaches a reply once even when its webhook is redelivered after a crash before it was recorded', async () => {
    const from = turkishMobile();
    const tracking = await trackingOfNewSms(from, 'Parktaki salıncak kırık.');
    const officer = await staffUser(stack.db, stack.apiUrl, await routedAgencyCode(stack.db, tracking), ['officer']);
    const [app] = await applicationsOf(from);
    await actNow(stack, officer, app.id, 'claim').expect(200);
    await actNow(stack, officer, app.id, 'information-requests', { question: 'Hangi park?' }).expect(201);

    const sid = twilioSid('SM');
    const first = await text(from, 'Moda Parkı', sid).expect(200);
    // The process died after attaching the reply and before recording its answer to the webhook.
    await stack.db.query('UPDATE inbound_messages SET reply = NULL, outcome = $2 WHERE provider_sid = $1', [sid, 'processing']);
    const again = await text(from, 'Moda Parkı', sid).expect(200);
    expect(again.text).toBe(first.text);
    expect(await applicationsOf(from)).toHaveLength(1);
    const { rows } = await stack.db.query("SELECT count(*)::int AS n FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen'", [
      app.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('answers a flood once with a polite note, then stays silent', async () => {
    const from = turkishMobile();
    for (let i = 0; i < FLOOD_LIMIT; i++) expect(await say(from, 'YARDIM')).toMatch(/^Sikayetinizi/);
    expect(await say(from, 'YARDIM')).toBe('Çok fazla mesaj gönderdiniz. Lütfen biraz sonra tekrar deneyin.');
    const silent = await text(from, 'Su yok').expect(200);
    expect(silent.text).toMatch(/<Response\/>$/);
    expect(await applicationsOf(from)).toHaveLength(0);
    // Another number is not affected.
    expect(await say(turkishMobile(), 'YARDIM')).toMatch(/^Sikayetinizi/);
  });

  it('keeps no phone number in clear in Redis: the flood counter is keyed by the keyed phone hash', async () => {
    const from = turkishMobile();
    await say(from, 'Moda parkında aydınlatma yanmıyor.');
    const redis = new Redis(stack.env.REDIS_URL);
    try {
      const keys = await redis.keys(`${stack.env.QUEUE_PREFIX}*`);
      const national = from.slice(3);
      expect(keys).toContain(`${stack.env.QUEUE_PREFIX}:limits:sms-inbound:${new PhoneHash(DEMO_PHONE_HASH_SECRET).textOf(from)}`);
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? JSON.stringify(await redis.hgetall(key))
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : '';
        expect(`${key} ${value}`).not.toContain(national);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('keeps emoji and Turkish letters as sent, and accepts a long multi-part text whole', async () => {
    const from = turkishMobile();
    const body = `Çığ gibi çöp birikti, ŞİŞLİ İĞNEADA ıİğĞüÜşŞöÖçÇ 😡🗑️ ${'uzun metin '.repeat(120)}`.trim();
    await text(from, body, twilioSid('SM'), { NumSegments: '20' }).expect(200);
    const [app] = await applicationsOf(from);
    expect(app.body).toBe(body);
  });

  it('answers an empty text with a short help and creates nothing', async () => {
    const from = usNumber();
    expect(await say(from, '')).toBe('Your message was empty. Text your complaint, or HELP.');
    expect(await say(from, '   \n ')).toBe('Your message was empty. Text your complaint, or HELP.');
    expect(await applicationsOf(from)).toHaveLength(0);
  });
});
