/** The caller's language: `?lang=`, else the first supported Accept-Language tag, else the default. */
export function negotiateLanguage(supported: string[], acceptLanguage?: string, explicit?: string): string {
  if (explicit && supported.includes(explicit)) return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [range, ...params] = part.split(';');
    // q=0 means "not this one" (RFC 9110): a browser may list a language only to refuse it.
    if (params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))) continue;
    const tag = range.trim().toLowerCase().slice(0, 2);
    if (supported.includes(tag)) return tag;
  }
  return supported[0];
}
