/** Reading server-rendered pages in supertest suites. */

/** The hidden submission key a rendered form carries. */
export function submissionKeyIn(page: string): string {
  const key = /name="submissionKey" value="([^"]+)"/.exec(page)?.[1];
  if (!key) throw new Error('the form carries no submissionKey');
  return key;
}

/** The text of the element with this id (receipt numbers, status words). */
export function textOf(page: string, id: string): string | undefined {
  return new RegExp(`id="${id}">([^<]*)<`).exec(page)?.[1];
}

/** A page's text as a reader sees it: tags dropped, entities a view escapes decoded, white space collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
