import { catalogs } from '@petitio/i18n';
import { portalLanguages, fieldErrorMessage, textsFor } from './portal-languages';

describe('portal languages', () => {
  it.each(portalLanguages())('has the portal translated into %s', (language) => {
    expect(catalogs.languagesWith('portal')).toContain(language);
    expect(textsFor(language).apply.title).not.toBe(language === 'en' ? '' : textsFor('en').apply.title);
  });

  it('fills a limit into a field error that names it, in the language’s plural', () => {
    const problem = { field: 'attachments', code: 'too_many' };
    expect(fieldErrorMessage('en', 'attachments', problem, { files: 1 })).toBe('You can attach at most 1 file.');
    expect(fieldErrorMessage('en', 'attachments', problem, { files: 3 })).toBe('You can attach at most 3 files.');
  });

  it('prefers the field’s own sentence, then the code’s', () => {
    expect(fieldErrorMessage('en', 'consent', { field: 'consent', code: 'required' })).toBe('Please agree to the privacy notice to submit your application.');
    expect(fieldErrorMessage('tr', 'name', { field: 'citizen.name', code: 'maxLength' })).toBe('Bu çok uzun; lütfen kısaltın.');
  });

  it('falls back to the API’s sentence in the same language for a code the portal does not word', () => {
    const problem = { field: 'Idempotency-Key', code: 'visible_ascii' };
    expect(fieldErrorMessage('ar', 'Idempotency-Key', problem)).toBe(catalogs.texts('api', 'ar').fields.visible_ascii({ field: 'Idempotency-Key' }));
  });
});
