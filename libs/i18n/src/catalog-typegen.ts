import type { CatalogJson } from './catalog-files';
import { ArgumentKind, messageArguments } from './message-arguments';

/**
 * Objects of a catalog that code reads by a key it holds at run time (a status, a field error's code): their
 * type also takes any string key, giving `string | undefined`. Every other object has exactly its keys.
 */
export type OpenMaps = Record<string, readonly string[]>;

const VALUE_TYPES: Record<ArgumentKind, string> = {
  text: 'string | number',
  number: 'number',
  plural: 'number',
  select: 'string',
  date: 'Date | number',
  time: 'Date | number',
};

/** The formatter's print width: a generated line longer than this is broken where the formatter breaks it. */
const PRINT_WIDTH = 160;

/** The TypeScript source of `catalog-types.ts`: one interface per namespace, in the source catalog's shape. */
export function catalogTypesSource(namespaces: Record<string, CatalogJson>, openMaps: OpenMaps): string {
  const lines = [
    '// Generated from the source catalogs (libs/i18n/catalogs/en) by `npm run catalogs:types`; do not edit.',
    '// A message without arguments is a string; one with arguments is a function of their values.',
    '',
  ];
  const names = Object.keys(namespaces).sort();
  for (const namespace of names) {
    const open = new Set(openMaps[namespace] ?? []);
    lines.push(`export interface ${interfaceName(namespace)} ${objectType(namespaces[namespace], '', open, 0)}`, '');
  }
  lines.push('/** Every catalog namespace by name. */', 'export interface CatalogNamespaces {');
  for (const namespace of names) lines.push(`  readonly ${quoteKey(namespace)}: ${interfaceName(namespace)};`);
  lines.push('}', '');
  return lines.join('\n');
}

export function interfaceName(namespace: string): string {
  return `${namespace.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}Catalog`;
}

function objectType(value: CatalogJson, path: string, open: Set<string>, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const lines = ['{'];
  const members = new Set<string>();
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path ? `${path}.${key}` : key;
    const type = typeOf(inner, innerPath, open, depth + 1);
    members.add(type.startsWith('(') ? `(${type})` : type);
    const line = `${pad}readonly ${quoteKey(key)}: ${type};`;
    // A message of many values gets one value a line, as the formatter prints it.
    lines.push(line.length <= PRINT_WIDTH || typeof inner !== 'string' ? line : `${pad}readonly ${quoteKey(key)}: ${messageType(inner, pad)};`);
  }
  if (open.has(path)) {
    const union = [...members, 'undefined'].join(' | ');
    const line = `${pad}readonly [key: string]: ${union};`;
    // Broken where the formatter breaks it, so the generated file passes the format check as written.
    const broken = (members: string[]) => members.map((member) => `\n${pad}  | ${member}`).join('');
    const nextLine = `${pad}  ${union};`;
    if (line.length <= PRINT_WIDTH) lines.push(line);
    else if (nextLine.length <= PRINT_WIDTH) lines.push(`${pad}readonly [key: string]:\n${nextLine}`);
    else lines.push(`${pad}readonly [key: string]:${broken([...members, 'undefined'])};`);
  }
  lines.push(`${'  '.repeat(depth)}}`);
  return lines.join('\n');
}

function typeOf(value: string | CatalogJson | CatalogJson[], path: string, open: Set<string>, depth: number): string {
  if (typeof value === 'string') return messageType(value);
  if (Array.isArray(value)) return `readonly ${objectType(value[0] ?? {}, `${path}.0`, open, depth)}[]`;
  return objectType(value, path, open, depth);
}

/** The type of a message: on one line, or with `pad`, the member's indent, one value a line. */
function messageType(message: string, pad?: string): string {
  const args = [...messageArguments(message)].sort(([a], [b]) => a.localeCompare(b));
  if (args.length === 0) return 'string';
  const values = args.map(([name, arg]) => `readonly ${quoteKey(name)}: ${VALUE_TYPES[arg.kind]}`);
  if (pad === undefined) return `(values: { ${values.join('; ')} }) => string`;
  return `(values: {\n${values.map((value) => `${pad}  ${value};\n`).join('')}${pad}}) => string`;
}

function quoteKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key.replace(/'/g, "\\'")}'`;
}
