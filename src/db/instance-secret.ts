import { randomBytes } from 'node:crypto';
import type { DbOrTx } from './database.ts';

/**
 * A secret shared by every process on this database (e.g. for signing cookies), generated on first
 * use. Kept in the database rather than a file so several servers behind a load balancer agree.
 */
export async function getInstanceSecret(db: DbOrTx, key: string): Promise<string> {
  await db
    .insertInto('instance_settings')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
