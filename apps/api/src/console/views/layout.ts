import { SafeHtml, html } from '@petitio/platform';
import { CONSOLE_LANGUAGES, ConsoleLanguage, consoleTexts } from '../i18n';
import { CONSOLE_CSS_PATH } from '../console-stylesheet';
import { CSRF_FIELD } from '../console-csrf';
import type { StaffRole } from '@petitio/staff';

export interface ConsoleFrame {
  language: ConsoleLanguage;
  title: string;
  /** The form token of the signed-in user: the header gets the sign-out button. Absent on the sign-in page. */
  csrf?: string;
  /** The page's own address (path and query), kept by the language switcher; without it the switcher goes back by Referer. */
  page?: string;
  /** A page's own script, same origin, progressive enhancement only: the page is complete without it. */
  script?: string;
  /** The signed-in user's roles: the navigation shows the pages they may use. */
  roles?: readonly StaffRole[];
}

/** The frame of every console page: skip link, navigation and sign-out when signed in, one stylesheet, no script. */
export function consoleLayout(frame: ConsoleFrame, content: SafeHtml): SafeHtml {
  const t = consoleTexts(frame.language);
  return html`<!doctype html>
<html lang="${frame.language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} – ${t.siteName}</title>
<link rel="stylesheet" href="${CONSOLE_CSS_PATH}">
${frame.script ? html`<script src="${frame.script}" defer></script>` : ''}
</head>
<body class="console">
<a class="skip" href="#main">${t.skipToContent}</a>
<header>
<a class="brand" href="/staff/inbox">${t.siteName}</a>
${languageSwitcher(frame)}
${frame.csrf
  ? html`<div class="who"><nav class="main" aria-label="${t.mainNavigation}"><a href="/staff/inbox">${t.inboxLink}</a>
<a href="/staff/dashboard">${t.dashboardLink}</a>
${frame.roles?.includes('agent') ? html`<a href="/staff/calls/new">${t.callsLink}</a>` : ''}
${frame.roles?.some((r) => r === 'center_admin' || r === 'supervisor') ? html`<a href="/staff/users">${t.usersLink}</a>` : ''}</nav>
<form method="post" action="/staff/sign-out"><input type="hidden" name="${CSRF_FIELD}" value="${frame.csrf}"><button type="submit">${t.signOut}</button></form></div>`
  : ''}
</header>
<main id="main" tabindex="-1">
${content}
</main>
</body>
</html>
`;
}

/** Links to the page in the other languages: /staff/language/<lang> remembers the choice and comes back here. */
function languageSwitcher(frame: ConsoleFrame): SafeHtml {
  const back = frame.page ? `?back=${encodeURIComponent(frame.page)}` : '';
  const others = CONSOLE_LANGUAGES.filter((l) => l !== frame.language);
  return html`<nav class="langs" aria-label="${consoleTexts(frame.language).languageSwitcher}"><ul>${others.map(
    (l) => html`<li><a href="/staff/language/${l}${back}" hreflang="${l}" lang="${l}">${consoleTexts(l).languageName}</a></li>`,
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
