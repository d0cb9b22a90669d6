import { withTransaction, type DbOrTx } from '../../db/database.ts';
import type { Workspace } from '../../db/schema.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { DEFAULT_STATUSES } from './default-statuses.ts';

export type CreatedWorkspace = { workspace: Workspace; setupToken: string };

/** A new tenant with the default statuses and a one-time owner setup token (returned once). */
export async function createWorkspace(db: DbOrTx, input: { name: string; slug: string }): Promise<CreatedWorkspace> {
  const setupToken = randomToken();
  const workspace = await withTransaction(db, async (tx) => {
    const ws = await tx
      .insertInto('workspaces')
      .values({ name: input.name, slug: input.slug, setup_token_hash: hashToken(setupToken) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('statuses')
      .values(DEFAULT_STATUSES.map((s, position) => ({
        workspace_id: ws.id, name: s.name, slug: s.slug, kind: s.kind, color: s.color, position, is_default: s.isDefault ?? false,
      })))
      .execute();
    return ws;
  });
  return { workspace, setupToken };
}
