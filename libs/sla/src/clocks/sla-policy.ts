import type { DeadlinePeriod } from '../calendar/business-calendar';

/** What a clock measures: the first acknowledgement, the answer, or a right-to-information reply. */
export const CLOCK_KINDS = ['first_response', 'answer', 'information'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
/** While the application awaits the citizen: stop and go on with the time left, start over, or keep running. */
export type OnAwaitingCitizen = 'pause' | 'restart' | 'continue';
/** A transfer keeps the clock by default: the citizen's deadline does not restart because of a misroute. */
export type OnTransfer = 'keep' | 'restart';

/** Whom a rung of the escalation ladder tells. */
export const ESCALATION_TARGETS = ['assigned_officer', 'agency_supervisors', 'parent_agency', 'center_queue'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/**
 * The ladder a clock climbs: warnings use rung 1, the breach rung 2 (or the top of a shorter ladder), and each
 * re-escalation, a `reEscalation` period after the previous step, the next rung up until the top.
 */
export interface EscalationTerms {
  ladder: EscalationTarget[][];
  reEscalation: DeadlinePeriod | null;
  /** Whether a breach shows as "late" on the public status page and in public statistics. */
  publicLateFlag: boolean;
  notifyCitizenOnBreach: boolean;
  notifyCitizenOnExtension: boolean;
}

export const DEFAULT_ESCALATION_TERMS: EscalationTerms = {
  ladder: [['assigned_officer'], ['agency_supervisors'], ['parent_agency', 'center_queue']],
  reEscalation: { amount: 5, unit: 'working_days' },
  publicLateFlag: true,
  notifyCitizenOnBreach: true,
  notifyCitizenOnExtension: true,
};

/** The rules a clock runs under; a clock keeps a copy so that editing a policy never moves open deadlines. */
export interface SlaClockTerms extends EscalationTerms {
  period: DeadlinePeriod;
  onAwaitingCitizen: OnAwaitingCitizen;
  onTransfer: OnTransfer;
  /** Added once to the deadline when extended; null when the policy allows no extension. */
  extension: DeadlinePeriod | null;
  /** The extension must be notified before the deadline (Law 4982 Art. 11), so it is refused after it. */
  requiresNoticeBeforeDeadline: boolean;
  /** Shares of the time at which warnings fire, ascending; past the last one the clock is at risk. */
  warningShares: number[];
}

export interface SlaPolicy extends SlaClockTerms {
  id: string;
  code: string;
  applicationType: string | null;
  topicId: string | null;
  agencyId: string | null;
  kind: ClockKind;
  legalBasis: string;
  active: boolean;
}
