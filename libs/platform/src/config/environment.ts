import Joi from 'joi';
import { CountryPackError, DEFAULT_COUNTRY_PACK, countryPack } from '@petitio/country-packs';
import { E164_PATTERN, smsSenderKind } from './sms-sender';

/**
 * Every setting Petitio reads, validated once at start. Defaults are safe for the
 * demo; production refuses to start with the demo secret.
 */
export interface Environment {
  NODE_ENV: 'development' | 'test' | 'production';
  PORT: number;
  WORKER_PORT: number;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  LOG_LEVEL: string;
  ACCESS_CODE_SECRET: string;
  PHONE_HASH_SECRET: string;
  VAULT_KEYS: string;
  COUNTRY_PACK: string;
  DEFAULT_COUNTRY: string;
  SUPPORTED_LANGUAGES: string;
  HTTP_BODY_LIMIT_BYTES: number;
  ATTACHMENTS_DIR: string;
  ATTACHMENTS_MAX_FILES: number;
  ATTACHMENTS_MAX_BYTES: number;
  STATUS_LOOKUP_LIMIT_PER_MINUTE: number;
  STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: number;
  STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: number;
  INTAKE_WRITERS: number;
  ROUTING_CONCURRENCY: number;
  ROUTING_ATTEMPTS: number;
  OUTBOX_POLL_MS: number;
  OUTBOX_BATCH_SIZE: number;
  PUBLIC_BASE_URL: string;
  TRUST_PROXY: boolean | number | string;
  ROUTING_SWEEP_INTERVAL_MS: number;
  ROUTING_SWEEP_AFTER_SECONDS: number;
  NOTIFY_SWEEP_AFTER_SECONDS: number;
  ESCALATION_SWEEP_INTERVAL_MS: number;
  ESCALATION_SWEEP_GRACE_MS: number;
  ESCALATION_SWEEP_BATCH: number;
  ESCALATION_CONCURRENCY: number;
  SLA_DUE_SOON_HOURS: number;
  DASHBOARD_LIVE_INTERVAL_MS: number;
  DASHBOARD_REFRESH_MS: number;
  PUBLIC_STATISTICS_CACHE_SECONDS: number;
  PUBLIC_STATISTICS_MIN_COUNT: number;
  STAFF_SESSION_IDLE_SECONDS: number;
  STAFF_SESSION_MAX_SECONDS: number;
  LOGIN_MAX_FAILURES: number;
  LOGIN_LOCK_SECONDS: number;
  LOGIN_ACCOUNT_MAX_FAILURES: number;
  LOGIN_ACCOUNT_BACKOFF_SECONDS: number;
  LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS: number;
  LOGIN_CLIENT_MAX_FAILURES: number;
  LOGIN_CLIENT_WINDOW_SECONDS: number;
  INVITATION_VALID_HOURS: number;
  SMTP_URL?: string;
  MAIL_FROM: string;
  MAIL_DIR: string;
  NOTIFY_ATTEMPTS: number;
  NOTIFY_BACKOFF_MS: number;
  NOTIFY_CONCURRENCY: number;
  TRANSFERS_BEFORE_CENTER: number;
  APPEAL_WINDOW_DAYS: number;
  POOR_RATING_AT_MOST: number;
  AUTO_ASSIGNMENT_ATTEMPTS: number;
  SMS_PROVIDER: 'none' | 'twilio';
  TWILIO_ACCOUNT_SID: string;
  TWILIO_AUTH_TOKEN: string;
  TWILIO_FROM_NUMBER: string;
  TWILIO_REPLY_NUMBER: string;
  SMS_TRANSLITERATE: boolean;
  TWILIO_API_BASE_URL: string;
  VOICE_AGENT_NUMBER: string;
  SMS_INBOUND_LIMIT_PER_10_MIN: number;
  WEBHOOK_RETRY_WINDOW_SECONDS: number;
  CALENDAR_TIME_ZONE: string;
  CALENDAR_COUNTRY: string;
  CALENDAR_REGION: string;
  CALENDAR_PUBLIC_HOLIDAYS: boolean;
  WORKING_DAYS: string;
  WORKING_HOURS: string;
  OPEN311_REQUESTS_PER_MINUTE: number;
  AGENCY_API_REQUESTS_PER_MINUTE: number;
  WEBHOOK_ALLOW_HTTP: boolean;
  WEBHOOK_TIMEOUT_MS: number;
  WEBHOOK_RETRY_BASE_SECONDS: number;
  WEBHOOK_ATTEMPTS: number;
  WEBHOOK_CONCURRENCY: number;
  WEBHOOK_SECRET_OVERLAP_HOURS: number;
  WEBHOOK_SWEEP_AFTER_SECONDS: number;
  WORKER_LOCK_MS: number;
  WORKER_STALLED_CHECK_MS: number;
}

