import { isEmail } from 'class-validator';
import { deploymentLanguages } from '@petitio/i18n';
import type { FieldProblem } from '@petitio/platform';
import { AGENCY_KINDS, LocalisedNames } from './agency.entity';

/** Every change of the tree's shape (admin moves, CSV imports) takes this transaction lock: checked moves cannot interleave into a loop. */
export const AGENCY_TREE_LOCK = "hashtext('petitio.agency-tree')";

/** The languages an admin names an agency or a topic in: the deployment's (SUPPORTED_LANGUAGES). */
export function nameLanguages(): string[] {
  return deploymentLanguages();
}
export const NAME_MAX_LENGTH = 200;
export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/;

/**
 * At least one name among `names`, and each name `given` (all of them when new; an update's own, merged into the
 * stored ones as `names`) in a known language, on one line: names are shown in lists, titles and messages. Only the
 * given ones are checked, so that a name an import stored in another language does not block a rename; "" removes
 * a name, whatever its language.
 */
export function namesProblems(names: LocalisedNames | undefined, given: Partial<LocalisedNames> | undefined = names): FieldProblem[] {
  const named = Object.entries(names ?? {}).filter(([, name]) => typeof name === 'string' && name.trim() !== '');
  if (named.length === 0) return [{ field: 'names', code: 'name_required' }];
  const problems: FieldProblem[] = [];
  for (const [language, name] of Object.entries(given ?? {})) {
    if (name === undefined || name === '') continue;
    const field = `names.${language}`;
    if (!nameLanguages().includes(language)) {
      problems.push({ field, code: 'unknown_language', args: { allowed: nameLanguages().join(', ') } });
    } else if (typeof name !== 'string') {
      problems.push({ field, code: 'isString' });
    } else if (name.length > NAME_MAX_LENGTH) {
      problems.push({ field, code: 'maxLength', args: { max: NAME_MAX_LENGTH } });
    } else if (CONTROL_CHARACTER.test(name)) {
      // PostgreSQL cannot store U+0000 in jsonb; a line break breaks every list a name is shown in.
      problems.push({ field, code: 'control_character' });
    }
  }
  return problems;
}

/** The names with blank ones left out and the others trimmed, as they are stored. */
export function cleanNames(names: LocalisedNames): LocalisedNames {
  return Object.fromEntries(Object.entries(names).flatMap(([l, n]) => (typeof n === 'string' && n.trim() !== '' ? [[l, n.trim()]] : [])));
}

/** An update's names over the stored ones: a language left out (or undefined) keeps its name, "" removes it. */
export function mergeNames(current: LocalisedNames, patch: Partial<LocalisedNames> | undefined): LocalisedNames {
  const given = Object.entries(patch ?? {}).filter(([, name]) => name !== undefined) as [string, string][];
  return { ...current, ...Object.fromEntries(given) };
}

/** What an admin gives for a new agency, checked before the database is asked anything. */
export interface AgencyDraft {
  code: string;
  names: LocalisedNames;
  kind: string;
  contactEmail: string | null;
}

export function agencyDraftProblems(draft: AgencyDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!AGENCY_CODE_PATTERN.test(draft.code)) {
    problems.push({ field: 'code', code: 'invalid_code' });
  }
  problems.push(...namesProblems(draft.names));
  if (!(AGENCY_KINDS as readonly string[]).includes(draft.kind)) {
    problems.push({ field: 'kind', code: 'isIn', args: { allowed: AGENCY_KINDS.join(', ') } });
  }
  problems.push(...contactEmailProblems(draft.contactEmail));
  return problems;
}

export function contactEmailProblems(email: string | null | undefined): FieldProblem[] {
  if (email === null || email === undefined) return [];
  if (email.length > 254 || !isEmail(email)) return [{ field: 'contactEmail', code: 'isEmail' }];
  return [];
}

/**
 * Why `code` cannot go under `parentCode`. `parentChain` is the new parent and its ancestors, up to a root (null when
 * there is no such agency): if it holds the agency itself, the parent is its descendant and the tree would loop.
 */
export function parentProblems(code: string, parentCode: string | null, parentChain: readonly string[] | null): FieldProblem[] {
  if (parentCode === null) return [];
  if (parentCode === code) return [{ field: 'parentCode', code: 'own_parent' }];
  if (parentChain === null) return [{ field: 'parentCode', code: 'unknown_agency' }];
  if (parentChain.includes(code)) {
    return [{ field: 'parentCode', code: 'parent_cycle' }];
  }
  return [];
}
