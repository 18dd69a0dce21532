import type { ApplicationStatus } from '@petitio/applications';

/** Answered, closed and refused applications are closed in Open311's two words; everything else is open. */
export function open311Status(status: ApplicationStatus): 'open' | 'closed' {
  return status === 'answered' || status === 'closed' || status === 'rejected' ? 'closed' : 'open';
}

/** The statuses behind each Open311 word, for the `status` filter. */
export const STATUSES_OF: Record<'open' | 'closed', ApplicationStatus[]> = {
  open: ['received', 'routed', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'],
  closed: ['answered', 'closed', 'rejected'],
};

/**
 * The finer status in the words mySociety's Open311 servers use (FixMyStreet "additional states"), for clients that
 * ask for extensions: a merged application is a duplicate whatever its own status.
 */
export function extendedStatus(status: ApplicationStatus, mergedAsDuplicate: boolean): string {
  if (mergedAsDuplicate) return 'duplicate';
  const words: Record<ApplicationStatus, string> = {
    received: 'for_triage',
    routed: 'open',
    assigned: 'investigating',
    in_progress: 'in_progress',
    awaiting_citizen: 'action_scheduled',
    answered: 'closed',
    closed: 'closed',
    reopened: 'reopen',
    rejected: 'no_further_action',
  };
  return words[status];
}
