import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden, invalid } from '../../lib/errors.ts';
import { memberIdOf } from '../auth/index.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { replaceEntryPosts } from './changelog.repo.ts';
import { resolveLinkedPosts } from './link-posts.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import type { EntryDetail } from './changelog.present.ts';
import type { CreateChangelogInput } from './changelog.schemas.ts';

/** A new entry starts as a draft, with its linked posts. */
export async function createChangelogEntry(ctx: Context, input: CreateChangelogInput): Promise<EntryDetail> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can write changelog entries');
  const title = input.title.trim();
  if (!title) throw invalid('title', 'must not be blank');
  const id = await withTransaction(ctx.db, async (tx) => {
    const postIds = await resolveLinkedPosts(tx, actor.workspaceId, input.postIds ?? []);
    const entry = await tx.insertInto('changelog_entries').values({
      workspace_id: actor.workspaceId,
      title,
      body: input.body ?? '',
      type: input.type,
      author_member_id: memberIdOf(actor),
      created_at: ctx.now,
      updated_at: ctx.now,
    }).returning('id').executeTakeFirstOrThrow();
    await replaceEntryPosts(tx, entry.id, postIds);
    return entry.id;
  });
  return getChangelogEntry(ctx, id);
}
