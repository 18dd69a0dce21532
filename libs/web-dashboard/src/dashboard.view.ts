import type { StaffRole } from '@petitio/staff';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { AGING_BUCKETS, DashboardFigures, DashboardHeadline, DeadlineDimension, DurationFigures, TrendDay } from '@petitio/reporting';
import { CHANNELS } from '@petitio/applications';
import { SafeHtml, html } from '@petitio/platform';
import { FieldErrors, errorSummary, fieldError, selected, textField } from '@petitio/web-kit';
import { ConsoleLanguage, ConsoleTexts, consoleTexts } from '@petitio/web-console';
import { consoleLayout } from '@petitio/web-console';
import { DashboardLinks } from './dashboard-links';
import { DASHBOARD_SCRIPT_PATH } from './dashboard-live';

/** The dashboard's filters as the query string carries them (text, as typed). */
export interface DashboardParams {
  from: string;
  to: string;
  agency: string;
  type: string;
  topic: string;
  channel: string;
}

export interface DashboardPageModel {
  params: DashboardParams;
  errors: FieldErrors;
  /** Null when the filters were refused. */
  figures: DashboardFigures | null;
  csrf: string;
  roles: readonly StaffRole[];
  /** When the figures were read, already formatted for the reader. */
  asOf: string;
  /** The period the figures were read for (local days, both included) and today's local date: the figures' inbox links. */
  period: { from: string; to: string } | null;
  today: string;
}

const HEADLINE: (keyof DashboardHeadline)[] = ['open', 'receivedToday', 'dueToday', 'atRisk', 'breached'];
const DIMENSIONS: DeadlineDimension[] = ['agency', 'type', 'topic', 'channel'];

/** The same filters as a query string, '' when none is set. */
export function dashboardQuery(params: DashboardParams): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
  return query ? `?${query}` : '';
}

/** A figure as a link to the inbox listing the applications it counts. */
const figureLink = (href: string, value: number) => html`<a href="${href}">${value}</a>`;

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10}%`);
const hours = (t: ConsoleTexts, seconds: number | null) => (seconds === null ? '–' : t.dashboard.hours({ n: (seconds / 3600).toFixed(1) }));

export function dashboardPage(language: ConsoleLanguage, m: DashboardPageModel): SafeHtml {
  const t = consoleTexts(language);
  const d = t.dashboard;
  const p = m.params;
  const query = dashboardQuery(p);
  return consoleLayout(
    { language, title: d.title, signedIn: { csrf: m.csrf, roles: m.roles }, script: DASHBOARD_SCRIPT_PATH, page: `/staff/dashboard${query}` },
    html`<h1>${d.title}</h1>
${errorSummary(t.errorSummary, m.errors)}
<form method="get" action="/staff/dashboard" class="filters" aria-labelledby="filters-title">
<h2 id="filters-title">${d.filters}</h2>
<div class="field"><label for="from">${d.from}</label>${fieldError('from', m.errors)}<input type="date" id="from" name="from" value="${p.from}"></div>
<div class="field"><label for="to">${d.to}</label>${fieldError('to', m.errors)}<input type="date" id="to" name="to" value="${p.to}"></div>
${textField({ id: 'agency', label: d.agency, value: p.agency, hint: d.agencyHint, maxlength: 64 }, m.errors)}
${textField({ id: 'topic', label: d.topic, value: p.topic, maxlength: 64 }, m.errors)}
<div class="field"><label for="type">${d.type}</label>${fieldError('type', m.errors)}
<select id="type" name="type"><option value="">${d.any}</option>${APPLICATION_TYPES.map((v) => html`<option value="${v}"${selected(p.type === v)}>${t.types[v] ?? v}</option>`)}</select></div>
<div class="field"><label for="channel">${d.channel}</label>${fieldError('channel', m.errors)}
<select id="channel" name="channel"><option value="">${d.any}</option>${CHANNELS.map((v) => html`<option value="${v}"${selected(p.channel === v)}>${t.channels[v] ?? v}</option>`)}</select></div>
<div><button type="submit">${d.apply}</button> <a href="/staff/dashboard">${d.clear}</a></div>
</form>
${m.figures ? figuresOf(t, m, query) : ''}`,
  );
}

function figuresOf(t: ConsoleTexts, m: DashboardPageModel, query: string): SafeHtml {
  const d = t.dashboard;
  const f = m.figures!;
  const p = m.params;
  const links = new DashboardLinks({ agency: p.agency, type: p.type, topic: p.topic, channel: p.channel }, m.period!, m.today);
  const monthly = f.trend[0]?.unit === 'month';
  return html`<p><a href="/staff/dashboard.csv${query}" id="export-csv">${d.exportCsv}</a></p>
