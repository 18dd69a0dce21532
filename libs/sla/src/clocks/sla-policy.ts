import type { DeadlinePeriod } from '../calendar/business-calendar';

/** What a clock measures: the first acknowledgement, the answer, or a right-to-information reply. */
export type ClockKind = 'first_response' | 'answer' | 'information';
/** While the application awaits the citizen: stop and go on with the time left, start over, or keep running. */
export type OnAwaitingCitizen = 'pause' | 'restart' | 'continue';
/** A transfer keeps the clock by default: the citizen's deadline does not restart because of a misroute. */
export type OnTransfer = 'keep' | 'restart';

/** The rules a clock runs under; a clock keeps a copy so that editing a policy never moves open deadlines. */
export interface SlaClockTerms {
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
