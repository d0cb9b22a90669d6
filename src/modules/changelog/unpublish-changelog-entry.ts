import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { lockEntry } from './changelog.repo.ts';
import { entryNotFound, notPublished } from './changelog.errors.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import type { EntryDetail } from './changelog.present.ts';

/**
 * Takes a published entry back to draft (off the public page and the feed). Posts it moved keep their
 * status: that was a real status change, with its own history row.
 */
export async function unpublishChangelogEntry(ctx: Context, entryId: string): Promise<EntryDetail> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can unpublish changelog entries');
  await withTransaction(ctx.db, async (tx) => {
    const entry = await lockEntry(tx, actor.workspaceId, entryId);
    if (!entry) throw entryNotFound();
    if (entry.state !== 'published') throw notPublished();
    await tx.updateTable('changelog_entries')
      .set({ state: 'draft', published_at: null, updated_at: ctx.now })
      .where('id', '=', entry.id).execute();
  });
  return getChangelogEntry(ctx, entryId);
}
