const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string known to be a uuid (branded, so a failed check on a plain string leaves it a string). */
export type UuidString = string & { readonly __uuid: true };

/** A uuid in its text form: what an id from a cursor, a job payload or a token must be before SQL sees it. */
export function isUuid(value: unknown): value is UuidString {
  return typeof value === 'string' && UUID.test(value);
}
