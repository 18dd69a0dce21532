import { catalogs } from '@petitio/i18n';
import { getMetadataStorage } from 'class-validator';
import { CreateApplicationDto } from '@petitio/api-contracts';
import { AnswerDto, AssignDto, InformationRequestDto, NoteDto } from '@petitio/api-contracts';
import { CloseDto, DuplicateOfDto, RejectionDto, TransferDto } from '@petitio/api-contracts';
import { ExtensionDto, InterimAnswerDto } from '@petitio/api-contracts';
import { InboxQueryDto } from '@petitio/api-contracts';
import { SignInDto } from '@petitio/api-contracts';
import { InviteStaffUserDto } from '@petitio/api-contracts';
import { DashboardQueryDto } from '@petitio/web-dashboard';
import { consoleLanguages, consoleFieldError, consoleTexts } from './console-languages';

/** Every key of a nested catalogue, as dotted paths. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('console languages', () => {
  it.each(consoleLanguages())('has every sentence of the English catalogue in %s', (language) => {
    expect(keysOf(consoleTexts(language)).sort()).toEqual(keysOf(consoleTexts('en')).sort());
  });

  it('falls back to the API’s sentence in the same language for a code the console does not word', () => {
    const problem = { field: 'Idempotency-Key', code: 'format', sentence: 'visible_ascii' };
    expect(consoleFieldError('tr', problem)).toBe(catalogs.texts('api', 'tr').fields.visible_ascii({ field: 'Idempotency-Key' }));
  });
});

describe('console field errors', () => {
  // Every DTO a console form is checked with: each rule they can break needs a sentence in each language.
  const DTOS = [
    CreateApplicationDto,
    InviteStaffUserDto,
    SignInDto,
    InboxQueryDto,
    DashboardQueryDto,
    AnswerDto,
    AssignDto,
    CloseDto,
    DuplicateOfDto,
    InformationRequestDto,
    NoteDto,
    RejectionDto,
    TransferDto,
    ExtensionDto,
    InterimAnswerDto,
  ];
  const codes = [
    ...new Set(
      DTOS.flatMap((dto) =>
        getMetadataStorage()
          .getTargetValidationMetadatas(dto, '', true, false)
          .filter((m) => m.type !== 'conditionalValidation')
          .map((m) => m.name ?? m.type),
      ),
    ),
  ]
    .filter((code) => !['nestedValidation', 'customValidation', 'whitelistValidation'].includes(code))
    .sort();

  it('knows the rules of the forms’ DTOs at all', () => {
    expect(codes).toEqual(expect.arrayContaining(['isDefined', 'isUuid', 'maxLength']));
  });

  it.each(consoleLanguages())('words every rule of the forms in %s', (language) => {
    expect(codes.filter((code) => consoleTexts(language).fieldErrors[code] === undefined)).toEqual([]);
  });
});
