import type { Context } from '../context.ts';
import type { Tx } from '../../db/database.ts';
import type { ChangelogEntry } from '../../db/schema.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { recordEvent } from '../events/index.ts';
import { movePostToStatus } from '../posts/index.ts';
import { listLinkedPostIds, removePublishJob } from './changelog.repo.ts';
import { entryUrl } from './changelog.present.ts';

/**
 * Publishes a row-locked entry inside the caller's transaction — the one path for "publish now" and
 * the scheduled job: state → published; each linked post optionally moved to `moveToStatusId` the
 * same way any status change is made (history row + `post.status_changed`, marked `viaChangelogId`
 * so notifications do not send a second email for it); then one `changelog.published` event whose
 * consumers tell the linked posts' subscribers it shipped.
 */
export async function publishEntryInTransaction(
  tx: Tx,
  ctx: Pick<Context, 'actor' | 'now' | 'config'>,
  entry: ChangelogEntry,
  moveToStatusId: string | null,
): Promise<void> {
  const publishedAt = ctx.now;
  if (entry.state === 'scheduled') await removePublishJob(tx, entry.id);
  await tx.updateTable('changelog_entries').set({
    state: 'published',
    published_at: publishedAt,
    first_published_at: entry.first_published_at ?? publishedAt,
    scheduled_for: null,
    publish_status_id: null,
    updated_at: publishedAt,
  }).where('id', '=', entry.id).execute();

  const postIds = await listLinkedPostIds(tx, entry.id);
  const movedPostIds: string[] = [];
  if (moveToStatusId) {
    // id order, so two entries shipping overlapping posts lock them in the same order (no deadlock)
    for (const postId of [...postIds].sort()) {
      const moved = await movePostToStatus(tx, { actor: ctx.actor, postId, statusId: moveToStatusId, now: publishedAt, viaChangelogId: entry.id });
      if (moved) movedPostIds.push(postId);
    }
  }
  await recordEvent(tx, {
    actor: ctx.actor,
    type: 'changelog.published',
    data: {
      entry: {
        id: entry.id,
        title: entry.title,
        type: entry.type,
        bodyHtml: renderMarkdown(entry.body),
        publishedAt: publishedAt.toISOString(),
        url: entryUrl(ctx.config.publicUrl, entry.id),
      },
      postIds,
      movedPostIds,
      statusId: moveToStatusId,
      // published before, unpublished, published again: subscribers already heard about it
      republished: entry.first_published_at !== null,
    },
  });
}
