import { governing } from './inbox-deadlines';

const at = (iso: string) => new Date(iso);
const clock = (kind: 'first_response' | 'answer' | 'information', deadline: string, pausedWith: number | null = null) => ({
  kind,
  deadlineAt: at(deadline),
  pausedAt: pausedWith == null ? null : at('2026-03-02T09:00:00Z'),
  remainingMinutes: pausedWith,
});

describe('the governing deadline of an inbox line', () => {
  it('is the running clock due first', () => {
    const answer = clock('answer', '2026-04-01T14:30:00Z');
    const firstResponse = clock('first_response', '2026-03-04T14:30:00Z');
    expect(governing([answer, firstResponse])).toBe(firstResponse);
  });

  it('passes over a paused clock, which cannot fall due while the citizen is asked, even if its old deadline came first', () => {
    const paused = clock('information', '2026-03-03T14:30:00Z', 600);
    const running = clock('first_response', '2026-03-04T14:30:00Z');
    expect(governing([paused, running])).toBe(running);
  });

  it('is the paused clock with the least time left when every open clock is paused', () => {
    const answer = clock('answer', '2026-03-20T14:30:00Z', 4000);
    const information = clock('information', '2026-03-25T14:30:00Z', 900);
    expect(governing([answer, information])).toBe(information);
  });
});