export const DEMO_ACCESS_CODE_SECRET = 'petitio-demo-secret-change-me-in-production';
export const DEMO_PHONE_HASH_SECRET = 'petitio-demo-phone-hash-change-me-in-production';
/** The demo's key-encryption key: public, so production refuses any VAULT_KEYS that still holds it. */
export const DEMO_VAULT_KEY = 'xB6MfmX5CSqovKjgHQd1xpe27r+ba0V6ahe4TYQdS28=';

export const environmentSchema = Joi.object<Environment>({
  NODE_ENV: Joi.string().valid('development', 'test', 'production').default('development'),
  PORT: Joi.number().port().default(3000),
  WORKER_PORT: Joi.number().port().default(3001),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default('postgres://postgres@127.0.0.1:54329/petitio'),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(20),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .default('redis://127.0.0.1:63799'),
  QUEUE_PREFIX: Joi.string()
    .pattern(/^[A-Za-z0-9_{}-]+$/)
    .default('{petitio}')
    .description('BullMQ key prefix; keep the braces for Redis Cluster hash tags'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  ACCESS_CODE_SECRET: Joi.string().min(32).default(DEMO_ACCESS_CODE_SECRET),
  PHONE_HASH_SECRET: Joi.string().min(32).default(DEMO_PHONE_HASH_SECRET).description('HMAC key of the keyed phone hashes; never rotated'),
  VAULT_KEYS: Joi.string()
    .pattern(/^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=)*$/)
    .default(`demo:${DEMO_VAULT_KEY}`)
    .description('key-encryption keys of the identity vault, id:base64 of 32 bytes, the current first'),
  COUNTRY_PACK: Joi.string()
    .default(DEFAULT_COUNTRY_PACK)
    .description('the country pack (libs/country-packs/packs/<code>) whose settings, law and demo this deployment takes: tr, br'),
  DEFAULT_COUNTRY: Joi.string().length(2).uppercase().default('TR').description('country of phone numbers written without +; the pack sets it'),
  SUPPORTED_LANGUAGES: Joi.string()
    .pattern(/^[a-z]{2}(,[a-z]{2})*$/)
    .default('tr,en,ar')
    .description('the languages offered, the default first (two-letter codes: tr, ar, pt); each needs its catalogs in libs/i18n/catalogs'),
  HTTP_BODY_LIMIT_BYTES: Joi.number()
    .integer()
    .min(1024)
    .default(64 * 1024),
  ATTACHMENTS_DIR: Joi.string().default('.data/attachments').description('where attachments are stored; never a served path'),
  ATTACHMENTS_MAX_FILES: Joi.number().integer().min(0).max(20).default(3),
  ATTACHMENTS_MAX_BYTES: Joi.number()
    .integer()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  STATUS_LOOKUP_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(30),
  STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: Joi.number()
    .integer()
    .min(1)
    .default(10)
    .description('failed lookups of one tracking number allowed per client address per hour'),
  STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: Joi.number()
    .integer()
    .min(1)
    .max(100_000)
    .default(300)
    .description('failed lookups of one tracking number allowed per day from all clients together'),
  INTAKE_WRITERS: Joi.number()
    .integer()
    .min(1)
    .max(100)
    .default(4)
    .description(
      'intake statements each api process runs at once (at most DATABASE_POOL_SIZE - 1); submissions that arrive meanwhile are stored together in the next one',
    ),
  ROUTING_CONCURRENCY: Joi.number()
    .integer()
    .min(1)
    .max(500)
    .default(64)
    .description('routing jobs run at once per worker; those running together are routed in one transaction'),
  ROUTING_ATTEMPTS: Joi.number().integer().min(1).max(50).default(8),
  OUTBOX_POLL_MS: Joi.number().integer().min(10).default(100),
  OUTBOX_BATCH_SIZE: Joi.number().integer().min(1).max(5000).default(500),
  PUBLIC_BASE_URL: Joi.string()
    .uri()
    .default('http://localhost:3000')
    // Without its trailing slash, so every link and callback is this plus a path that starts with '/'.
    .custom((url: string) => url.replace(/\/+$/, '')),
  TRUST_PROXY: Joi.alternatives()
    .try(Joi.boolean(), Joi.number().integer().min(1), Joi.string().pattern(/^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$/))
    .default(false)
    .description('false; a number of proxy hops; or a comma-separated list of proxy addresses/CIDRs whose X-Forwarded-For is trusted'),
  ROUTING_SWEEP_INTERVAL_MS: Joi.number().integer().min(1000).default(60_000),
  ROUTING_SWEEP_AFTER_SECONDS: Joi.number().integer().min(1).default(300),
  NOTIFY_SWEEP_AFTER_SECONDS: Joi.number().integer().min(1).default(900),
  ESCALATION_SWEEP_INTERVAL_MS: Joi.number().integer().min(100).default(30_000),
  ESCALATION_SWEEP_GRACE_MS: Joi.number().integer().min(0).default(10_000),
  ESCALATION_SWEEP_BATCH: Joi.number().integer().min(1).max(10_000).default(500),
  ESCALATION_CONCURRENCY: Joi.number().integer().min(1).max(200).default(20),
  DASHBOARD_LIVE_INTERVAL_MS: Joi.number()
    .integer()
    .min(200)
    .max(600_000)
    .default(5000)
    .description('how often the live dashboard pushes fresh headline figures to each open page'),
  DASHBOARD_REFRESH_MS: Joi.number()
    .integer()
    .min(100)
    .max(600_000)
    .default(5000)
    .description('how often a worker brings the dashboard rollups up to date: period figures lag the applications by about this much'),
  PUBLIC_STATISTICS_CACHE_SECONDS: Joi.number()
    .integer()
    .min(0)
    .max(86_400)
    .default(600)
    .description('how long one computation of the public statistics serves every reader'),
  PUBLIC_STATISTICS_MIN_COUNT: Joi.number()
    .integer()
    .min(1)
    .max(1000)
    .default(10)
    .description('the public statistics withhold a line (a type, an agency, the total) made up of fewer applications than this'),
  SLA_DUE_SOON_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 90)
    .default(24)
    .description('the inbox filter due=soon: a running deadline within this many hours'),
  STAFF_SESSION_IDLE_SECONDS: Joi.number()
    .integer()
    .min(1)
    .default(30 * 60),
  STAFF_SESSION_MAX_SECONDS: Joi.number()
    .integer()
    .min(1)
    .default(12 * 3600),
  LOGIN_MAX_FAILURES: Joi.number()
    .integer()
    .min(1)
    .default(5)
    .description('wrong passwords for one account from one client address before that address is locked out of that account'),
  LOGIN_LOCK_SECONDS: Joi.number()
    .integer()
    .min(1)
    .default(15 * 60)
    .description('the first lock of an (account, client address); each further failure doubles it, up to a day'),
  LOGIN_ACCOUNT_MAX_FAILURES: Joi.number()
    .integer()
    .min(1)
    .default(50)
    .description('wrong passwords for one account from all addresses together, since its last sign-in, before every further attempt must wait'),
  LOGIN_ACCOUNT_BACKOFF_SECONDS: Joi.number().integer().min(1).default(30).description('the first account-wide wait; it doubles with each further failure'),
  LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS: Joi.number()
    .integer()
    .min(1)
    .default(15 * 60)
    .description('the longest account-wide wait'),
  LOGIN_CLIENT_MAX_FAILURES: Joi.number()
    .integer()
    .min(1)
    .default(20)
    .description('wrong passwords or unknown addresses from one client address, across all accounts, before it gets 429 until the window ends'),
  LOGIN_CLIENT_WINDOW_SECONDS: Joi.number()
    .integer()
    .min(1)
    .default(15 * 60)
    .description('the window LOGIN_CLIENT_MAX_FAILURES counts in'),
  INVITATION_VALID_HOURS: Joi.number().integer().min(1).default(72),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .empty('')
    .description('mail server; unset in development/test writes .eml files to MAIL_DIR instead'),
  MAIL_FROM: Joi.string().default('Petitio <no-reply@petitio.localhost>'),
  MAIL_DIR: Joi.string().default('.data/mail'),
  NOTIFY_ATTEMPTS: Joi.number().integer().min(1).max(50).default(6),
  NOTIFY_BACKOFF_MS: Joi.number().integer().min(10).default(10_000),
  NOTIFY_CONCURRENCY: Joi.number().integer().min(1).max(500).default(8),
  TRANSFERS_BEFORE_CENTER: Joi.number().integer().min(1).max(100).default(3),
  APPEAL_WINDOW_DAYS: Joi.number().integer().min(1).max(3650).default(30),
  POOR_RATING_AT_MOST: Joi.number().integer().min(0).max(5).default(2),
  AUTO_ASSIGNMENT_ATTEMPTS: Joi.number().integer().min(1).max(50).default(8),
  SMS_PROVIDER: Joi.string().valid('none', 'twilio').default('none'),
  TWILIO_ACCOUNT_SID: Joi.string()
    .pattern(/^AC[0-9a-fA-F]{32}$/)
    .allow('')
    .default(''),
  TWILIO_AUTH_TOKEN: Joi.string().allow('').default(''),
  TWILIO_FROM_NUMBER: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) =>
      smsSenderKind(value)
        ? value
        : helpers.message({
            custom:
              '"TWILIO_FROM_NUMBER" must be a phone number in E.164 form (+905550000001), an alphanumeric sender ID of 1 to 11 letters, digits or spaces with at least one letter (PETITIO), or a Messaging Service SID (MG followed by 32 hex digits)',
          }),
    )
    .description('who SMS come from: E.164 number, alphanumeric sender ID, or Messaging Service SID'),
  TWILIO_REPLY_NUMBER: Joi.string()
    .pattern(E164_PATTERN)
    .allow('')
    .default('')
    .messages({ 'string.pattern.base': '"TWILIO_REPLY_NUMBER" must be a phone number in E.164 form, like +905550000001' })
    .description('the long code citizens text replies to when TWILIO_FROM_NUMBER cannot receive them'),
  SMS_TRANSLITERATE: Joi.boolean()
    .default(true)
    .description(
      "write letters without marks in SMS where the text's language allows it (its sms catalog's withoutMarks: ş→s, ã→a) when that keeps the text GSM-7 (fewer segments)",
    ),
  TWILIO_API_BASE_URL: Joi.string().uri().allow('').default('').description('Only for tests: a local stand-in for the Twilio REST API'),
  VOICE_AGENT_NUMBER: Joi.string().pattern(E164_PATTERN).allow('').default(''),
  SMS_INBOUND_LIMIT_PER_10_MIN: Joi.number()
    .integer()
    .min(1)
    .default(10)
    .description('texts one number may send in 10 minutes before it is answered once, then ignored'),
  WEBHOOK_RETRY_WINDOW_SECONDS: Joi.number()
    .integer()
    .min(0)
    .max(86400)
    .default(900)
    .description('how long after a first delivery a redelivered SMS/voice webhook still hears the access code; later ones are treated as replays'),
  CALENDAR_TIME_ZONE: Joi.string()
    .custom((zone: string) => {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone;
    })
    .default('Europe/Istanbul')
    .description('IANA time zone in which working days, working hours and legal deadlines are counted, and dates in messages are written'),
  CALENDAR_COUNTRY: Joi.string().length(2).uppercase().default('TR').description('country whose public holidays close the business calendar'),
  CALENDAR_REGION: Joi.string()
    .pattern(/^[A-Za-z0-9]{1,6}$/)
    .allow('')
    .default('')
    .description('optional state/region code for regional holidays'),
  CALENDAR_PUBLIC_HOLIDAYS: Joi.boolean()
    .default(true)
    .description('false: only closures entered by center admins close the calendar (for holidays decreed year by year)'),
  WORKING_DAYS: Joi.string()
    .pattern(/^[1-7](,[1-7])*$/)
    .default('1,2,3,4,5')
    .description('ISO weekday numbers (1 = Monday … 7 = Sunday) that are working days'),
  WORKING_HOURS: Joi.string()
    .pattern(/^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9](,([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])*$/)
    .custom((value: string) => {
      // Ranges must be in order and not overlap: '08:30-12:30,13:30-17:30' leaves a lunch break.
      const minutes = value.split(/[-,]/).map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
      if (minutes.some((m, i) => i > 0 && m <= minutes[i - 1] && !(i % 2 === 0 && m === minutes[i - 1])))
        throw new Error('ranges must be ascending and must not overlap');
      return value;
    })
    .default('08:30-17:30')
    .description("working hours of a working day, local time; a lunch break splits them: '08:30-12:30,13:30-17:30'"),
  OPEN311_REQUESTS_PER_MINUTE: Joi.number()
    .integer()
    .min(1)
    .default(120)
    .description('service requests one Open311 client (one key) may file a minute; more get 429'),
  AGENCY_API_REQUESTS_PER_MINUTE: Joi.number()
    .integer()
    .min(1)
    .default(600)
    .description("calls one agency's case system (one agency API key) may make a minute; more get 429"),
  WEBHOOK_ALLOW_HTTP: Joi.boolean()
    .default(false)
    .description('accept webhook receivers on plain http (a local receiver while developing); https only when false'),
  WEBHOOK_TIMEOUT_MS: Joi.number().integer().min(100).max(60_000).default(10_000).description('how long one webhook attempt waits for the receiver'),
  WEBHOOK_RETRY_BASE_SECONDS: Joi.number()
    .min(0.05)
    .default(30)
    .description('the wait after the first failed webhook attempt; each next wait doubles, up to six hours'),
  WEBHOOK_CONCURRENCY: Joi.number()
    .integer()
    .min(1)
    .max(500)
    .default(16)
    .description("webhook fan-outs and delivery attempts run at once per worker: a slow receiver holds one of them, not every agency's webhooks"),
  WEBHOOK_ATTEMPTS: Joi.number()
    .integer()
    .min(1)
    .max(100)
    .default(15)
    .description('attempts per webhook delivery before it fails and its subscription is switched off (15 from 30 s: about a day and a half)'),
  WEBHOOK_SECRET_OVERLAP_HOURS: Joi.number().min(0).default(24).description('how long a rotated-out webhook secret keeps signing beside the new one'),
  WEBHOOK_SWEEP_AFTER_SECONDS: Joi.number()
    .integer()
    .min(1)
    .default(300)
    .description('a webhook attempt this long overdue (its job lost with Redis) is queued again by the sweeper'),
  WORKER_LOCK_MS: Joi.number().integer().min(1000).default(30_000),
  WORKER_STALLED_CHECK_MS: Joi.number().integer().min(500).default(30_000),
});

