import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { lockEntry } from './changelog.repo.ts';
import { alreadyPublished, entryNotFound } from './changelog.errors.ts';
import { resolveShippedStatus } from './shipped-status.ts';
import { publishEntryInTransaction } from './publish-entry-in-transaction.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import type { EntryDetail } from './changelog.present.ts';
import type { PublishChangelogInput } from './changelog.schemas.ts';

/** Publishes a draft or scheduled entry now, in one transaction (see publishEntryInTransaction). */
export async function publishChangelogEntry(ctx: Context, entryId: string, input: PublishChangelogInput): Promise<EntryDetail> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can publish changelog entries');
  await withTransaction(ctx.db, async (tx) => {
    const entry = await lockEntry(tx, actor.workspaceId, entryId);
    if (!entry) throw entryNotFound();
    if (entry.state === 'published') throw alreadyPublished();
    const status = await resolveShippedStatus(tx, actor.workspaceId, input.moveLinkedPostsToStatus);
    await publishEntryInTransaction(tx, ctx, entry, status?.id ?? null);
  });
  return getChangelogEntry(ctx, entryId);
}
