import { canBeClosed } from '@petitio/casework';
import { canTransition } from '@petitio/applications';
import { SafeHtml, html } from '@petitio/platform';
import { textArea, textField } from '@petitio/web-kit';
import { ConsoleTexts } from '@petitio/web-console';
import { ApplicationPageModel, actionForm, actionPath, mayAct, selectField } from '@petitio/web-console';

/** How the application leaves the agency's hands: transfer, rejection, merge as a duplicate, closing. */
export function dispositionActions(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml[] {
  const d = t.detail;
  const a = m.application;
  const v = m.values;
  const forms: SafeHtml[] = [];
  if (mayAct(m, 'transfer') && canTransition(a.status, 'routed')) {
    const agencies = m.choices.agencies.filter((g) => g.value !== a.agency?.id);
    forms.push(
      actionForm(
        t,
        m,
        'transfer',
        d.transfer,
        actionPath(m, 'transfer'),
        html`${selectField({ id: 'transfer-toAgencyId', name: 'toAgencyId', label: d.transfer.agency, placeholder: d.transfer.choose, options: agencies, value: v['transfer-toAgencyId'] }, m.errors)}
${selectField({ id: 'transfer-reasonCode', name: 'reasonCode', label: d.transfer.reason, placeholder: d.transfer.choose, options: m.choices.transferReasons, value: v['transfer-reasonCode'] }, m.errors)}
${textArea({ id: 'transfer-note', name: 'note', label: d.transfer.note, hint: d.transfer.noteHint, value: v['transfer-note'], rows: 3 }, m.errors)}`,
      ),
    );
  }
  if (mayAct(m, 'reject') && canTransition(a.status, 'rejected')) {
    forms.push(
      actionForm(
        t,
        m,
        'reject',
        d.reject,
        actionPath(m, 'reject'),
        html`${selectField({ id: 'reject-reasonCode', name: 'reasonCode', label: d.reject.reason, placeholder: d.reject.choose, options: m.choices.rejectionReasons, value: v['reject-reasonCode'] }, m.errors)}
${textArea({ id: 'reject-text', name: 'text', label: d.reject.text, hint: d.reject.hint, value: v['reject-text'], rows: 4 }, m.errors)}`,
      ),
    );
  }
  if (mayAct(m, 'duplicate') && !a.duplicateOfId && canTransition(a.status, 'closed')) {
    forms.push(
      actionForm(
        t,
        m,
        'duplicate',
        d.duplicate,
        actionPath(m, 'duplicate'),
        textField(
          { id: 'duplicate-originalId', name: 'originalId', label: d.duplicate.original, hint: d.duplicate.hint, value: v['duplicate-originalId'] },
          m.errors,
        ),
      ),
    );
  }
  if (mayAct(m, 'close') && canBeClosed(a.status)) {
    forms.push(actionForm(t, m, 'close', d.close, actionPath(m, 'close'), html`<p>${d.close.intro}</p>`));
  }
  return forms;
}
