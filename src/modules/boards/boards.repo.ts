import type { DbOrTx } from '../../db/database.ts';
import type { Board } from '../../db/schema.ts';
import { isUuid } from '../../lib/ids.ts';


export async function findBoard(db: DbOrTx, workspaceId: string, idOrSlug: string): Promise<Board | undefined> {
  return db
    .selectFrom('boards')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(isUuid(idOrSlug) ? 'id' : 'slug', '=', isUuid(idOrSlug) ? idOrSlug : idOrSlug.toLowerCase())
    .executeTakeFirst();
}

export async function listBoardRows(db: DbOrTx, workspaceId: string, includePrivate: boolean): Promise<Board[]> {
  let query = db.selectFrom('boards').selectAll().where('workspace_id', '=', workspaceId);
  if (!includePrivate) query = query.where('visibility', '=', 'public');
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function isSlugTaken(db: DbOrTx, workspaceId: string, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('boards').select('id').where('workspace_id', '=', workspaceId).where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return Boolean(await query.executeTakeFirst());
}
