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
