import type { DashboardFigures } from '@petitio/reporting';
import { csvLine } from '@petitio/web-kit';

/**
 * The dashboard's figures, one per line: section, key (what the figure is about, empty for a total), measure,
 * value. Durations are seconds. Long format, so that a new figure is new lines and never a new column.
 */
export function dashboardCsv(f: DashboardFigures): string {
  const lines: (string | number | null)[][] = [['section', 'key', 'measure', 'value']];
  for (const [measure, value] of Object.entries(f.headline)) lines.push(['headline', '', measure, value]);
  for (const s of f.withinDeadline) {
    lines.push([`within_deadline_by_${s.dimension}`, s.key ?? '', 'answered', s.answered]);
    lines.push([`within_deadline_by_${s.dimension}`, s.key ?? '', 'within_deadline', s.withinDeadline]);
  }
  for (const [measure, d] of Object.entries({ first_response: f.responseTimes.firstResponse, answer: f.responseTimes.answer })) {
    lines.push(
      ['response_time_seconds', measure, 'count', d.count],
      ['response_time_seconds', measure, 'median', d.median],
      ['response_time_seconds', measure, 'p90', d.p90],
    );
  }
  for (const [bucket, count] of Object.entries(f.aging)) lines.push(['aging_days', bucket, 'open', count]);
  lines.push(
    ['transfers', '', 'applications', f.transfers.applications],
    ['transfers', '', 'transfers', f.transfers.transfers],
    ['transfers', '', 'transferred_twice_or_more', f.transfers.transferredTwiceOrMore],
  );
  for (const c of f.channels) lines.push(['channel_mix', c.channel, 'received', c.count]);
  lines.push(['satisfaction', '', 'ratings', f.satisfaction.ratings], ['satisfaction', '', 'average', f.satisfaction.average]);
  f.satisfaction.distribution.forEach((count, i) => lines.push(['satisfaction', String(i + 1), 'ratings', count]));
  for (const d of f.trend) lines.push(['trend', d.day, 'received', d.received], ['trend', d.day, 'answered', d.answered]);
  return lines.map(csvLine).join('');
}
