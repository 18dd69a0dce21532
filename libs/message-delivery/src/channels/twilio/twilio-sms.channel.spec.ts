import { loadEnvironment } from '@petitio/platform';
import { FakeTwilio } from '../../../../../test/support/fake-twilio';
import { RenderedMessage } from '../notification-channel';
import { TwilioSmsChannel } from './twilio-sms.channel';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const SERVICE = `MG${'fedcba9876543210'.repeat(2)}`;

describe('the Twilio SMS channel with each kind of sender', () => {
  let fake: FakeTwilio;
  beforeAll(async () => {
    fake = await FakeTwilio.start();
  });
  afterAll(() => fake?.stop());

  const channel = (from: string) =>
    new TwilioSmsChannel(
      loadEnvironment({
        SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_AUTH_TOKEN: 'token',
        TWILIO_FROM_NUMBER: from,
        TWILIO_API_BASE_URL: fake.url,
      }),
    );
  const message = (recipient: string, text: string): RenderedMessage => ({ id: 'm1', channel: 'sms', recipient, language: 'en', subject: '', text, html: '' });

  it('sends an alphanumeric sender ID as From', async () => {
    await channel('PETITIO').send(message('+905320000001', 'from a sender ID'));
    const [create] = fake.createsTo('+905320000001', 'from a sender ID');
    expect(create.form).toMatchObject({ From: 'PETITIO' });
    expect(create.form.MessagingServiceSid).toBeUndefined();
  });

  it('sends through a Messaging Service as MessagingServiceSid, with no From', async () => {
    await channel(SERVICE).send(message('+905320000002', 'through a service'));
    const [create] = fake.createsTo('+905320000002', 'through a service');
    expect(create.form).toMatchObject({ MessagingServiceSid: SERVICE });
    expect(create.form.From).toBeUndefined();
  });

  it('finds what a Messaging Service already sent by recipient and date, whatever sender the pool picked', async () => {
    const since = new Date(Date.now() - 1000);
    const sms = channel(SERVICE);
    const { providerMessageId } = await sms.send(message('+905320000003', 'sent once'));
    expect(await sms.findEarlierSends(message('+905320000003', 'sent once'), since)).toEqual([providerMessageId]);
    const listing = fake.requests.filter((r) => r.method === 'GET').at(-1)!;
    expect(listing.query.To).toBe('+905320000003');
    expect(listing.query.From).toBeUndefined();
  });

  it('looks for earlier sends from its own number when it has one', async () => {
    const since = new Date(Date.now() - 1000);
    const sms = channel('+905550000001');
    const { providerMessageId } = await sms.send(message('+905320000004', 'from a number'));
    expect(await sms.findEarlierSends(message('+905320000004', 'from a number'), since)).toEqual([providerMessageId]);
    expect(fake.requests.filter((r) => r.method === 'GET').at(-1)!.query.From).toBe('+905550000001');
  });
});
