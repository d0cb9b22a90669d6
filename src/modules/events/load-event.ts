import type { DbOrTx } from '../../db/database.ts';

export async function loadEvent(db: DbOrTx, eventId: string) {
  return db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
}

export type StoredEvent = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;
