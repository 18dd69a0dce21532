import { SafeHtml, html } from '@petitio/platform';
import { languageName, textDirection } from '@petitio/i18n';
import { PortalLanguage, portalLanguages, textsFor } from '../i18n';
import { PORTAL_CSS_PATH } from '@petitio/web-kit';
import { pageDocument } from '@petitio/web-kit';

export interface PageFrame {
  language: PortalLanguage;
  title: string;
  /** The page's path after the language (`apply`, `status`, '' for home), for the language switcher. */
  page: string;
}

/** The frame of every portal page: language and direction, skip link, language switcher, one stylesheet, no script. */
export function layout(frame: PageFrame, content: SafeHtml): SafeHtml {
  const t = textsFor(frame.language);
  const others = portalLanguages().filter((l) => l !== frame.language);
  return pageDocument(
    {
      language: frame.language,
      dir: textDirection(frame.language),
      title: frame.title,
      siteName: t.siteName,
      skipToContent: t.skipToContent,
      stylesheet: PORTAL_CSS_PATH,
    },
    html`<a class="brand" href="/${frame.language}/">${t.siteName}</a>
<nav class="langs" aria-label="${t.languageSwitcher}"><ul>${others.map(
      (l) => html`<li><a href="/${l}/${frame.page}" hreflang="${l}" lang="${l}">${languageName(l)}</a></li>`,
    )}</ul></nav>`,
    content,
  );
}
