import { problemLanguage } from './problem-language';

describe('the language of an API error', () => {
  it('is English when the client names none', () => {
    expect(problemLanguage(undefined)).toBe('en');
    expect(problemLanguage('  ')).toBe('en');
  });

  it('takes the first offered language the client accepts, by tag or by its base language', () => {
    expect(problemLanguage('tr-TR,tr;q=0.9')).toBe('tr');
    expect(problemLanguage('pt-BR')).toBe('pt');
    expect(problemLanguage('de-DE, ar;q=0.5')).toBe('ar');
  });

  it('skips a language refused with q=0, and falls back to the deployment’s default', () => {
    expect(problemLanguage('tr;q=0, ar')).toBe('ar');
    expect(problemLanguage('de-DE')).toBe('en');
  });
});
