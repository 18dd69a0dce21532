/**
 * Whether the digits at [start, end) stand alone: no digit touches them, nor a digit behind one of `joiners`
 * ("1.250", "3,5"), so the middle of a longer number or an amount is never read as an identifier.
 */
export function standsAlone(text: string, start: number, end: number, joiners = '.,'): boolean {
  const isDigit = (i: number) => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  if (isDigit(start - 1) || (joiners.includes(text[start - 1]) && isDigit(start - 2))) return false;
  if (isDigit(end) || (joiners.includes(text[end]) && isDigit(end + 1))) return false;
  return true;
}

export function digitsOf(span: string): string {
  return span.replace(/\D/g, '');
}
