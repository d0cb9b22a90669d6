import type { DbOrTx } from '../../db/database.ts';
import type { Status } from '../../db/schema.ts';
import { findStatusByRef } from '../statuses/index.ts';
import { notAShippedStatus } from './changelog.errors.ts';

/** The status named to move linked posts to on publish (id, slug or the kind `shipped`); it must be a shipped one. */
export async function resolveShippedStatus(db: DbOrTx, workspaceId: string, ref: string | undefined): Promise<Status | null> {
  if (ref === undefined) return null;
  const status = await findStatusByRef(db, workspaceId, ref);
  if (!status || status.kind !== 'shipped') throw notAShippedStatus();
  return status;
}
