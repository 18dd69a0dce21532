import { SafeHtml, html } from '@petitio/platform';
import { languageName, textDirection } from '@petitio/i18n';
import { ConsoleLanguage, consoleLanguages, consoleTexts } from '../i18n';
import { CONSOLE_CSS_PATH } from '../console-stylesheet';
import { CSRF_FIELD } from '../console-csrf';
import { pageDocument } from '@petitio/web-kit';
import type { StaffRole } from '@petitio/staff';

export interface ConsoleFrame {
  language: ConsoleLanguage;
  title: string;
  /** Who is signed in: the navigation shows the pages their roles may use, and sign-out carries their form token. Absent on the sign-in page. */
  signedIn?: { csrf: string; roles: readonly StaffRole[] };
  /** The page's own address (path and query), kept by the language switcher; without it the switcher goes back by Referer. */
  page?: string;
  /** A page's own script, same origin, progressive enhancement only: the page is complete without it. */
  script?: string;
}

/** The frame of every console page: skip link, navigation and sign-out when signed in, one stylesheet, no script. */
export function consoleLayout(frame: ConsoleFrame, content: SafeHtml): SafeHtml {
  const t = consoleTexts(frame.language);
  return pageDocument(
    {
      language: frame.language,
      dir: textDirection(frame.language),
      title: frame.title,
      siteName: t.siteName,
      skipToContent: t.skipToContent,
      stylesheet: CONSOLE_CSS_PATH,
      script: frame.script,
      bodyClass: 'console',
    },
    html`<a class="brand" href="/staff/inbox">${t.siteName}</a>
${languageSwitcher(frame)}
${frame.signedIn ? signedInHeader(frame.signedIn, t) : ''}`,
    content,
  );
}

/** Links to the page in the other languages: /staff/language/<lang> remembers the choice and comes back here. */
function languageSwitcher(frame: ConsoleFrame): SafeHtml {
  const back = frame.page ? `?back=${encodeURIComponent(frame.page)}` : '';
  const others = consoleLanguages().filter((l) => l !== frame.language);
  return html`<nav class="langs" aria-label="${consoleTexts(frame.language).languageSwitcher}"><ul>${others.map(
    (l) => html`<li><a href="/staff/language/${l}${back}" hreflang="${l}" lang="${l}">${languageName(l)}</a></li>`,
  )}</ul></nav>`;
}

/** A confirmation or a refusal at the top of a page or next to a form. */
export function notice(n: { kind: 'done' | 'refused'; text: string } | undefined, id?: string): SafeHtml | string {
  if (!n) return '';
  return html`<div class="notice${n.kind === 'refused' ? ' refused' : ''}"${id ? html` id="${id}"` : ''} role="${n.kind === 'refused' ? 'alert' : 'status'}"><p>${n.text}</p></div>`;
}

export function formatDate(language: ConsoleLanguage, timeZone: string, at: Date): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at)}</time>`;
}

/** Navigation to the pages the user's roles may open, and the sign-out button. */
function signedInHeader(user: { csrf: string; roles: readonly StaffRole[] }, t: ReturnType<typeof consoleTexts>): SafeHtml {
  const overseer = user.roles.some((r) => r === 'center_admin' || r === 'supervisor');
  return html`<div class="who"><nav class="main" aria-label="${t.mainNavigation}"><a href="/staff/inbox">${t.inboxLink}</a>
${overseer ? html`<a href="/staff/dashboard">${t.dashboardLink}</a>` : ''}
${user.roles.includes('agent') ? html`<a href="/staff/calls/new">${t.callsLink}</a>` : ''}
${
  overseer
    ? html`<a href="/staff/users">${t.usersLink}</a>
<a href="/staff/admin/agencies">${t.directoryLink}</a>
<a href="/staff/admin/topics">${t.topicsLink}</a>
<a href="/staff/admin/webhooks">${t.webhooksLink}</a>`
    : ''
}
${
  user.roles.includes('center_admin')
    ? html`<a href="/staff/admin/routing">${t.routingLink}</a>
<a href="/staff/admin/sla-policies">${t.slaPoliciesLink}</a>
<a href="/staff/admin/api-clients">${t.apiClientsLink}</a>`
    : ''
}</nav>
<form method="post" action="/staff/sign-out"><input type="hidden" name="${CSRF_FIELD}" value="${user.csrf}"><button type="submit">${t.signOut}</button></form></div>`;
}
