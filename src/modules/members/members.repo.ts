import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Member } from '../../db/schema.ts';

export async function findMember(db: DbOrTx, workspaceId: string, id: string, opts: { lock?: boolean } = {}): Promise<Member | undefined> {
  let query = db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listMemberRows(db: DbOrTx, workspaceId: string): Promise<Member[]> {
  return db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
}

export async function isMemberEmailTaken(db: DbOrTx, workspaceId: string, email: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id')
    .where('workspace_id', '=', workspaceId).where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Locks every owner row of the workspace and counts them. Two owners demoting each other at the same
 * time serialise here, so the second sees one owner left and is refused.
 */
export async function lockOwners(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('members').select('id')
    .where('workspace_id', '=', workspaceId).where('role', '=', 'owner')
    .orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}
