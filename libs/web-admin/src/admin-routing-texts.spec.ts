import { catalogs } from '@petitio/i18n';
import { getMetadataStorage } from 'class-validator';
import { CreateRoutingRuleDto, RoutingPreviewDto, UpdateRoutingRuleDto } from '@petitio/api-contracts';
import { DeadlinePeriodDto, UpdateSlaPolicyDto } from '@petitio/api-contracts';
import { consoleLanguages, consoleTexts } from '@petitio/web-console';
import { adminFieldError, adminRoutingTexts } from './admin-routing-texts';

describe('routing and SLA admin texts', () => {
  it.each(consoleLanguages())('words every rule of the forms’ DTOs in %s, with its own sentences or the console’s', (language) => {
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

  it('says a problem in the page’s language, and the API’s sentence when the page does not word its code', () => {
    expect(adminFieldError('tr', { field: 'agencyCode', code: 'unknown_agency' })).toBe('Etkin bir kurum seçin.');
    expect(adminFieldError('tr', { field: 'x', code: 'brand_new' })).toBe(catalogs.texts('api', 'tr').fields.invalid({ field: 'x' }));
  });

  it('counts the deadlines a saved policy moves in the language’s plural', () => {
    expect(adminRoutingTexts('en').sla.done.moving({ n: 1 })).toContain('1 open deadline is being moved');
    expect(adminRoutingTexts('en').sla.done.moving({ n: 4 })).toContain('4 open deadlines are being moved');
  });
});
