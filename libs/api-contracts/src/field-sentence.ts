import type { ValidationOptions } from 'class-validator';
import type { ApiCatalog } from '@petitio/i18n';

type FieldSentences = ApiCatalog['fields'];

/** A sentence of `api.json`'s `fields` by its key (the open map's any-string key left out, so a typo does not compile). */
export type FieldSentence = keyof { [K in keyof FieldSentences as string extends K ? never : K]: FieldSentences[K] };

type ArgumentsOf<K extends FieldSentence> = Omit<Parameters<FieldSentences[K]>[0], 'field'>;

/**
 * The sentence a failed check answers with when its code's own says too little (`matches` → "must not be
 * blank"), and the arguments it needs beyond the field; the validation pipe reads it from `context`.
 */
export function says<K extends FieldSentence>(sentence: K, ...args: keyof ArgumentsOf<K> extends never ? [] : [ArgumentsOf<K>]): ValidationOptions {
  return { context: { sentence, ...(args[0] ? { args: args[0] } : {}) } };
}
