import { catalogProblems } from './catalog-check';
import { integerPluralForms } from './message-arguments';

describe('the catalog check', () => {
  const source = { title: 'Applications', found: '{n, plural, one {# application} other {# applications}}', hello: 'Hello {name}' };

  it('passes a complete translation', () => {
    expect(catalogProblems('tr', source, { title: 'Başvurular', found: '{n} başvuru', hello: 'Merhaba {name}' })).toEqual([]);
  });

  it('names a missing key and an extra one', () => {
    expect(catalogProblems('tr', source, { title: 'Başvurular', found: '{n} başvuru', greeting: 'Merhaba {name}' })).toEqual([
      'hello: missing',
      'greeting: not in the source catalog',
    ]);
  });

  it('refuses invalid ICU syntax', () => {
    const problems = catalogProblems('tr', source, { title: 'Başvurular', found: '{n, plural, one {# başvuru}', hello: 'Merhaba {name}' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^found: invalid ICU message in tr/);
  });

  it('refuses other placeholders than the source’s', () => {
    expect(catalogProblems('tr', source, { title: 'Başvurular {n}', found: '{count} başvuru', hello: 'Merhaba {isim}' })).toEqual([
      'title: takes {n} but the source takes {}',
      'found: takes {count} but the source takes {n}',
      'hello: takes {isim} but the source takes {name}',
    ]);
  });

  it('refuses counting a value the source says as text', () => {
    expect(catalogProblems('tr', source, { title: 'Başvurular', found: '{n} başvuru', hello: 'Merhaba {name, plural, one {#} other {#}}' })).toEqual([
      'hello: {name} is plural here but text in the source',
    ]);
  });

  it('asks Arabic for all six plural forms', () => {
    expect(integerPluralForms('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(integerPluralForms('tr')).toEqual(['one', 'other']);
    const problems = catalogProblems('ar', source, { title: 'الطلبات', found: '{n, plural, one {طلب واحد} other {# طلبات}}', hello: 'مرحبا {name}' });
    expect(problems).toEqual(['found: the plural of {n} lacks few, many, two, zero']);
  });
});
