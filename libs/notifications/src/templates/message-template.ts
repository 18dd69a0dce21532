import { SafeHtml } from './html';

/** What one template says in one language: the HTML is the inner body; the layout wraps it. */
export interface MessageTexts {
  subject: string;
  text: string;
  html: SafeHtml;
}

/** What a citizen message may show: the tracking number and the status link, and the answer when it is the answer. */
export interface CitizenContext {
  /** Formatted 4-4-3, e.g. 4827-3915-602. */
  trackingNumber: string;
  statusUrl: string;
  /** Only the answer and information-request templates show it (params.body). */
  body?: string;
}

export interface InvitationContext {
  setPasswordUrl: string;
  linkValidHours: number;
}

/** Wording per language; `en` is required because it is the fallback for languages without a translation. */
export type Localized<C> = { en: (context: C) => MessageTexts } & Partial<Record<string, (context: C) => MessageTexts>>;

export type MessageTemplateDefinition =
  | { audience: 'citizen'; texts: Localized<CitizenContext> }
  | { audience: 'staff_invitation'; texts: Localized<InvitationContext> };

/** The recipient's language if the template has it (tr-TR counts as tr), else English. */
export function inLanguage<C>(texts: Localized<C>, language: string): { language: string; render: (context: C) => MessageTexts } {
  const base = language.toLowerCase().split(/[-_]/)[0];
  const render = texts[base];
  return render ? { language: base, render } : { language: 'en', render: texts.en };
}
