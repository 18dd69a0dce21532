import { getMetadataStorage } from 'class-validator';
import { CreateAgencyDto, UpdateAgencyDto } from '@petitio/api-contracts';
import { LocalisedNamesDto } from '@petitio/api-contracts';
import { CreateTopicDto, UpdateTopicDto } from '@petitio/api-contracts';
import { consoleLanguages, consoleTexts } from '@petitio/web-console';
import { adminDirectoryTexts, directoryFieldError, directoryRefusal } from './admin-directory-texts';

/** Every code the domain raises on these forms, as written in AgencyAdmin, TopicAdmin and the rules they share. */
const DOMAIN_CODES = [
  'invalid_code',
  'invalid_topic_code',
  'name_required',
  'unknown_language',
  'control_character',
  'triage_taken',
  'unknown_agency',
  'own_parent',
  'parent_cycle',
  'inactive_parent',
  'inactive_agency',
  'invalid_keyword',
  'AGENCY_CODE_TAKEN',
  'TOPIC_CODE_TAKEN',
];

describe('directory admin texts', () => {
  it.each(consoleLanguages())('words every rule of the agency and topic forms in %s', (language) => {
    const dtos = [CreateAgencyDto, UpdateAgencyDto, CreateTopicDto, UpdateTopicDto, LocalisedNamesDto];
    const dtoCodes = dtos.flatMap((dto) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .filter((m) => !['conditionalValidation', 'nestedValidation', 'customValidation'].includes(m.type))
        .map((m) => m.name ?? m.type),
    );
    const unworded = [...new Set([...dtoCodes, ...DOMAIN_CODES])].filter(
      (code) => adminDirectoryTexts(language).fieldErrors[code] === undefined && consoleTexts(language).fieldErrors[code] === undefined,
    );
    expect(unworded).toEqual([]);
  });

  it('words a rule by its field first, so that a bad code is not called too long or blank', () => {
    expect(directoryFieldError('en', { field: 'code', code: 'invalid_code' })).toBe('Use 1 to 64 letters A-Z, digits, - or _.');
    expect(directoryFieldError('tr', { field: 'kind', code: 'isIn' })).toBe('Bir tür seçin.');
    expect(directoryFieldError('en', { field: 'names.tr', code: 'maxLength' })).toBe('This is too long; please shorten it.');
  });

  it('asks for a name on one line only when the control character is in a name', () => {
    expect(directoryFieldError('tr', { field: 'names.tr', code: 'control_character' })).toBe('Adı tek satırda yazın.');
    expect(directoryFieldError('tr', { field: 'contactEmail', code: 'control_character' })).toBe(consoleTexts('tr').fieldErrors.control_character);
  });

  it('names what stands in the way of a deactivation, and falls back to the domain’s words for a code it does not know', () => {
    expect(directoryRefusal('en', 'AGENCY_IS_TOPIC_DEFAULT', 'x', ['parks', 'roads'])).toBe(
      'Topics still send applications here by default: give them another default agency first (parks, roads).',
    );
    expect(directoryRefusal('tr', 'SOMETHING_NEW', 'the domain says why', undefined)).toBe('the domain says why');
  });
});
