import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { ApiKeysTable } from '../../db/schema.ts';

export type ApiKey = Selectable<ApiKeysTable>;

export async function listActiveApiKeys(db: DbOrTx, workspaceId: string): Promise<ApiKey[]> {
  return db.selectFrom('api_keys').selectAll()
    .where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc').orderBy('id', 'desc')
    .execute();
}

export async function revokeApiKeyRow(db: DbOrTx, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const row = await db.updateTable('api_keys').set({ revoked_at: now })
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('revoked_at', 'is', null)
    .returning('id').executeTakeFirst();
  return Boolean(row);
}
