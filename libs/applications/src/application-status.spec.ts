import { IllegalTransitionError } from '@petitio/platform';
import { APPLICATION_STATUSES, ApplicationStatus, allowedTransitions, assertTransition, canTransition } from './application-status';

const LEGAL: [ApplicationStatus, ApplicationStatus][] = [
  ['received', 'routed'],
  ['received', 'rejected'],
  ['routed', 'assigned'],
  ['routed', 'routed'],
  ['routed', 'rejected'],
  ['assigned', 'in_progress'],
  ['assigned', 'awaiting_citizen'],
  ['assigned', 'answered'],
  ['assigned', 'routed'],
  ['assigned', 'rejected'],
  ['assigned', 'assigned'],
  ['in_progress', 'awaiting_citizen'],
  ['in_progress', 'answered'],
  ['in_progress', 'routed'],
  ['in_progress', 'rejected'],
  ['in_progress', 'assigned'],
  ['awaiting_citizen', 'in_progress'],
  ['awaiting_citizen', 'answered'],
  ['awaiting_citizen', 'rejected'],
  ['answered', 'closed'],
  ['answered', 'reopened'],
  ['closed', 'reopened'],
  ['reopened', 'routed'],
  ['reopened', 'assigned'],
  ['reopened', 'in_progress'],
  ['rejected', 'reopened'],
  // Merged as a duplicate of another application.
  ['routed', 'closed'],
  ['assigned', 'closed'],
  ['in_progress', 'closed'],
  ['awaiting_citizen', 'closed'],
  ['reopened', 'closed'],
];
const isLegal = (from: string, to: string) => LEGAL.some(([f, t]) => f === from && t === to);

describe('the application status machine', () => {
  const allPairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));
  const illegal = allPairs.filter(([from, to]) => !isLegal(from, to));

  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it(`refuses every one of the ${illegal.length} other transitions with ILLEGAL_TRANSITION`, () => {
    expect(illegal.length).toBe(APPLICATION_STATUSES.length ** 2 - LEGAL.length);
    for (const [from, to] of illegal) {
      expect(canTransition(from, to)).toBe(false);
      let thrown: unknown;
      try {
        assertTransition(from, to);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(IllegalTransitionError);
      expect((thrown as IllegalTransitionError).code).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('never lets anything go back to received', () => {
    for (const from of APPLICATION_STATUSES) expect(allowedTransitions(from)).not.toContain('received');
  });

  it('refuses unknown statuses', () => {
    expect(canTransition('archived' as ApplicationStatus, 'closed')).toBe(false);
  });
});
