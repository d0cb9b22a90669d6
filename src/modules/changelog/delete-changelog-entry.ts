import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { lockEntry, removePublishJob } from './changelog.repo.ts';
import { entryNotFound } from './changelog.errors.ts';

/** Deletes an entry in any state; a scheduled one's publish job goes with it. */
export async function deleteChangelogEntry(ctx: Context, entryId: string): Promise<void> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can delete changelog entries');
  await withTransaction(ctx.db, async (tx) => {
    const entry = await lockEntry(tx, actor.workspaceId, entryId);
    if (!entry) throw entryNotFound();
    if (entry.state === 'scheduled') await removePublishJob(tx, entry.id);
    await tx.deleteFrom('changelog_entries').where('id', '=', entry.id).execute();
  });
}
