import { catalogs } from '@petitio/i18n';
import { SafeHtml, html } from '@petitio/platform';
import { emailLanguage } from './message-template';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/**
 * Stands for the tracking number in a message formatted from the catalog, until it is written out: as it is in
 * the text, set apart in the HTML. No catalog message contains it.
 */
export const TRACKING_NUMBER = '\u0000';

/** Catalog messages of several paragraphs separate them by a blank line. */
const PARAGRAPH_BREAK = '\n\n';

/** A complete, self-contained HTML email: language and direction set, no external images or styles. */
export function emailDocument(language: string, subject: string, body: SafeHtml): string {
  const dir = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  return html`<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${subject}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em; margin: 0 auto; padding: 1em;">
${body}
<hr style="border: none; border-top: 1px solid #ccc; margin-top: 2em;">
<p style="font-size: 13px; color: #555;">${automaticNotice(language)}</p>
</body>
</html>
`.value;
}

export function automaticNotice(language: string): string {
  return catalogs.texts('email', emailLanguage(language)).automaticNotice;
}

/** A message formatted with `TRACKING_NUMBER` for its tracking number, as text, the number written in. */
export function textWithTrackingNumber(message: string, trackingNumber: string): string {
  return message.split(TRACKING_NUMBER).join(trackingNumber);
}

/** A catalog message as HTML paragraphs, one a line, the tracking number set apart where `TRACKING_NUMBER` marks it. */
export function paragraphsHtml(message: string, trackingNumber = ''): SafeHtml {
  const paragraph = (words: string) =>
    html`<p>${words.split(TRACKING_NUMBER).map((part, i) => (i === 0 ? html`${part}` : html`${trackingNumberHtml(trackingNumber)}${part}`))}</p>`;
  return html`${message.split(PARAGRAPH_BREAK).map((words, i) => (i === 0 ? paragraph(words) : html`\n${paragraph(words)}`))}`;
}

/** A link written out in full too, for mail clients that strip links. */
export function linkButton(url: string, label: string): SafeHtml {
  return html`<p><a href="${url}" style="display: inline-block; padding: 0.6em 1.2em; background: #0b5394; color: #fff; text-decoration: none; border-radius: 4px;">${label}</a></p>
<p style="font-size: 13px; color: #555; word-break: break-all;" dir="ltr">${url}</p>`;
}

/** Tracking numbers stay left-to-right inside Arabic text. */
export function trackingNumberHtml(trackingNumber: string): SafeHtml {
  return html`<strong dir="ltr" style="unicode-bidi: isolate;">${trackingNumber}</strong>`;
}
