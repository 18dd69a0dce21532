import { consoleTexts } from '../i18n';
import { slaBadge, timeLeft } from './sla-badge';

const en = consoleTexts('en');

describe('SLA badge', () => {
  it('says the state and the working hours left in words', () => {
    expect(slaBadge(en, { state: 'on_track', minutesLeft: 600, measure: 'working_minutes', paused: false }).value).toBe(
      '<span class="sla sla-on_track">On track · 10 working hours left</span>',
    );
  });

  it('says how long a breached deadline is over, in days for calendar-day clocks', () => {
    expect(timeLeft(en, { minutesLeft: -3 * 24 * 60 - 30, measure: 'calendar_minutes' })).toBe('3 days over');
    expect(slaBadge(en, { state: 'breached', minutesLeft: -90, measure: 'working_minutes', paused: false }).value).toContain('Breached · 2 working hours over');
  });

  it('says a paused deadline is paused, and that nothing runs when there is no clock', () => {
    expect(slaBadge(en, { state: 'at_risk', minutesLeft: 45, measure: 'working_minutes', paused: true }).value).toBe(
      '<span class="sla sla-paused">At risk · 45 working minutes left · Paused</span>',
    );
    expect(slaBadge(en, null).value).toContain('No running deadline');
  });
});
