import { SafeHtml, html } from '@petitio/platform';
import type { DeadlinePeriod, EscalationTarget, SlaPolicy, SlaPolicyView } from '@petitio/sla';
import type { StaffRole } from '@petitio/staff';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { Choice } from '@petitio/web-console';
import { consoleLayout } from '@petitio/web-console';
import { AdminRoutingTexts, adminRoutingTexts } from '../admin-routing-texts';

export interface SlaPoliciesPageModel {
  csrf: string;
  roles: readonly StaffRole[];
  policies: SlaPolicyView[];
  topics: Choice[];
  /** Names of the agencies the policies name, by id. */
  agencyNames: ReadonlyMap<string, string>;
}

export const SLA_PAGE = '/staff/admin/sla-policies';

/** Every policy with its terms in words: what it covers, how long, what pauses or restarts it, whom it tells. */
export function slaPoliciesPage(language: ConsoleLanguage, m: SlaPoliciesPageModel): SafeHtml {
  const a = adminRoutingTexts(language);
  const s = a.sla;
  const k = s.columns;
  return consoleLayout(
    { language, title: s.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: SLA_PAGE },
    html`<h1>${s.title}</h1>
<p>${s.intro}</p>
<table id="policies">
<caption>${s.caption}</caption>
<thead><tr><th scope="col">${k.code}</th><th scope="col">${k.type}</th><th scope="col">${k.kind}</th><th scope="col">${k.period}</th><th scope="col">${k.paused}</th><th scope="col">${k.transfer}</th><th scope="col">${k.ladder}</th><th scope="col">${k.status}</th><th scope="col">${k.actions}</th></tr></thead>
<tbody>${m.policies.map(
      (p) =>
        html`<tr data-code="${p.code}"><td>${p.code}</td><td>${scopeInWords(language, a, m, p)}</td><td>${consoleTexts(language).detail.clockKinds[p.kind]}</td><td>${periodInWords(a, p.period)}</td><td>${
          s.onAwaitingCitizen[p.onAwaitingCitizen]
        }</td><td>${s.onTransfer[p.onTransfer]}</td><td><ul class="ladder">${ladderInWords(a, p).map((line) => html`<li>${line}</li>`)}</ul></td><td>${
          p.active ? a.active : a.inactive
        }</td><td><a href="${SLA_PAGE}/${encodeURIComponent(p.code)}">${s.edit({ code: p.code })}</a></td></tr>`,
    )}</tbody>
</table>`,
  );
}

export function periodInWords(a: AdminRoutingTexts, period: DeadlinePeriod): string {
  return `${period.amount} ${a.sla.units[period.unit]}`;
}

/** Rung 1 gets the warnings, rung 2 the breach, each higher rung a re-escalation a period after the step before. */
export function ladderInWords(a: AdminRoutingTexts, p: Pick<SlaPolicy, 'ladder' | 'reEscalation'>): string[] {
  const s = a.sla;
  const targets = (rung: EscalationTarget[]) => rung.map((t) => s.targets[t]).join(` ${s.and} `);
  // A one-rung ladder tells its people both the warnings and the breach.
  if (p.ladder.length === 1) return [s.ladderWarnings({ targets: targets(p.ladder[0]) }), s.ladderBreach({ targets: targets(p.ladder[0]) })];
  return p.ladder.map((rung, i) => {
    if (i === 0) return s.ladderWarnings({ targets: targets(rung) });
    if (i === 1) return s.ladderBreach({ targets: targets(rung) });
    return p.reEscalation
      ? s.ladderReEscalation({ period: periodInWords(a, p.reEscalation), targets: targets(rung) })
      : s.ladderReEscalationNoPeriod({ targets: targets(rung) });
  });
}

function scopeInWords(language: ConsoleLanguage, a: AdminRoutingTexts, m: SlaPoliciesPageModel, p: SlaPolicy): string {
  const type = p.applicationType ? (consoleTexts(language).types[p.applicationType] ?? p.applicationType) : a.sla.anyType;
  const topic = p.topicId ? (m.topics.find((t) => t.value === p.topicId)?.label ?? a.sla.topicScope) : '';
  const agency = p.agencyId ? (m.agencyNames.get(p.agencyId) ?? a.sla.agencyScope) : '';
  return [type, topic, agency].filter(Boolean).join(' · ');
}
