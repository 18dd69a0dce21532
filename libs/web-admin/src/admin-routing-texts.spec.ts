import { getMetadataStorage } from 'class-validator';
import { CreateRoutingRuleDto, RoutingPreviewDto, UpdateRoutingRuleDto } from '@petitio/api-contracts';
import { DeadlinePeriodDto, UpdateSlaPolicyDto } from '@petitio/api-contracts';
import { CONSOLE_LANGUAGES, consoleTexts } from '@petitio/web-console';
import { adminFieldError, adminRoutingTexts, fill } from './admin-routing-texts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('routing and SLA admin texts', () => {
  it.each(CONSOLE_LANGUAGES)('has every sentence of the English catalogue in %s', (language) => {
    expect(keysOf(adminRoutingTexts(language)).sort()).toEqual(keysOf(adminRoutingTexts('en')).sort());
  });

  it.each(CONSOLE_LANGUAGES)('words every rule of the forms’ DTOs in %s, with its own sentences or the console’s', (language) => {
    const codes = [CreateRoutingRuleDto, UpdateRoutingRuleDto, RoutingPreviewDto, UpdateSlaPolicyDto, DeadlinePeriodDto].flatMap((dto) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .filter((m) => m.type !== 'conditionalValidation')
        .map((m) => m.name ?? m.type),
    );
    const unworded = [...new Set(codes)]
      .filter((code) => !['nestedValidation', 'customValidation', 'whitelistValidation'].includes(code))
      .filter((code) => adminRoutingTexts(language).fieldErrors[code] === undefined && consoleTexts(language).fieldErrors[code] === undefined);
    expect(unworded).toEqual([]);
  });

  it('says a problem in the page’s language, and the API’s English when no catalogue knows its code', () => {
    expect(adminFieldError('tr', { field: 'agencyCode', code: 'unknown_agency', message: 'there is no agency X' })).toBe('Etkin bir kurum seçin.');
    expect(adminFieldError('tr', { field: 'x', code: 'brand_new', message: 'x breaks a new rule' })).toBe('x breaks a new rule');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