export class EnvironmentError extends Error {}

/** Validates `env` and returns typed settings, or throws one message listing every bad variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  let packSettings: Record<string, string> = {};
  try {
    packSettings = countryPack(env.COUNTRY_PACK || DEFAULT_COUNTRY_PACK).settings;
  } catch (error) {
    if (!(error instanceof CountryPackError)) throw error;
    throw new EnvironmentError(`Invalid configuration:\n  - ${error.message}`);
  }
  // The pack's settings are defaults: what the deployment sets itself wins.
  const { value, error } = environmentSchema.validate(
    { ...packSettings, ...env },
    {
      abortEarly: false,
      allowUnknown: true,
      stripUnknown: true,
      convert: true,
    },
  );
  const messages = error ? error.details.map((d) => d.message) : [];
  // Joi does not validate defaults, so the demo secret is refused here rather than in the schema.
  if (value?.SMS_PROVIDER === 'twilio' && !(value.TWILIO_ACCOUNT_SID && value.TWILIO_AUTH_TOKEN && value.TWILIO_FROM_NUMBER)) {
    messages.push('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER');
  }
  if (value && value.STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY < value.STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR) {
    messages.push('STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY must be at least STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR');
  }
  if (value?.NODE_ENV === 'production' && value.ACCESS_CODE_SECRET === DEMO_ACCESS_CODE_SECRET) {
    messages.push('ACCESS_CODE_SECRET must be set to a private value of at least 32 characters in production');
  }
  if (value?.NODE_ENV === 'production' && value.PHONE_HASH_SECRET === DEMO_PHONE_HASH_SECRET) {
    messages.push('PHONE_HASH_SECRET must be set to a private value of at least 32 characters in production');
  }
  if (value?.NODE_ENV === 'production' && value.VAULT_KEYS.includes(DEMO_VAULT_KEY)) {
    messages.push('VAULT_KEYS must not hold the demo key in production (`openssl rand -base64 32` makes a key)');
  }
  if (messages.length) {
    const lines = messages.map((m) => `  - ${m}`).join('\n');
    throw new EnvironmentError(`Invalid configuration:\n${lines}\nSee .env.example for every setting.`);
  }
  return value as Environment;
}

export function supportedLanguages(env: Environment): string[] {
  return env.SUPPORTED_LANGUAGES.split(',');
}
