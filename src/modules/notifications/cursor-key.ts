import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { invalid } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { DeliveryPageKey } from './deliveries.repo.ts';

const DELIVERY_STATES: readonly unknown[] = ['queued', 'sent', 'failed', 'skipped'];
const invalidCursor = () => invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');

/** Keyset cursors over (created_at to the microsecond, id), newest first. */
export function decodeTimeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (cursor === undefined) return null;
  const [createdAt, id] = decodeCursor(cursor, 2) ?? [];
  if (!isTimeKey(createdAt) || !isUuid(id)) throw invalidCursor();
  return { createdAt, id };
}

/** The page of `rows` (fetched with one extra row) and the cursor after its last row, if there is more. */
function pageOf<T>(rows: T[], limit: number, keyOf: (last: T) => unknown[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

export function nextTimeCursor<T extends { created_key: string; id: string }>(rows: T[], limit: number) {
  return pageOf(rows, limit, (last) => [last.created_key, last.id]);
}

/** Keyset cursors over an event's audit: (email delivery state, created_at to the microsecond, id). */
export function decodeDeliveryCursor(cursor: string | undefined): DeliveryPageKey | null {
  if (cursor === undefined) return null;
  const [state, createdAt, id] = decodeCursor(cursor, 3) ?? [];
  if (typeof state !== 'string' || !DELIVERY_STATES.includes(state) || !isTimeKey(createdAt) || !isUuid(id)) throw invalidCursor();
  return { state, createdAt, id };
}

export function nextDeliveryCursor<T extends { state: string; created_key: string; id: string }>(rows: T[], limit: number) {
  return pageOf(rows, limit, (last) => [last.state, last.created_key, last.id]);
}
