import { SafeHtml, html } from '@petitio/platform';
import { hidden } from '@petitio/web-kit';
import type { ConsoleTexts } from '@petitio/web-console';

/** The inbox parameters a dashboard figure's link sets, beyond the form's own filters (names as the JSON inbox has them). */
export const DRILL_DOWN_PARAMS = [
  'agency',
  'assignedAgency',
  'noAgency',
  'type',
  'topic',
  'noTopic',
  'channel',
  'receivedFrom',
  'receivedTo',
  'answered',
  'answeredFrom',
  'answeredTo',
  'ageMin',
  'ageMax',
  'transfersMin',
  'rated',
  'rating',
  'firstResponded',
] as const;
export type DrillDownParam = (typeof DRILL_DOWN_PARAMS)[number];

/** The drill-down filters as the query string carries them, '' when absent. */
export type DrillDown = Record<DrillDownParam, string>;

export function drillDownOf(one: (name: DrillDownParam) => string): DrillDown {
  return Object.fromEntries(DRILL_DOWN_PARAMS.map((name) => [name, one(name)])) as DrillDown;
}

export const hasDrillDown = (d: DrillDown): boolean => DRILL_DOWN_PARAMS.some((name) => d[name] !== '');

/** The filters in words, in a fixed order: period first, then where, what and how. */
export function drillDownWords(t: ConsoleTexts, d: DrillDown): string[] {
  const w = t.inbox.drillDown;
  const range = (from: string, to: string) =>
    from && to ? (from === to ? w.onDay({ day: from }) : w.between({ from, to })) : from ? w.fromDay({ day: from }) : w.toDay({ day: to });
  const words: string[] = [];
  const add = (on: boolean, text: string) => on && words.push(text);
  add(Boolean(d.receivedFrom || d.receivedTo), w.received({ range: range(d.receivedFrom, d.receivedTo) }));
  add(Boolean(d.answeredFrom || d.answeredTo), w.answeredOn({ range: range(d.answeredFrom, d.answeredTo) }));
  add(d.agency !== '', w.agencySubtree({ value: d.agency }));
  add(d.assignedAgency !== '', w.assignedAgency({ value: d.assignedAgency }));
  add(d.noAgency === 'true', w.noAgency);
  add(d.type !== '', w.type({ value: t.types[d.type] ?? d.type }));
  add(d.topic !== '', w.topic({ value: d.topic }));
  add(d.noTopic === 'true', w.noTopic);
  add(d.channel !== '', w.channel({ value: t.channels[d.channel] ?? d.channel }));
  add(Object.prototype.hasOwnProperty.call(w.answered, d.answered), w.answered[d.answered as keyof typeof w.answered]);
  const age = d.ageMin && d.ageMax ? w.ageBetween({ min: d.ageMin, max: d.ageMax }) : d.ageMin ? w.ageFrom({ min: d.ageMin }) : w.ageTo({ max: d.ageMax });
  add(Boolean(d.ageMin || d.ageMax), w.age({ range: age }));
  add(d.transfersMin !== '', w.transfersMin({ n: Number(d.transfersMin) }));
  add(d.rated === 'true', w.rated);
  add(d.rated === 'false', w.notRated);
  add(d.rating !== '', w.rating({ n: d.rating }));
  add(d.firstResponded === 'true', w.firstResponded);
  add(d.firstResponded === 'false', w.noFirstResponse);
  return words;
}

/** The drill-down filters in words, with a link to the same inbox without them; empty without any. */
export function drillDownSummary(t: ConsoleTexts, d: DrillDown, clearLink: string): SafeHtml | string {
  if (!hasDrillDown(d)) return '';
  const w = t.inbox.drillDown;
  return html`<section id="drill-down" aria-labelledby="drill-down-title">
<h2 id="drill-down-title">${w.title}</h2>
<p id="drill-down-filters">${drillDownWords(t, d).join(' · ')}</p>
<p><a href="${clearLink}" id="drill-down-clear">${w.clear}</a></p>
</section>`;
}

/** The drill-down filters as hidden fields, so that the inbox's form refines them rather than dropping them. */
export function drillDownFields(d: DrillDown): SafeHtml[] {
  return DRILL_DOWN_PARAMS.filter((name) => d[name] !== '').map((name) => hidden(name, d[name]));
}
