import { consoleTexts } from '@petitio/web-console';
import { DRILL_DOWN_PARAMS, DrillDown, drillDownSummary, drillDownWords, hasDrillDown } from './inbox-drill-down';

const none = Object.fromEntries(DRILL_DOWN_PARAMS.map((name) => [name, ''])) as DrillDown;
const drillDown = (given: Partial<DrillDown>): DrillDown => ({ ...none, ...given });

describe("the inbox's drill-down filters in words", () => {
  it('says a period, an agency subtree and lateness as one line', () => {
    const words = drillDownWords(consoleTexts('en'), drillDown({ receivedFrom: '2026-10-28', receivedTo: '2026-11-26', agency: 'ISKI', answered: 'late' }));
    expect(words.join(' · ')).toBe('Received 2026-10-28 to 2026-11-26 · Agency subtree: ISKI · Answered late');
  });

  it("says one day, an open-ended age, stars, channels and types in the reader's language", () => {
    const en = drillDownWords(
      consoleTexts('en'),
      drillDown({ answeredFrom: '2026-11-02', answeredTo: '2026-11-02', ageMin: '31', rating: '4', channel: 'sms', noTopic: 'true' }),
    );
    expect(en).toEqual(['Answered on 2026-11-02', 'No topic', `Channel: ${consoleTexts('en').channels.sms}`, 'Open for 31 or more days', 'Rating: 4 of 5']);
    const tr = drillDownWords(consoleTexts('tr'), drillDown({ transfersMin: '2', firstResponded: 'true', type: 'complaint' }));
    expect(tr).toEqual([`Tür: ${consoleTexts('tr').types.complaint}`, 'En az 2 kez aktarılmış', 'İlk yanıt verilmiş']);
  });

  it('shows nothing without drill-down filters, and a way back to the same inbox without them otherwise', () => {
    expect(hasDrillDown(none)).toBe(false);
    expect(drillDownSummary(consoleTexts('en'), none, '/staff/inbox')).toBe('');
    const summary = drillDownSummary(consoleTexts('en'), drillDown({ rated: 'true' }), '/staff/inbox?status=open');
    expect(String(summary)).toContain('<a href="/staff/inbox?status=open" id="drill-down-clear">Clear the dashboard filters</a>');
  });
});
