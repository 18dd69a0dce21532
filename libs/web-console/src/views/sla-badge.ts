import type { SlaState } from '@petitio/sla';
import { SafeHtml, html } from '@petitio/platform';
import type { ConsoleTexts } from '../i18n';

export interface SlaLike {
  state: SlaState;
  minutesLeft: number;
  measure: 'working_minutes' | 'calendar_minutes';
  paused: boolean;
  centerEscalated?: boolean;
}

/**
 * Where a deadline stands, in words: the state, the time left or over, and "paused". The colour only repeats
 * what the words say, so the badge reads the same to someone who cannot tell the colours apart.
 */
export function slaBadge(t: ConsoleTexts, sla: SlaLike | null): SafeHtml {
  if (!sla) return html`<span class="sla sla-none">${t.sla.noDeadline}</span>`;
  const words = [t.sla.states[sla.state], timeLeft(t, sla)];
  if (sla.paused) words.push(t.sla.paused);
  if (sla.centerEscalated) words.push(t.sla.escalatedToCenter);
  return html`<span class="sla sla-${sla.paused ? 'paused' : sla.state}">${words.join(' · ')}</span>`;
}

/** Working minutes read as working hours (or minutes under an hour); calendar minutes as days (or hours under a day). */
export function timeLeft(t: ConsoleTexts, sla: Pick<SlaLike, 'minutesLeft' | 'measure'>): string {
  const over = sla.minutesLeft < 0;
  const minutes = Math.abs(sla.minutesLeft);
  const say = (message: (values: { n: number }) => string, n: number) => message({ n });
  if (sla.measure === 'working_minutes') {
    if (minutes < 60) return say(over ? t.sla.workingMinutesOver : t.sla.workingMinutesLeft, Math.round(minutes));
    return say(over ? t.sla.workingHoursOver : t.sla.workingHoursLeft, Math.round(minutes / 60));
  }
  if (minutes < 24 * 60) return say(over ? t.sla.hoursOver : t.sla.hoursLeft, Math.round(minutes / 60));
  return say(over ? t.sla.daysOver : t.sla.daysLeft, Math.floor(minutes / (24 * 60)));
}
