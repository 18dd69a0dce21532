import { canBeAssigned, canTakeInterimAnswer } from '@petitio/casework';
import { canTransition } from '@petitio/applications';
import { SafeHtml, html } from '@petitio/platform';
import { textArea } from '@petitio/web-kit';
import { ConsoleTexts } from '@petitio/web-console';
import { ApplicationPageModel, actionForm, actionPath, mayAct, selectField } from '@petitio/web-console';
import { notice } from '@petitio/web-console';

/** Who works on it and what is written to the citizen: claim, start, assign, ask, interim answer, answer. */
export function caseworkActions(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml[] {
  const d = t.detail;
  const a = m.application;
  const forms: SafeHtml[] = [];
  if (mayAct(m, 'claim') && ['routed', 'reopened'].includes(a.status) && a.assignedOfficer?.id !== m.viewer.userId) {
    forms.push(actionForm(t, m, 'claim', d.claim, actionPath(m, 'claim'), html`<p>${d.claim.intro}</p>`));
  }
  if (mayAct(m, 'start') && a.assignedOfficer && canTransition(a.status, 'in_progress')) {
    forms.push(actionForm(t, m, 'start', d.start, actionPath(m, 'start'), html`<p>${d.start.intro}</p>`));
  }
  if (mayAct(m, 'assign') && a.agency && canBeAssigned(a.status)) {
    const officers = m.choices.officers;
    forms.push(
      actionForm(
        t,
        m,
        'assign',
        d.assign,
        actionPath(m, 'assign'),
        officers.length
          ? selectField(
              {
                id: 'assign-officerId',
                name: 'officerId',
                label: d.assign.officer,
                hint: d.assign.hint,
                placeholder: d.assign.choose,
                options: officers,
                value: m.values['assign-officerId'],
              },
              m.errors,
            )
          : html`<p>${d.assign.noOfficer}</p>`,
      ),
    );
  }
  if (mayAct(m, 'ask') && canTransition(a.status, 'awaiting_citizen')) {
    forms.push(
      actionForm(
        t,
        m,
        'ask',
        d.ask,
        actionPath(m, 'ask'),
        textArea({ id: 'ask-question', name: 'question', label: d.ask.text, hint: d.ask.hint, value: m.values['ask-question'], rows: 4 }, m.errors),
      ),
    );
  }
  if (mayAct(m, 'interim') && canTakeInterimAnswer(a.status, a.agency?.id ?? null)) {
    forms.push(
      actionForm(
        t,
        m,
        'interim',
        d.interim,
        actionPath(m, 'interim'),
        textArea({ id: 'interim-text', name: 'text', label: d.interim.text, hint: d.interim.hint, value: m.values['interim-text'], rows: 4 }, m.errors),
      ),
    );
  }
  if (mayAct(m, 'answer') && canTransition(a.status, 'answered')) forms.push(cannedSection(t, m), answerForm(t, m));
  return forms;
}

/**
 * The agency's canned responses, above the answer: "Use this response" asks for the page again with the response
 * filled in for this application (a GET: nothing changes) and the officer completes and sends it as the answer.
 */
function cannedSection(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml {
  const d = t.detail;
  const responses = m.choices.cannedResponses;
  return html`<section aria-labelledby="canned-title" id="action-canned">
<h3 id="canned-title">${d.canned.title}</h3>
${
  responses.length
    ? html`<form method="get" action="/staff/applications/${m.application.id}" novalidate>
${selectField({ id: 'canned-response', name: 'canned', label: d.canned.response, hint: d.canned.hint, placeholder: d.transfer.choose, options: responses, value: m.values['canned-response'] }, m.errors)}
<button type="submit">${d.canned.submit}</button>
</form>`
    : html`<p>${d.canned.none}</p>`
}
</section>`;
}

function answerForm(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml {
  const d = t.detail;
  const drafted = notice(m.draft !== undefined ? { kind: 'done', text: d.canned.drafted } : undefined, 'canned-drafted');
  const text = textArea({ id: 'answer-text', name: 'text', label: d.answer.text, hint: d.answer.hint, value: m.values['answer-text'] ?? m.draft }, m.errors);
  return actionForm(t, m, 'answer', d.answer, actionPath(m, 'answer'), html`${drafted}${text}`);
}