<section aria-labelledby="now-title" id="live" data-events="/staff/dashboard/events${query}">
<h2 id="now-title">${d.now}</h2>
<p id="live-status" data-template="${d.updatedAt({ time: '{time}' })}">${d.updatedAt({ time: m.asOf })}</p>
<table id="headline"><caption>${d.now}</caption>
<thead><tr><th scope="col">${d.figure}</th><th scope="col">${d.count}</th></tr></thead>
<tbody>${HEADLINE.map((key) => {
    const value = html`<span data-figure="${key}">${f.headline[key]}</span>`;
    return html`<tr><th scope="row">${d.headline[key]}</th><td><a href="${links.headline(key)}">${value} <span class="hint">(${d.showInInbox})</span></a></td></tr>`;
  })}</tbody></table>
</section>
<h2>${d.withinDeadlineTitle}</h2>
${DIMENSIONS.map((dimension) => {
  const rows = f.withinDeadline.filter((s) => s.dimension === dimension);
  return html`<table id="within-${dimension}"><caption>${d.dimensions[dimension]}</caption>
<thead><tr><th scope="col">${d.dimensions[dimension]}</th><th scope="col">${d.answered}</th><th scope="col">${d.withinDeadline}</th><th scope="col">${d.share}</th></tr></thead>
<tbody>${
    rows.length === 0
      ? html`<tr><td colspan="4">${d.empty}</td></tr>`
      : rows.map(
          (s) =>
            html`<tr data-key="${s.key ?? ''}"><th scope="row">${s.label ?? d.none}</th><td>${figureLink(links.withinDeadline(s, 'answered'), s.answered)}</td><td>${figureLink(links.withinDeadline(s, 'within'), s.withinDeadline)}</td><td>${percent(s.withinDeadline, s.answered)}</td></tr>`,
        )
  }</tbody></table>`;
})}
<h2>${d.responseTimesTitle}</h2>
<table id="response-times"><caption>${d.responseTimesTitle}</caption>
<thead><tr><th scope="col">${d.measure}</th><th scope="col">${d.measured}</th><th scope="col">${d.median}</th><th scope="col">${d.p90}</th></tr></thead>
<tbody>${durationRow(t, 'first-response', d.firstResponse, f.responseTimes.firstResponse, links.firstResponses())}${durationRow(t, 'answer', d.answer, f.responseTimes.answer, links.answers())}</tbody></table>
<p class="hint">${d.responseTimesNote}</p>
<h2>${d.agingTitle}</h2>
<table id="aging"><caption>${d.agingTitle}</caption>
<thead><tr><th scope="col">${d.ageDays}</th><th scope="col">${d.count}</th></tr></thead>
<tbody>${AGING_BUCKETS.map(
    (b) =>
      html`<tr data-key="${b}"><th scope="row">${b === '31+' ? d.agingOver : d.agingBucket({ range: b.replace('-', '–') })}</th><td>${figureLink(links.aging(b), f.aging[b])}</td></tr>`,
  )}</tbody></table>
