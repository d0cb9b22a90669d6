import { sql } from 'kysely';
import { withTransaction, type DbOrTx } from '../../db/database.ts';
import type { Workspace } from '../../db/schema.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { createWorkspace } from './create-workspace.ts';

export type DefaultWorkspace = { workspace: Workspace; setupToken: string | null };

/**
 * The instance's default workspace (the oldest), created on first start. While it has no owner, a
 * fresh setup token is issued at every start (the old link stops working) and returned so the
 * server can print the one-time setup link.
 */
export async function ensureDefaultWorkspace(db: DbOrTx): Promise<DefaultWorkspace> {
  return withTransaction(db, async (tx) => {
    // serialise concurrent first starts of several processes
    await sql`select pg_advisory_xact_lock(hashtext('backboard:default-workspace'))`.execute(tx);
    const existing = await tx.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    if (!existing) return createWorkspace(tx, { name: 'Backboard', slug: 'default' });
    const owner = await tx.selectFrom('members').select('id').where('workspace_id', '=', existing.id).where('role', '=', 'owner').executeTakeFirst();
    if (owner) return { workspace: existing, setupToken: null };
    const setupToken = randomToken();
    await tx.updateTable('workspaces').set({ setup_token_hash: hashToken(setupToken) }).where('id', '=', existing.id).execute();
    return { workspace: existing, setupToken };
  });
}
