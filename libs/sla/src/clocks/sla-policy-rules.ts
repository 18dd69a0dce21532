import type { FieldProblem, ProblemWords } from '@petitio/platform';
import type { DeadlineUnit } from '../calendar/business-calendar';
import { CLOCK_KINDS, ESCALATION_TARGETS, OnAwaitingCitizen, OnTransfer, SlaPolicy } from './sla-policy';
import { isUuid } from '@petitio/platform';

export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['calendar_days', 'working_days', 'working_hours'];
export const ON_AWAITING_CITIZEN_OPTIONS: readonly OnAwaitingCitizen[] = ['pause', 'restart', 'continue'];
export const ON_TRANSFER_OPTIONS: readonly OnTransfer[] = ['keep', 'restart'];
export const LADDER_MAX_RUNGS = 6;
export const WARNING_SHARES_MAX = 10;
export const LEGAL_BASIS_MAX = 1000;
/** Upper bounds that keep a typo (3000 instead of 30) from planning deadlines decades away. */
const MAX_DAYS = 3650;
const MAX_WORKING_HOURS = 24 * MAX_DAYS;
/** Like the seeded TR-3071-PETITION: capitals, digits, hyphens and underscores. */
export const POLICY_CODE = /^[A-Z0-9][A-Z0-9_-]{1,63}$/;

/** Everything an admin writes about a policy: the policy without its id. */
export type SlaPolicyDraft = Omit<SlaPolicy, 'id'>;

/**
 * Every rule a policy must satisfy before it is saved, one problem per bad field (nested fields as
 * `period.amount`, `ladder.2`). Whether the named type, topic and agency exist is checked against the database.
 */
export function policyDraftProblems(d: SlaPolicyDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, code: string, words: ProblemWords = {}) => problems.push({ field, code, ...words });

  if (typeof d.code !== 'string' || !POLICY_CODE.test(d.code)) {
    bad('code', 'format');
  }
  oneOf(d.kind, CLOCK_KINDS, 'kind', bad);
  if (d.applicationType !== null && (typeof d.applicationType !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(d.applicationType))) {
    bad('applicationType', 'format');
  }
  for (const field of ['topicId', 'agencyId'] as const) {
    if (d[field] !== null && (typeof d[field] !== 'string' || !isUuid(d[field]!))) bad(field, 'format');
  }
  periodProblems(d.period, 'period', bad);
  oneOf(d.onAwaitingCitizen, ON_AWAITING_CITIZEN_OPTIONS, 'onAwaitingCitizen', bad);
  oneOf(d.onTransfer, ON_TRANSFER_OPTIONS, 'onTransfer', bad);
  if (d.extension !== null) periodProblems(d.extension, 'extension', bad);
  if (d.reEscalation !== null) periodProblems(d.reEscalation, 'reEscalation', bad);
  warningShareProblems(d.warningShares, bad);
  ladderProblems(d.ladder, bad);
  if (typeof d.legalBasis !== 'string' || !/\S/.test(d.legalBasis)) bad('legalBasis', 'required');
  else if (d.legalBasis.length > LEGAL_BASIS_MAX) bad('legalBasis', 'too_long', { args: { max: LEGAL_BASIS_MAX } });
  for (const flag of ['requiresNoticeBeforeDeadline', 'active', 'publicLateFlag', 'notifyCitizenOnBreach', 'notifyCitizenOnExtension'] as const) {
    if (typeof d[flag] !== 'boolean') bad(flag, 'boolean');
  }
  return problems;
}

type Report = (field: string, code: string, words?: ProblemWords) => void;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, bad: Report): void {
  if (value === undefined || value === null) bad(field, 'required', { sentence: 'required_one_of', args: { allowed: allowed.join(', ') } });
  else if (!allowed.includes(value as T)) bad(field, 'invalid', { sentence: 'isIn', args: { allowed: allowed.join(', ') } });
}

/**
 * An amount and a unit, always together. Days are whole; working hours may be fractions of whole seconds
 * (a 90-minute target is 1.5), because that is what the business calendar can count.
 */
function periodProblems(value: unknown, field: string, bad: Report): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    bad(field, 'required');
    return;
  }
  const { amount, unit } = value as { amount?: unknown; unit?: unknown };
  oneOf(unit, DEADLINE_UNITS, `${field}.unit`, bad);
  if (amount === undefined || amount === null) {
    bad(`${field}.amount`, 'required');
    return;
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    bad(`${field}.amount`, 'positive');
    return;
  }
  if (unit === 'working_hours') {
    const seconds = amount * 3600;
    if (Math.abs(seconds - Math.round(seconds)) > 1e-6) bad(`${field}.amount`, 'whole_seconds');
    else if (amount > MAX_WORKING_HOURS) bad(`${field}.amount`, 'too_large', { sentence: 'at_most_working_hours', args: { max: MAX_WORKING_HOURS } });
  } else if (unit === 'calendar_days' || unit === 'working_days') {
    if (!Number.isInteger(amount)) bad(`${field}.amount`, 'whole_number');
    else if (amount > MAX_DAYS) bad(`${field}.amount`, 'too_large', { sentence: 'at_most_days', args: { max: MAX_DAYS } });
  }
}

/** Warnings fire in order as the time is used up, so each share lies strictly between 0 and 1 and after the one before. */
function warningShareProblems(shares: unknown, bad: Report): void {
  if (!Array.isArray(shares)) {
    bad('warningShares', 'required');
    return;
  }
  if (shares.length > WARNING_SHARES_MAX) {
    bad('warningShares', 'too_many', { args: { max: WARNING_SHARES_MAX } });
    return;
  }
  if (shares.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s <= 0 || s >= 1)) {
    bad('warningShares', 'range');
    return;
  }
  if (shares.some((s, i) => i > 0 && s <= shares[i - 1])) bad('warningShares', 'ascending');
}

/** Rung 1 gets the warnings, rung 2 the breach, each rung above a re-escalation; every rung tells someone. */
function ladderProblems(ladder: unknown, bad: Report): void {
  if (!Array.isArray(ladder) || ladder.length < 1 || ladder.length > LADDER_MAX_RUNGS) {
    bad('ladder', 'rungs', { args: { max: LADDER_MAX_RUNGS } });
    return;
  }
  ladder.forEach((rung, i) => {
    if (!Array.isArray(rung) || rung.length === 0) {
      bad(`ladder.${i}`, 'empty_rung');
    } else if (rung.some((target) => !(ESCALATION_TARGETS as readonly unknown[]).includes(target))) {
      bad(`ladder.${i}`, 'invalid_target');
    } else if (new Set(rung).size !== rung.length) {
      bad(`ladder.${i}`, 'duplicate_target');
    }
  });
}