<h2>${d.transfersTitle}</h2>
<table id="transfers"><caption>${d.transfersTitle}</caption>
<thead><tr><th scope="col">${d.figure}</th><th scope="col">${d.count}</th></tr></thead>
<tbody><tr data-key="applications"><th scope="row">${d.applications}</th><td>${figureLink(links.received(), f.transfers.applications)}</td></tr>
<tr data-key="transfers"><th scope="row">${d.transfers}</th><td>${figureLink(links.transferred(1), f.transfers.transfers)}</td></tr>
<tr data-key="per-application"><th scope="row">${d.perApplication}</th><td>${f.transfers.applications ? (f.transfers.transfers / f.transfers.applications).toFixed(2) : '–'}</td></tr>
<tr data-key="ping-pong"><th scope="row">${d.pingPong}</th><td>${figureLink(links.transferred(2), f.transfers.transferredTwiceOrMore)}</td></tr></tbody></table>
<h2>${d.channelsTitle}</h2>
<table id="channels"><caption>${d.channelsTitle}</caption>
<thead><tr><th scope="col">${d.channel}</th><th scope="col">${d.count}</th></tr></thead>
<tbody>${f.channels.length === 0 ? html`<tr><td colspan="2">${d.empty}</td></tr>` : f.channels.map((c) => html`<tr data-key="${c.channel}"><th scope="row">${t.channels[c.channel] ?? c.channel}</th><td>${figureLink(links.channel(c.channel), c.count)}</td></tr>`)}</tbody></table>
<h2>${d.satisfactionTitle}</h2>
<table id="satisfaction"><caption>${d.satisfactionTitle}</caption>
<thead><tr><th scope="col">${d.figure}</th><th scope="col">${d.count}</th></tr></thead>
<tbody><tr data-key="ratings"><th scope="row">${d.ratings}</th><td>${figureLink(links.rated(), f.satisfaction.ratings)}</td></tr>
<tr data-key="average"><th scope="row">${d.average}</th><td>${f.satisfaction.average ?? '–'}</td></tr>
${f.satisfaction.distribution.map((count, i) => html`<tr data-key="${i + 1}"><th scope="row">${d.stars({ n: i + 1 })}</th><td>${figureLink(links.stars(i + 1), count)}</td></tr>`)}</tbody></table>
<h2 id="trend-title">${monthly ? d.trendTitleMonthly : d.trendTitle}</h2>
${trendChart(t, f.trend)}
<table id="trend"><caption>${monthly ? d.trendTitleMonthly : d.trendTitle}</caption>
<thead><tr><th scope="col">${monthly ? d.month : d.day}</th><th scope="col">${d.received}</th><th scope="col">${d.answeredOnDay}</th></tr></thead>
<tbody>${f.trend.map((day) => html`<tr data-key="${day.day}"><th scope="row">${pointLabel(day)}</th><td>${figureLink(links.trend(day, 'received'), day.received)}</td><td>${figureLink(links.trend(day, 'answered'), day.answered)}</td></tr>`)}</tbody></table>`;
}

/** A day as YYYY-MM-DD, a month point as YYYY-MM. */
const pointLabel = (point: TrendDay) => (point.unit === 'month' ? point.day.slice(0, 7) : point.day);

function durationRow(t: ConsoleTexts, key: string, label: string, d: DurationFigures, link: string): SafeHtml {
  return html`<tr data-key="${key}"><th scope="row">${label}</th><td>${figureLink(link, d.count)}</td><td>${hours(t, d.median)}</td><td>${hours(t, d.p90)}</td></tr>`;
}

/** Two bars a day, received and answered; decorative detail aside, the table after it carries every number. */
function trendChart(t: ConsoleTexts, days: TrendDay[]): SafeHtml | string {
  if (days.length === 0) return '';
  const height = 120;
  const slot = 14;
  const max = Math.max(1, ...days.map((day) => Math.max(day.received, day.answered)));
  const bar = (value: number) => Math.round((value / max) * height);
  const description = t.dashboard.trendChart({ from: pointLabel(days[0]), to: pointLabel(days[days.length - 1]) });
  return html`<svg class="chart" role="img" aria-labelledby="trend-chart-title" viewBox="0 0 ${days.length * slot} ${height}" width="100%" height="${height}" preserveAspectRatio="none">
<title id="trend-chart-title">${description}</title>
${days.map(
  (day, i) =>
    html`<rect x="${i * slot + 1}" y="${height - bar(day.received)}" width="5" height="${bar(day.received)}" fill="#1d4ed8"></rect><rect x="${i * slot + 7}" y="${height - bar(day.answered)}" width="5" height="${bar(day.answered)}" fill="#0b6e2e"></rect>`,
)}
</svg>
<p class="hint"><span class="key key-received"></span> ${t.dashboard.received} <span class="key key-answered"></span> ${t.dashboard.answeredOnDay}</p>`;
}
