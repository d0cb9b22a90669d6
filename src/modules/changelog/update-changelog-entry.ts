import type { Updateable } from 'kysely';
import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { ChangelogEntriesTable } from '../../db/schema.ts';
import { forbidden, invalid } from '../../lib/errors.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { lockEntry, replaceEntryPosts } from './changelog.repo.ts';
import { entryNotFound } from './changelog.errors.ts';
import { resolveLinkedPosts } from './link-posts.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import type { EntryDetail } from './changelog.present.ts';
import type { UpdateChangelogInput } from './changelog.schemas.ts';

/** Edits title, body, type or linked posts in any state; a published entry stays published (a typo fix is not news). */
export async function updateChangelogEntry(ctx: Context, entryId: string, input: UpdateChangelogInput): Promise<EntryDetail> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can edit changelog entries');
  const title = input.title?.trim();
  if (title !== undefined && !title) throw invalid('title', 'must not be blank');
  await withTransaction(ctx.db, async (tx) => {
    const entry = await lockEntry(tx, actor.workspaceId, entryId);
    if (!entry) throw entryNotFound();
    const changes: Updateable<ChangelogEntriesTable> = { updated_at: ctx.now };
    if (title !== undefined) changes.title = title;
    if (input.body !== undefined) changes.body = input.body;
    if (input.type !== undefined) changes.type = input.type;
    if (input.postIds !== undefined) await replaceEntryPosts(tx, entry.id, await resolveLinkedPosts(tx, actor.workspaceId, input.postIds));
    await tx.updateTable('changelog_entries').set(changes).where('id', '=', entry.id).execute();
  });
  return getChangelogEntry(ctx, entryId);
}
