import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

export type Open311Format = 'json' | 'xml';

export const CONTENT_TYPES: Record<Open311Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** `services.json` → ['services', 'json']; only the last `.ext` is the format, so codes may hold dots. */
export function splitFormat(segment: string): { name: string; format: Open311Format } | undefined {
  const match = /^(.+)\.(json|xml)$/.exec(segment);
  return match ? { name: match[1], format: match[2] as Open311Format } : undefined;
}

/** The element each list's items are written as in XML (the spec's singular names). */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

/**
 * A document in the spec's JSON or XML. JSON is the value itself: top-level lists stay lists (the "Spark"
 * convention the spec's JSON follows). XML wraps it in `root`, writes each list's items under their singular
 * name, booleans as true/false and nulls as empty elements, after the UTF-8 declaration the spec requires.
 */
export function renderOpen311(format: Open311Format, root: string, value: unknown): string {
  if (format === 'json') return JSON.stringify(value);
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  write(doc.ele(root), root, value);
  return doc.end({ prettyPrint: false });
}

function write(parent: XMLBuilder, name: string, value: unknown): void {
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item';
    for (const entry of value) write(parent.ele(item), item, entry);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined) continue;
      write(parent.ele(key), key, inner);
    }
  } else if (value !== null && value !== undefined) {
    parent.txt(String(value));
  }
}
