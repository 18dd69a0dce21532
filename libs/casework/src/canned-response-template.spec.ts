import { placeholdersIn, renderTemplate } from './canned-response-template';

describe('canned response templates', () => {
  it('fills every placeholder, with or without spaces inside the braces', () => {
    const { text, unknown } = renderTemplate('Dear {{citizenName}}, about {{ trackingNumber }}: {{citizenName}}.', {
      citizenName: 'Ayşe',
      trackingNumber: '4827-3915-602',
    });
    expect(text).toBe('Dear Ayşe, about 4827-3915-602: Ayşe.');
    expect(unknown).toEqual([]);
  });

  it('fills an empty value as empty, not as unknown', () => {
    expect(renderTemplate('Dear {{citizenName}},', { citizenName: '' })).toEqual({ text: 'Dear ,', unknown: [] });
  });

  it('lists each placeholder without a value once, and leaves it as written', () => {
    const { text, unknown } = renderTemplate('{{repairDate}} and {{repairDate}} and {{ bad name }} and {{agencyName}}', { agencyName: 'ISKI' });
    expect(unknown).toEqual(['repairDate', 'bad name']);
    expect(text).toBe('{{repairDate}} and {{repairDate}} and {{ bad name }} and ISKI');
  });

  it('does not take inherited object properties for values', () => {
    expect(renderTemplate('{{constructor}}', {}).unknown).toEqual(['constructor']);
  });

  it('lists the placeholders a template uses in order of first use', () => {
    expect(placeholdersIn('{{date}} {{ trackingNumber }} {{date}} {single} {{}}')).toEqual(['date', 'trackingNumber', '']);
  });
});
