import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Member } from '../../db/schema.ts';

export async function findMemberByEmail(db: DbOrTx, workspaceId: string, email: string): Promise<Member | undefined> {
  return db.selectFrom('members').selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findWorkspaceBySetupToken(db: DbOrTx, tokenHash: string, opts: { lock?: boolean } = {}) {
  let query = db.selectFrom('workspaces').select(['id', 'name']).where('setup_token_hash', '=', tokenHash);
  if (opts.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function hasOwner(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('role', '=', 'owner').executeTakeFirst();
  return Boolean(row);
}

export async function findWorkspaceSettings(db: DbOrTx, workspaceId: string) {
  return db.selectFrom('workspaces').select(['id', 'name', 'allow_anonymous']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
}

export async function deleteExpiredMagicLinks(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('magic_links').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).execute();
}
