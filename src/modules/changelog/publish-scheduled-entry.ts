import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { withTransaction, type Db } from '../../db/database.ts';
import type { Logger } from '../context.ts';
import { findStatus } from '../statuses/index.ts';
import { lockEntry } from './changelog.repo.ts';
import { publishEntryInTransaction } from './publish-entry-in-transaction.ts';
import type { PublishJobPayload } from './schedule-changelog-entry.ts';
import { isUuid } from '../../lib/ids.ts';


function isPayload(value: unknown): value is PublishJobPayload {
  const p = value as Partial<PublishJobPayload> | null;
  return isUuid(p?.entryId) && isUuid(p.workspaceId);
}

/**
 * The `changelog.publish` job: publishes a scheduled entry when its time has come, acting as the
 * system. Idempotent — an entry that was unscheduled, published by hand, deleted or rescheduled later
 * (a job that was already running when the schedule changed) is left alone.
 */
export async function publishScheduledEntry(
  deps: { db: Db; config: Config; log: Logger },
  payload: unknown,
): Promise<'published' | 'skipped'> {
  if (!isPayload(payload)) {
    deps.log.warn({ payload }, 'changelog.publish: ignoring a malformed job payload');
    return 'skipped';
  }
  const ctx = { actor: { kind: 'system' as const, workspaceId: payload.workspaceId }, now: new Date(), config: deps.config };
  return withTransaction(deps.db, async (tx) => {
    const entry = await lockEntry(tx, payload.workspaceId, payload.entryId);
    if (!entry || entry.state !== 'scheduled' || !entry.scheduled_for) return 'skipped';
    // the queue runs jobs by the database's clock, so "is it time" is asked of the database too
    const { rows } = await sql<{ due: boolean }>`select ${entry.scheduled_for}::timestamptz <= now() + interval '1 minute' as due`.execute(tx);
    if (!rows[0]?.due) return 'skipped';
    // the status may have been deleted (the column is then null) or changed kind since scheduling
    const status = entry.publish_status_id ? await findStatus(tx, payload.workspaceId, entry.publish_status_id) : undefined;
    await publishEntryInTransaction(tx, ctx, entry, status?.kind === 'shipped' ? status.id : null);
    return 'published';
  });
}
