import type { PublicStatistics, PublicStatisticsLine } from '@petitio/reporting';
import { localise } from '@petitio/directory';
import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, PortalTexts, textsFor } from '../i18n';
import { layout } from './layout';

const share = (line: PublicStatisticsLine) => (!line.answered ? '–' : `${Math.round(((line.answeredWithinDeadline ?? 0) / line.answered) * 1000) / 10}%`);

function cells(t: PortalTexts['statistics'], line: PublicStatisticsLine, minCount: number): SafeHtml {
  if (line.withheld) return html`<td colspan="4" class="withheld">${t.withheld({ n: minCount })}</td>`;
  return html`<td>${line.received ?? 0}</td><td>${line.answered ?? 0}</td><td>${share(line)}</td><td>${line.medianDaysToAnswer ?? '–'}</td>`;
}

function head(t: PortalTexts['statistics'], first: string): SafeHtml {
  return html`<thead><tr><th scope="col">${first}</th><th scope="col">${t.received}</th><th scope="col">${t.answered}</th><th scope="col">${t.withinDeadline}</th><th scope="col">${t.medianDays}</th></tr></thead>`;
}

/**
 * Aggregates only: counts, shares and medians per type and per top-level agency. Tables scroll sideways on a
 * phone, so each scrolling region is focusable and named by its caption (keyboard users can scroll it).
 */
export function statisticsPage(language: PortalLanguage, s: PublicStatistics): SafeHtml {
  const minCount = s.minCount;
  const texts = textsFor(language);
  const t = texts.statistics;
  return layout(
    { language, title: t.title, page: 'statistics' },
    html`<h1>${t.title}</h1>
<p>${t.intro({ from: s.from, to: s.to })}</p>
<p>${t.lateNote}</p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="total-caption"><table id="total"><caption id="total-caption">${t.totalCaption}</caption>${head(t, t.totalCaption)}
<tbody><tr data-key="total"><th scope="row">${t.totalCaption}</th>${cells(t, s.total, minCount)}</tr></tbody></table></div>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="by-type-caption"><table id="by-type"><caption id="by-type-caption">${t.byTypeCaption}</caption>${head(t, t.type)}
<tbody>${s.byType.map((line) => html`<tr data-key="${line.type}"><th scope="row">${texts.apply.types[line.type as keyof typeof texts.apply.types] ?? line.type}</th>${cells(t, line, minCount)}</tr>`)}</tbody></table></div>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="by-agency-caption"><table id="by-agency"><caption id="by-agency-caption">${t.byAgencyCaption}</caption>${head(t, t.agency)}
<tbody>${s.byAgency.map((line) => html`<tr data-key="${line.code}"><th scope="row">${localise(line.names, language)}</th>${cells(t, line, minCount)}</tr>`)}</tbody></table></div>
<h2>${t.openData}</h2>
<ul><li><a href="/api/v1/statistics.json">${t.json}</a></li><li><a href="/api/v1/statistics.csv">${t.csv}</a></li></ul>`,
  );
}
