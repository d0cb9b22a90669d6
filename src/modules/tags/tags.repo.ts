import type { DbOrTx } from '../../db/database.ts';
import type { Tag } from '../../db/schema.ts';

export async function listTagRows(db: DbOrTx, workspaceId: string): Promise<Tag[]> {
  return db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId).orderBy((eb) => eb.fn('lower', ['name'])).orderBy('id').execute();
}

export async function findTag(db: DbOrTx, workspaceId: string, id: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The subset of ids that are tags of this workspace (a foreign id never matches). */
export async function findTagIds(db: DbOrTx, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('tags').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...ids]).execute();
  return rows.map((r) => r.id);
}

export async function isTagNameTaken(db: DbOrTx, workspaceId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('tags').select('id').where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return Boolean(await query.executeTakeFirst());
}
