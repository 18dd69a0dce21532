import { turkishCalendar } from '../../libs/sla/src/testing/istanbul-fixtures';
import { CLOCK_EVENT_KINDS } from '@petitio/applications';

const CLOCK_KINDS: readonly string[] = CLOCK_EVENT_KINDS;

/**
 * History without the SLA clock lines: the worker starts the clocks from the routing event, so when
 * their lines land among the others depends on timing. Suites about other things compare the rest.
 */
export function withoutClockLines<T>(history: T[], kindOf: (line: T) => string = (line) => line as unknown as string): T[] {
  return history.filter((line) => !CLOCK_KINDS.includes(kindOf(line)));
}

/** The test stack's calendar: the environment defaults (Istanbul, Monday to Friday, 08:30-17:30, Turkish holidays). */
export const stackCalendar = turkishCalendar();
