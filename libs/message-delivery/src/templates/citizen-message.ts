import { linkButton, trackingNumberHtml } from './email-layout';
import { SafeHtml, html, paragraphsOf } from '@petitio/platform';
import { CitizenContext, MessageTexts } from './message-template';

/** What a citizen template says in one language; `{tracking}` and `{deadline}` mark where the tracking number and the date go. */
export interface CitizenWording {
  subject: string;
  paragraphs: string[];
  linkLabel: string;
  /** Heading above the staff's own words (the answer, or the question asked); templates without one carry no text. */
  answerHeading?: string;
}

/** One shape for every citizen message: what happened, the answer if this is it, the status link. */
export function citizenMessage(context: CitizenContext, wording: CitizenWording): MessageTexts {
  const answer = wording.answerHeading && context.body ? { heading: wording.answerHeading, body: context.body.trim() } : undefined;
  const withDeadline = (sentence: string) => sentence.split('{deadline}').join(context.deadline ?? '');
  const withNumber = (sentence: string) => withDeadline(sentence).split('{tracking}').join(context.trackingNumber);
  const withNumberHtml = (sentence: string): SafeHtml =>
    html`${withDeadline(sentence)
      .split('{tracking}')
      .map((part, i) => (i === 0 ? html`${part}` : html`${trackingNumberHtml(context.trackingNumber)}${part}`))}`;

  const text = [
    ...wording.paragraphs.map(withNumber),
    ...(answer ? [`${answer.heading}\n\n${answer.body}`] : []),
    `${wording.linkLabel}:\n${context.statusUrl}`,
  ].join('\n\n');
  const body = html`${wording.paragraphs.map((p) => html`<p>${withNumberHtml(p)}</p>\n`)}${
    answer
      ? html`<h2 style="font-size: 18px;">${answer.heading}</h2>\n<blockquote style="margin: 0 0 1em; padding: 0 1em; border-inline-start: 4px solid #ccc;">${paragraphsOf(answer.body)}</blockquote>\n`
      : ''
  }${linkButton(context.statusUrl, wording.linkLabel)}`;
  return { subject: withNumber(wording.subject), text, html: body };
}
