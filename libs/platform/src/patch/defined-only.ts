/** A PATCH body's fields that were given: a field left undefined keeps its stored value, while null still clears it. */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
