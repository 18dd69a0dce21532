import { SafeHtml } from '@petitio/platform';
import { textArea } from '@petitio/web-kit';
import { ConsoleTexts } from '@petitio/web-console';
import { ApplicationPageModel, actionForm, actionPath, mayAct } from '@petitio/web-console';

/** One extension form per deadline the clock model says may be extended now. */
export function deadlineActions(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml[] {
  const d = t.detail;
  if (!mayAct(m, 'extend')) return [];
  return m.application.deadlines
    .filter((c) => c.extendable)
    .map((c) => {
      const key = `extend-${c.kind}` as const;
      const title = d.extend.title({ deadline: d.clockKinds[c.kind] ?? c.kind });
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
