import { CONSOLE_LANGUAGES, consoleFieldError, consoleTexts } from './console-languages';

/** Every key of a nested catalogue, as dotted paths. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('console languages', () => {
  it.each(CONSOLE_LANGUAGES)('has every sentence of the English catalogue in %s', (language) => {
    expect(keysOf(consoleTexts(language)).sort()).toEqual(keysOf(consoleTexts('en')).sort());
  });

  it('falls back to the API’s English message for a code no catalogue knows', () => {
    expect(consoleFieldError('tr', { field: 'text', code: 'brand_new_rule', message: 'text breaks a new rule' })).toBe('text breaks a new rule');
  });
});
