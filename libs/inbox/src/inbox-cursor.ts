import { InvalidInputError, isUuid } from '@petitio/platform';

export type InboxSortField = 'createdAt' | 'updatedAt';
export type SortOrder = 'asc' | 'desc';

/** Where a page ended: the sort value (microsecond text, as PostgreSQL stores it) and the id that breaks ties. */
export interface InboxPosition {
  sort: InboxSortField;
  order: SortOrder;
  value: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Opaque to callers: base64url of the position, so its shape can change without breaking clients' code. */
export function encodeCursor(position: InboxPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.order, position.value, position.id])).toString('base64url');
}

/** A cursor only continues the listing it came from: another sort or order is refused rather than silently skipping rows. */
export function decodeCursor(cursor: string, sort: InboxSortField, order: SortOrder): InboxPosition {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== 4 ||
    typeof parts[2] !== 'string' ||
    typeof parts[3] !== 'string' ||
    !TIMESTAMP.test(parts[2]) ||
    !isRealInstant(parts[2]) ||
    !isUuid(parts[3])
  ) {
    throw new InvalidInputError([{ field: 'cursor', code: 'invalid' }]);
  }
  if (parts[0] !== sort || parts[1] !== order) {
    throw new InvalidInputError([{ field: 'cursor', code: 'mismatch' }]);
  }
  return { sort, order, value: parts[2], id: parts[3] };
}

/** A well-shaped timestamp that is also a real date (no 13th month, no 30 February): PostgreSQL would refuse it with a 500. */
function isRealInstant(value: string): boolean {
  const parsed = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
}
