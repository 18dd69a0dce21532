/** The caller's language: `?lang=`, else the first supported Accept-Language tag, else the default. */
export function negotiateLanguage(supported: string[], acceptLanguage?: string, explicit?: string): string {
  if (explicit && supported.includes(explicit)) return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (supported.includes(tag)) return tag;
  }
  return supported[0];
}
