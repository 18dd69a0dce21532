import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { sentencesIn } from './source-sentences';

const ROOT = join(__dirname, '../../..');

/** Files whose sentences are for operators or developers, or not words at all, each with why. */
const ALLOWED: Record<string, string> = {
  'libs/i18n/src/catalog-check.ts': 'what is wrong with a catalog, told to the developer the catalogs spec fails for',
  'libs/i18n/src/catalog-typegen.ts': 'writes the comments and declarations of the generated catalog-types.ts',
  'libs/platform/src/config/environment.ts': 'tells the operator starting a process what is wrong with its environment',
  'libs/platform/src/database/database-errors.ts': 'the database driver’s own messages, matched to recognise an outage',
  'libs/message-delivery/src/message-delivery.ts': 'why a delivery failed, kept in outgoing_messages.last_error for operators',
  'libs/message-delivery/src/channels/twilio/twilio-sms.channel.ts': 'why Twilio refused a message, kept in outgoing_messages.last_error for operators',
  'libs/sla/src/calendar/public-holidays.ts': 'Hijri month names in the holiday table, data rather than words',
  'libs/staff/src/password-hasher.ts': 'a password hashed for an unknown account so sign-in takes as long; never shown',
  'libs/directory/src/agency-csv.ts': 'the import report of `petitio import-agencies`, read by the operator loading a directory file in a terminal',
  'libs/directory/src/agency-csv-importer.ts': 'the import report of `petitio import-agencies`, read by the operator loading a directory file in a terminal',
  'libs/country-packs/src/country-pack.ts': 'what is wrong with a country pack, told to its author by the packs spec and to the operator at start',
  'libs/country-packs/src/pack-problems.ts': 'what is wrong with a country pack, told to its author by the packs spec and to the operator running seed',
  'libs/intake/src/attachments/jpeg-metadata.ts': 'why an image cannot be followed, caught by intake and answered as the file_type problem; never shown',
  'libs/intake/src/attachments/png-metadata.ts': 'why an image cannot be followed, caught by intake and answered as the file_type problem; never shown',
  'libs/intake/src/attachments/webp-metadata.ts': 'why an image cannot be followed, caught by intake and answered as the file_type problem; never shown',
  'libs/privacy/src/vault/key-encryption-keys.ts': 'what is wrong with VAULT_KEYS, told to the operator starting a process',
  'libs/privacy/src/redaction/phone-number.ts': 'the label words redaction looks for before a number, data rather than words',
  'libs/privacy/src/redaction/tracking-number.ts': 'the label words redaction looks for before a number, data rather than words',
  'libs/privacy/src/redaction/redaction-test-set.ts': 'the citizens’ sentences the redaction quality spec measures, test data',
};

/** Product TypeScript a person's words could hide in: libs and apps, not specs, not the CLI (an operator's terminal). */
function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : productFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('sentences for people live in the catalogs only', () => {
  it('finds no sentence in the TypeScript of libs/ and apps/ outside the catalogs', () => {
    const files = [...productFiles(join(ROOT, 'libs')), ...productFiles(join(ROOT, 'apps'))]
      .map((path) => relative(ROOT, path))
      .filter((file) => !file.startsWith('apps/cli/') && ALLOWED[file] === undefined);
    const found = files.flatMap((file) =>
      sentencesIn(readFileSync(join(ROOT, file), 'utf8'), file).map((sentence) => `${file}:${sentence.line}: ${sentence.text}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['a field problem’s message', `problems.push({ field: 'citizen.phone', code: 'invalid', message: 'the phone number is not valid' });`],
    ['a domain error’s words', 'throw new ConflictError(`an appeal must be made within ${days} days`);'],
    ['a sentence on a page', 'const page = html`<main><p>Your application was received.</p></main>`;'],
    ['a validation option', `class Dto { @IsDefined({ message: 'body is required here' }) body: string; }`],
  ])('catches %s', (_what, source) => {
    expect(sentencesIn(source)).toEqual([expect.objectContaining({ line: 1 })]);
  });

  it.each([
    ['a log line', `this.logger.warn({ msg: 'inbound SMS refused by intake', sid });`],
    ['SQL', `await manager.query('SELECT code FROM agencies WHERE parent_id = $1 AND active', [id]);`],
    ['a comment', '// the phone number is not valid, says nobody\nconst x = 1;'],
    [
      'API documentation',
      `class Dto { @ApiProperty({ description: 'First closed instant, with its offset', example: 'the first day of the year' }) at: string; }`,
    ],
    ['an environment variable’s documentation', `const schema = Joi.number().default(5).description('how many lookups a client may make');`],
    ['a programmer error', 'throw new Error(`no source catalog for ${namespace} in this folder`);'],
    ['a catalog key and codes', `throw new ForbiddenError('FORBIDDEN:own_agency_settings'); const reason = 'Bad Request';`],
  ])('lets %s through', (_what, source) => {
    expect(sentencesIn(source)).toEqual([]);
  });
});
