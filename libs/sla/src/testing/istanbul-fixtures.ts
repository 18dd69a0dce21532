import { DateTime } from 'luxon';
import { BusinessCalendar, DeadlinePeriod } from '../calendar/business-calendar';
import { parseWorkingHours } from '../calendar/calendar-config';
import { DEFAULT_ESCALATION_TERMS, SlaPolicy } from '../clocks/sla-policy';

/** Fixtures the SLA specs share: Türkiye's public-sector calendar and instants written in Istanbul time. */
export const ISTANBUL = 'Europe/Istanbul';

export function turkishCalendar(hours = '08:30-17:30'): BusinessCalendar {
  return new BusinessCalendar({ timeZone: ISTANBUL, country: 'TR', workingDays: [1, 2, 3, 4, 5], workingHours: parseWorkingHours(hours) });
}

/** '2026-05-11 10:00' in Istanbul → the instant. */
export function at(localTime: string): Date {
  const instant = DateTime.fromFormat(localTime, 'yyyy-MM-dd HH:mm', { zone: ISTANBUL });
  if (!instant.isValid) throw new Error(`bad test time ${localTime}`);
  return instant.toJSDate();
}

/** Minutes only, unless the instant has seconds: then they show, so no expectation hides a stray second. */
export function local(instant: Date | null): string | null {
  if (!instant) return null;
  const t = DateTime.fromJSDate(instant, { zone: ISTANBUL });
  return t.toFormat(t.second || t.millisecond ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm');
}

/** An answer policy pausing while the citizen is asked, warning at 50/75/90%, on the default ladder. */
export function policy(period: DeadlinePeriod, overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id: 'policy-1',
    code: 'TEST',
    applicationType: null,
    topicId: null,
    agencyId: null,
    kind: 'answer',
    legalBasis: 'test',
    active: true,
    period,
    onAwaitingCitizen: 'pause',
    onTransfer: 'keep',
    extension: null,
    requiresNoticeBeforeDeadline: false,
    warningShares: [0.5, 0.75, 0.9],
    ...DEFAULT_ESCALATION_TERMS,
    ...overrides,
  };
}
