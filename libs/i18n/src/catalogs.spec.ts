import { catalogProblems } from './catalog-check';
import { languagesOnDisk, namespacesOnDisk, readCatalog, SOURCE_LANGUAGE } from './catalog-files';
import { catalogs, languageName, textDirection } from './catalogs';

const translations = languagesOnDisk().filter((language) => language !== SOURCE_LANGUAGE);
const namespaces = namespacesOnDisk(SOURCE_LANGUAGE);

describe('the catalogs on disk', () => {
  it('hold the source language and at least one translation', () => {
    expect(languagesOnDisk()).toContain(SOURCE_LANGUAGE);
    expect(translations.length).toBeGreaterThan(0);
  });

  it.each(translations)('in %s, have every namespace of the source and no other', (language) => {
    expect(namespacesOnDisk(language)).toEqual(namespaces);
  });

  it.each(languagesOnDisk())('in %s, are complete, valid ICU, with the source’s placeholders and the language’s plural forms', (language) => {
    const problems = namespaces.flatMap((namespace) => {
      const translation = readCatalog(language, namespace);
      return translation ? catalogProblems(language, readCatalog(SOURCE_LANGUAGE, namespace)!, translation).map((p) => `${namespace}: ${p}`) : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('catalog texts', () => {
  it('say a message without arguments as text and one with arguments as a function', () => {
    const portal = catalogs.texts('portal', 'en');
    expect(portal.apply.title).toBe('Submit an application');
    expect(portal.apply.attachmentsHint({ files: 1, mb: '5' })).toContain('up to 1 file:');
    expect(portal.apply.attachmentsHint({ files: 3, mb: '5' })).toContain('up to 3 files:');
  });

  it('name each language in itself and know its direction', () => {
    expect(languageName('tr')).toBe('Türkçe');
    expect(languageName('pt-BR')).toBe('Português (Brasil)');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
  });
});
