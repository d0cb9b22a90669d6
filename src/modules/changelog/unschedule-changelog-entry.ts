import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { lockEntry, removePublishJob } from './changelog.repo.ts';
import { entryNotFound, notScheduled } from './changelog.errors.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import type { EntryDetail } from './changelog.present.ts';

/** Back to draft: the pending publish job is removed in the same transaction. */
export async function unscheduleChangelogEntry(ctx: Context, entryId: string): Promise<EntryDetail> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can unschedule changelog entries');
  await withTransaction(ctx.db, async (tx) => {
    const entry = await lockEntry(tx, actor.workspaceId, entryId);
    if (!entry) throw entryNotFound();
    if (entry.state !== 'scheduled') throw notScheduled();
    await removePublishJob(tx, entry.id);
    await tx.updateTable('changelog_entries')
      .set({ state: 'draft', scheduled_for: null, publish_status_id: null, updated_at: ctx.now })
      .where('id', '=', entry.id).execute();
  });
  return getChangelogEntry(ctx, entryId);
}
