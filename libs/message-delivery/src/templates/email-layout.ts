import { SafeHtml, html } from '@petitio/platform';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

const AUTOMATIC_NOTICE: Record<string, string> = {
  en: 'This message was sent automatically by Petitio. Please do not reply to it.',
  tr: 'Bu ileti Petitio tarafından otomatik olarak gönderilmiştir. Lütfen yanıtlamayın.',
  ar: 'أُرسلت هذه الرسالة تلقائيًا من Petitio. يُرجى عدم الرد عليها.',
};

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
  return AUTOMATIC_NOTICE[language] ?? AUTOMATIC_NOTICE.en;
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
