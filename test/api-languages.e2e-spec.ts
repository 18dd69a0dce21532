import request from 'supertest';
import { catalogs } from '@petitio/i18n';
import { countApplications, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';

/** The JSON API's error sentences in the client's language; codes and fields, what a program reads, never change. */
describe('JSON API errors in the client’s language', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { SUPPORTED_LANGUAGES: 'tr,en,ar,pt' } });
  });
  afterAll(() => stack?.stop());

  const invalid = () => ({ ...validApplication(), subject: 'x'.repeat(201), type: 'wish' });
  const submit = (language?: string) => {
    const call = request(stack.apiUrl).post('/api/v1/applications');
    return (language ? call.set('Accept-Language', language) : call).send(invalid()).expect(400);
  };

  it('says a refused application in Turkish, Arabic or Portuguese by Accept-Language, with the same codes and fields', async () => {
    const before = await countApplications(stack.db);
    const english = await submit();
    for (const language of ['tr', 'ar', 'pt']) {
      const words = catalogs.texts('api', language);
      const res = await submit(language === 'pt' ? 'pt-BR,pt;q=0.9,en;q=0.8' : language);
      expect(res.headers['content-language']).toBe(language);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toBe(words.problems.VALIDATION_FAILED);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(
        english.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      );
      const subject = res.body.errors.find((e: { field: string }) => e.field === 'subject');
      expect(subject.message).toBe(words.fields.maxLength({ field: 'subject', max: 200 }));
      expect(subject.message).not.toBe(english.body.errors.find((e: { field: string }) => e.field === 'subject').message);
    }
    expect(await countApplications(stack.db)).toBe(before);
  });

  it('keeps the code’s exact English for a client that names no language, and for one that asks for English', async () => {
    for (const res of [await submit(), await submit('en-US,en;q=0.9')]) {
      expect(res.headers['content-language']).toBe('en');
      expect(res.body.message).toBe('the request has invalid fields');
      expect(res.body.errors.find((e: { field: string }) => e.field === 'subject').message).toMatch(/subject/);
    }
  });

  it('answers a language the deployment does not offer in its default language', async () => {
    const res = await submit('de-DE,de;q=0.9');
    expect(res.headers['content-language']).toBe('tr');
    expect(res.body.message).toBe(catalogs.texts('api', 'tr').problems.VALIDATION_FAILED);
  });

  it('says other errors by their code: an unknown application and malformed JSON', async () => {
    const missing = await request(stack.apiUrl).get('/api/v1/applications/0000-0000-000/status').set('Accept-Language', 'ar').set('X-Access-Code', '12345678');
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    expect(missing.headers['content-language']).toBe('ar');
    const sentence = catalogs.texts('api', 'ar').problems[missing.body.code];
    expect(sentence).toBeDefined();
    expect(missing.body.message).toBe(sentence);

    const malformed = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .set('Accept-Language', 'tr')
      .set('Content-Type', 'application/json')
      .send('{"subject":')
      .expect(400);
    const turkish = catalogs.texts('api', 'tr').problems[malformed.body.code];
    expect(turkish).toBeDefined();
    expect(malformed.body.message).toBe(turkish);
  });
});
