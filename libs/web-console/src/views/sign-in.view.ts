import { SafeHtml, html } from '@petitio/platform';
import { FieldErrors, errorSummary, textField } from '@petitio/web-kit';
import { ConsoleLanguage, consoleTexts } from '../i18n';
import { consoleLayout, notice } from './layout';

export interface SignInModel {
  email: string;
  errors: FieldErrors;
  /** Wrong credentials or a locked account: one sentence for the whole form. */
  refused?: string;
  signedOut?: boolean;
}

/** The sign-in form; the password is never filled back in. */
export function signInPage(language: ConsoleLanguage, m: SignInModel): SafeHtml {
  const t = consoleTexts(language);
  const s = t.signIn;
  return consoleLayout(
    { language, title: s.title, page: '/staff/sign-in' },
    html`<h1>${s.title}</h1>
${notice(m.signedOut ? { kind: 'done', text: s.signedOut } : undefined)}
${notice(m.refused ? { kind: 'refused', text: m.refused } : undefined, 'sign-in-refused')}
${errorSummary(t.errorSummary, m.errors)}
<p>${s.intro}</p>
<form method="post" action="/staff/sign-in" novalidate>
${textField({ id: 'email', label: s.email, value: m.email, type: 'email', autocomplete: 'username' }, m.errors)}
<div class="field">
<label for="password">${s.password}</label>
${m.errors.password ? html`<p class="error" id="password-error">${m.errors.password}</p>` : ''}
<input type="password" id="password" name="password" autocomplete="current-password"${m.errors.password ? html` aria-describedby="password-error" aria-invalid="true"` : ''}>
</div>
<button type="submit">${s.submit}</button>
</form>`,
  );
}
