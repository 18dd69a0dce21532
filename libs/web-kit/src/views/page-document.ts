import { SafeHtml, html } from '@petitio/platform';

/** What every page of the portal and the console has around its header and content. */
export interface PageDocument {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  siteName: string;
  skipToContent: string;
  stylesheet: string;
  /** Same-origin progressive enhancement only; a page must be complete without it. */
  script?: string;
  bodyClass?: string;
}

/** The HTML document: language and direction, one stylesheet, a skip link to the main content. */
export function pageDocument(d: PageDocument, header: SafeHtml, content: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="${d.language}" dir="${d.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title} – ${d.siteName}</title>
<link rel="stylesheet" href="${d.stylesheet}">
${d.script ? html`<script src="${d.script}" defer></script>` : ''}
</head>
<body${d.bodyClass ? html` class="${d.bodyClass}"` : ''}>
<a class="skip" href="#main">${d.skipToContent}</a>
<header>
${header}
</header>
<main id="main" tabindex="-1">
${content}
</main>
</body>
</html>
`;
}
