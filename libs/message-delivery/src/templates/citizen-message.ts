import { linkButton, paragraphsHtml, textWithTrackingNumber, TRACKING_NUMBER } from './email-layout';
import { html, paragraphsOf } from '@petitio/platform';
import { CitizenContext, MessageTexts } from './message-template';

/** The values a citizen message may say; each message of the `email` catalog takes those it needs. */
interface CitizenValues {
  readonly tracking: string;
  readonly deadline: string;
  /** How to answer: `this_message`, `number` (then `number` is the number to text) or `status_page`. */
  readonly replyBy: CitizenContext['replyBy']['kind'];
  readonly number: string;
}

/** What a citizen template says in one language: its entry in the `email` catalog. */
export interface CitizenWords {
  readonly subject: (values: CitizenValues) => string;
  /** Paragraphs separated by a blank line. */
  readonly body: (values: CitizenValues) => string;
  readonly link: string;
  /** Heading above the staff's own words (the answer, or the question asked); templates without one carry no text. */
  readonly heading?: string;
}

/** One shape for every citizen message: what happened, the answer if this is it, the status link. */
export function citizenMessage(context: CitizenContext, words: CitizenWords): MessageTexts {
  const { replyBy, trackingNumber } = context;
  const values: CitizenValues = {
    tracking: TRACKING_NUMBER,
    deadline: context.deadline ?? '',
    replyBy: replyBy.kind,
    number: replyBy.kind === 'number' ? replyBy.number : '',
  };
  const body = words.body(values);
  const answer = words.heading && context.body ? { heading: words.heading, body: context.body.trim() } : undefined;

  const text = [
    textWithTrackingNumber(body, trackingNumber),
    ...(answer ? [`${answer.heading}\n\n${answer.body}`] : []),
    `${words.link}:\n${context.statusUrl}`,
  ].join('\n\n');
  const bodyHtml = html`${paragraphsHtml(body, trackingNumber)}\n${
    answer
      ? html`<h2 style="font-size: 18px;">${answer.heading}</h2>\n<blockquote style="margin: 0 0 1em; padding: 0 1em; border-inline-start: 4px solid #ccc;">${paragraphsOf(answer.body)}</blockquote>\n`
      : ''
  }${linkButton(context.statusUrl, words.link)}`;
  return { subject: textWithTrackingNumber(words.subject(values), trackingNumber), text, html: bodyHtml };
}
