// Opaque keyset-pagination cursors: base64url JSON of the last row's sort key.
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Returns null for anything that is not a cursor we issued with the expected arity. */
export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) && values.length === arity ? values : null;
  } catch {
    return null;
  }
}

const TIME_KEY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** A timestamp as cursors carry it: UTC to the microsecond (`to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`). */
export function isTimeKey(value: unknown): value is string {
  return typeof value === 'string' && TIME_KEY.test(value) && !Number.isNaN(Date.parse(value));
}
