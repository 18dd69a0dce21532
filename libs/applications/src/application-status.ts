import { IllegalTransitionError } from '@petitio/platform';

export const APPLICATION_STATUSES = [
  'received',
  'routed',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'answered',
  'closed',
  'reopened',
  'rejected',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * The one place that says which status may follow which. `routed` may follow a working
 * status because a transfer to another agency routes the application again; `closed` may
 * follow one because an application merged into another as its duplicate closes at once.
 */
const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['routed', 'rejected'],
  routed: ['assigned', 'routed', 'rejected', 'closed'],
  assigned: ['in_progress', 'awaiting_citizen', 'answered', 'routed', 'rejected', 'assigned', 'closed'],
  in_progress: ['awaiting_citizen', 'answered', 'routed', 'rejected', 'assigned', 'closed'],
  awaiting_citizen: ['in_progress', 'answered', 'rejected', 'closed'],
  answered: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['routed', 'assigned', 'in_progress', 'closed'],
  rejected: ['reopened'],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws ILLEGAL_TRANSITION unless `to` may follow `from`. */
export function assertTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function allowedTransitions(from: ApplicationStatus): readonly ApplicationStatus[] {
  return TRANSITIONS[from];
}

/** Statuses in which an application still waits for the government to act. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['received', 'routed', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'];
