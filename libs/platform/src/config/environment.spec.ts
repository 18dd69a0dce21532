import { DEMO_ACCESS_CODE_SECRET, DEMO_VAULT_KEY, EnvironmentError, loadEnvironment } from './environment';

describe('configuration from the environment', () => {
  it('gives safe demo defaults when nothing is set', () => {
    const env = loadEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.QUEUE_PREFIX).toBe('{petitio}');
    expect(env.ACCESS_CODE_SECRET).toBe(DEMO_ACCESS_CODE_SECRET);
    expect(env.SUPPORTED_LANGUAGES).toBe('tr,en,ar');
  });

  it('keeps the public address without a trailing slash, so links join it with a path', () => {
    expect(loadEnvironment({ PUBLIC_BASE_URL: 'https://gov.example/petitio/' }).PUBLIC_BASE_URL).toBe('https://gov.example/petitio');
    expect(loadEnvironment({ PUBLIC_BASE_URL: 'https://gov.example' }).PUBLIC_BASE_URL).toBe('https://gov.example');
  });

  it('converts numbers and booleans', () => {
    const env = loadEnvironment({ PORT: '8080', TRUST_PROXY: 'true', ROUTING_CONCURRENCY: '4' });
    expect(env).toMatchObject({ PORT: 8080, TRUST_PROXY: true, ROUTING_CONCURRENCY: 4 });
  });

  it('lists every bad variable in one message', () => {
    let error: unknown;
    try {
      loadEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const message = (error as Error).message;
    expect(message).toContain('"PORT" must be a number');
    expect(message).toContain('"DATABASE_URL"');
    expect(message).toContain('"LOG_LEVEL"');
    expect(message).toContain('.env.example');
  });

  it('refuses to run in production with any demo secret or the demo vault key', () => {
    const privateOnes = {
      NODE_ENV: 'production',
      ACCESS_CODE_SECRET: 'x'.repeat(40),
      PHONE_HASH_SECRET: 'y'.repeat(40),
      VAULT_KEYS: `k2:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(/ACCESS_CODE_SECRET must be set/);
    expect(() => loadEnvironment({ ...privateOnes, PHONE_HASH_SECRET: undefined })).toThrow(/PHONE_HASH_SECRET must be set/);
    expect(() => loadEnvironment({ ...privateOnes, VAULT_KEYS: `${privateOnes.VAULT_KEYS},demo:${DEMO_VAULT_KEY}` })).toThrow(
      /VAULT_KEYS must not hold the demo key/,
    );
    expect(() => loadEnvironment({ ...privateOnes, VAULT_KEYS: 'k2:short' })).toThrow(/VAULT_KEYS/);
    expect(loadEnvironment(privateOnes).NODE_ENV).toBe('production');
  });

  it('limits failed status lookups per client, under a higher ceiling per number that must not be below it', () => {
    expect(loadEnvironment({})).toMatchObject({ STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: 10, STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: 300 });
    expect(() => loadEnvironment({ STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: 'many' })).toThrow(/STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY/);
    expect(() => loadEnvironment({ STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: '50', STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: '20' })).toThrow(
      /STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY must be at least STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR/,
    );
  });

  it('refuses a queue prefix that would break Redis keys', () => {
    expect(() => loadEnvironment({ QUEUE_PREFIX: 'bad prefix:1' })).toThrow(/QUEUE_PREFIX/);
  });

  it.each([
    ['an E.164 number', '+905550000001'],
    ['an alphanumeric sender ID', 'PETITIO'],
    ['an alphanumeric sender ID of 11 characters with digits and a space', 'Belediye 34'],
    ['a Messaging Service SID', `MG${'0123456789abcdef'.repeat(2)}`],
  ])('accepts %s as the SMS sender', (_kind, from) => {
    expect(loadEnvironment({ TWILIO_FROM_NUMBER: from }).TWILIO_FROM_NUMBER).toBe(from);
  });

  it.each([
    ['a number without its country code', '05550000001'],
    ['a sender ID of more than 11 characters', 'PETITIOSMS12'],
    ['a sender ID of digits only', '12345'],
    ['a sender ID with punctuation', 'PETITIO-TR'],
    ['a Messaging Service SID of the wrong length', `MG${'0123456789abcdef'.repeat(2)}0`],
  ])('refuses %s as the SMS sender, saying what it may be', (_kind, from) => {
    expect(() => loadEnvironment({ TWILIO_FROM_NUMBER: from })).toThrow(
      /"TWILIO_FROM_NUMBER" must be a phone number in E\.164 form .*an alphanumeric sender ID of 1 to 11 letters, digits or spaces with at least one letter .*or a Messaging Service SID/,
    );
  });

  it('takes an E.164 reply number and refuses anything else', () => {
    expect(loadEnvironment({ TWILIO_FROM_NUMBER: 'PETITIO', TWILIO_REPLY_NUMBER: '+905550000002' }).TWILIO_REPLY_NUMBER).toBe('+905550000002');
    expect(loadEnvironment({}).TWILIO_REPLY_NUMBER).toBe('');
    expect(() => loadEnvironment({ TWILIO_REPLY_NUMBER: 'PETITIO' })).toThrow(/"TWILIO_REPLY_NUMBER" must be a phone number in E\.164 form/);
  });
});
