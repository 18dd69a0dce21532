import { MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

export type ArgumentKind = 'text' | 'number' | 'date' | 'time' | 'plural' | 'select';

/** One argument of a message and, for plural and select, the forms each use of it offers. */
export interface MessageArgument {
  kind: ArgumentKind;
  /** Every plural or select use's option keys (`one`, `other`, `=0`…), one list per use. */
  forms: string[][];
}

/** Tags stay literal text: the pages escape whatever the catalogs say, and no message carries markup. */
export function parseMessage(message: string): MessageFormatElement[] {
  return parse(message, { ignoreTag: true });
}

/** The arguments a message takes, by name; throws the parser's error on invalid ICU syntax. */
export function messageArguments(message: string): Map<string, MessageArgument> {
  const found = new Map<string, MessageArgument>();
  collect(parseMessage(message), found);
  return found;
}

function collect(elements: MessageFormatElement[], found: Map<string, MessageArgument>): void {
  for (const element of elements) {
    const kind = kindOf(element);
    if (kind === undefined || !('value' in element) || typeof element.value !== 'string') continue;
    const known = found.get(element.value) ?? { kind, forms: [] };
    // A plural argument also used plainly (`{n}` beside `{n, plural, …}`) is still a number.
    if (known.kind === 'text' && kind !== 'text') known.kind = kind;
    found.set(element.value, known);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      known.forms.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) collect(option.value, found);
    }
  }
}

function kindOf(element: MessageFormatElement): ArgumentKind | undefined {
  switch (element.type) {
    case TYPE.argument:
      return 'text';
    case TYPE.number:
      return 'number';
    case TYPE.date:
      return 'date';
    case TYPE.time:
      return 'time';
    case TYPE.plural:
      return 'plural';
    case TYPE.select:
      return 'select';
    default:
      return undefined;
  }
}

/** The plural forms a language's integers fall into (Arabic: zero, one, two, few, many, other). */
export function integerPluralForms(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  const forms = new Set<string>(['other']);
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  forms.add(rules.select(1_000_000));
  return [...forms].sort();
}
