import { PORTAL_LANGUAGES, fieldErrorMessage, textsFor } from './portal-languages';

/** Every key of a nested catalogue, as dotted paths. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('portal languages', () => {
  it.each(PORTAL_LANGUAGES)('has every sentence of the English catalogue in %s', (language) => {
    expect(keysOf(textsFor(language)).sort()).toEqual(keysOf(textsFor('en')).sort());
  });

  it('prefers the field’s own sentence, then the code’s', () => {
    expect(fieldErrorMessage('en', 'consent', { field: 'consent', code: 'required', message: 'x' })).toBe(
      'Please agree to the privacy notice to submit your application.',
    );
    expect(fieldErrorMessage('tr', 'name', { field: 'citizen.name', code: 'maxLength', message: 'x' })).toBe('Bu çok uzun; lütfen kısaltın.');
  });

  it('falls back to the API’s English message for a code no catalogue knows', () => {
    expect(fieldErrorMessage('ar', 'body', { field: 'body', code: 'brand_new_rule', message: 'body breaks a new rule' })).toBe('body breaks a new rule');
  });
});
