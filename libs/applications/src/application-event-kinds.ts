import type { EscalationStepKind } from '@petitio/sla';

/** History kinds of clock changes; the citizen sees them on the status page. */
export const CLOCK_EVENT_KINDS = [
  'deadline_set',
  'clock_paused',
  'clock_resumed',
  'clock_restarted',
  'clock_stopped',
  'deadline_extended',
  'deadline_changed',
] as const;
export type ClockEventKind = (typeof CLOCK_EVENT_KINDS)[number];

/** History kinds of the ladder's steps. Only a breach, where its policy says so, shows on the status page. */
export const ESCALATION_EVENT_KINDS: Record<EscalationStepKind, string> = {
  warning: 'deadline_warning',
  breach: 'deadline_breached',
  re_escalation: 'deadline_escalated',
};

/** History kind of a progress update; the citizen sees it on the status page. */
export const INTERIM_ANSWER_KIND = 'interim_answer';
