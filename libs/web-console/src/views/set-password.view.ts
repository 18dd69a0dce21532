import { SafeHtml, html } from '@petitio/platform';
import { PASSWORD_MIN_LENGTH } from '@petitio/staff';
import { FieldErrors, errorSummary, hidden } from '@petitio/web-kit';
import { ConsoleLanguage, consoleTexts } from '../i18n';
import { consoleLayout } from './layout';

export interface SetPasswordModel {
  /** The signed token from the invitation link, carried on in a hidden field. */
  token: string;
  errors: FieldErrors;
}

/** The page an invitation link opens: the password policy and one password field. */
export function setPasswordPage(language: ConsoleLanguage, m: SetPasswordModel): SafeHtml {
  const t = consoleTexts(language);
  const s = t.setPassword;
  const min = PASSWORD_MIN_LENGTH;
  const error = m.errors.password;
  return consoleLayout(
    { language, title: s.title, page: `/staff/set-password?token=${encodeURIComponent(m.token)}` },
    html`<h1>${s.title}</h1>
${errorSummary(t.errorSummary, m.errors)}
<p>${s.intro}</p>
<form method="post" action="/staff/set-password" novalidate>
${hidden('token', m.token)}
<div class="field">
<label for="password">${s.password}</label>
<p class="hint" id="password-policy">${s.policy({ min })}</p>
${error ? html`<p class="error" id="password-error">${error}</p>` : ''}
<input type="password" id="password" name="password" autocomplete="new-password" aria-describedby="password-policy${error ? ' password-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
</div>
<button type="submit">${s.submit}</button>
</form>`,
  );
}

/** An invitation link expired, used or made up: says so, and what to do. */
export function invalidPasswordLinkPage(language: ConsoleLanguage): SafeHtml {
  const s = consoleTexts(language).setPassword;
  return consoleLayout(
    { language, title: s.invalidTitle },
    html`<h1>${s.invalidTitle}</h1>
<p id="link-invalid">${s.invalid}</p>
<p><a href="/staff/sign-in">${s.toSignIn}</a></p>`,
  );
}
