import type { DbOrTx } from '../../db/database.ts';
import type { Workspace } from '../../db/schema.ts';

export async function findWorkspace(db: DbOrTx, id: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}
