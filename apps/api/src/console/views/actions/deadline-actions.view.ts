import { SafeHtml } from '@petitio/platform';
import { textArea } from '../../../portal/views/form-fields';
import { ConsoleTexts } from '../../i18n';
import { ApplicationPageModel, actionForm, actionPath, mayAct } from '../action-form';

/** One extension form per deadline the clock model says may be extended now. */
export function deadlineActions(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml[] {
  const d = t.detail;
  if (!mayAct(m, 'extend')) return [];
  return m.application.deadlines
    .filter((c) => c.extendable)
    .map((c) => {
      const key = `extend-${c.kind}` as const;
      const title = d.extend.title.replace('{deadline}', d.clockKinds[c.kind] ?? c.kind);
      return actionForm(
        t,
        m,
        key,
        { title, submit: d.extend.submit },
        actionPath(m, 'extend', c.kind),
        textArea({ id: `${key}-reason`, name: 'reason', label: d.extend.reason, hint: d.extend.hint, value: m.values[`${key}-reason`], rows: 3 }, m.errors),
      );
    });
}
