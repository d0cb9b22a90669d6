import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { addJob } from '../../jobs/index.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { lockEntry, publishJobKey, PUBLISH_CHANGELOG_TASK } from './changelog.repo.ts';
import { alreadyPublished, entryNotFound, scheduleInPast } from './changelog.errors.ts';
import { resolveShippedStatus } from './shipped-status.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import type { EntryDetail } from './changelog.present.ts';
import type { ScheduleChangelogInput } from './changelog.schemas.ts';

export type PublishJobPayload = { entryId: string; workspaceId: string };

/**
 * Schedules (or reschedules) a draft to publish itself at `at`: a job run at that time, keyed by the
 * entry so a new schedule replaces the pending job, enqueued in the same transaction as the state.
 */
export async function scheduleChangelogEntry(ctx: Context, entryId: string, input: ScheduleChangelogInput): Promise<EntryDetail> {
  const { actor } = ctx;
  if (!canManageChangelog(actor)) throw forbidden('Only the team can schedule changelog entries');
  const at = new Date(input.at);
  if (!(at.getTime() > ctx.now.getTime())) throw scheduleInPast();
  await withTransaction(ctx.db, async (tx) => {
    const entry = await lockEntry(tx, actor.workspaceId, entryId);
    if (!entry) throw entryNotFound();
    if (entry.state === 'published') throw alreadyPublished();
    const status = await resolveShippedStatus(tx, actor.workspaceId, input.moveLinkedPostsToStatus);
    await tx.updateTable('changelog_entries')
      .set({ state: 'scheduled', scheduled_for: at, publish_status_id: status?.id ?? null, updated_at: ctx.now })
      .where('id', '=', entry.id).execute();
    const payload: PublishJobPayload = { entryId: entry.id, workspaceId: actor.workspaceId };
    await addJob(tx, PUBLISH_CHANGELOG_TASK, payload, { jobKey: publishJobKey(entry.id), runAt: at });
  });
  return getChangelogEntry(ctx, entryId);
}
