import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { invalid } from '../../lib/errors.ts';

/** Keyset cursors over (created_at to the microsecond, id), newest first. */
export function decodeTimeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor, 2);
  if (!values || typeof values[0] !== 'string' || typeof values[1] !== 'string' || Number.isNaN(Date.parse(values[0]))) {
    throw invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');
  }
  return { createdAt: values[0], id: values[1] };
}

export function nextTimeCursor<T extends { created_key: string; id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null };
}
