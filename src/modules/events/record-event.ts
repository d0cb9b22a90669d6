import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { addJob } from '../../jobs/index.ts';
import type { Actor } from '../auth/index.ts';
import type { EventType } from './event-types.ts';

export const DISPATCH_EVENT_TASK = 'event.dispatch';

export type RecordedEvent = { id: string; type: EventType; createdAt: Date };

/**
 * Votes only matter to webhook endpoints. Recording and dispatching them when nobody listens would put
 * two writes and a job-queue NOTIFY — which serialises commits — on the hottest path, so vote events
 * are recorded only when an enabled endpoint wants them. Every other type is always recorded.
 */
const ONLY_FOR_WEBHOOKS: ReadonlySet<EventType> = new Set<EventType>(['vote.created', 'vote.deleted']);

/** Whether an event of this type would be recorded (callers batching many events ask once). */
export async function wantsEvent(tx: DbOrTx, workspaceId: string, type: EventType): Promise<boolean> {
  if (!ONLY_FOR_WEBHOOKS.has(type)) return true;
  const { rows } = await sql<{ wanted: boolean }>`/* prepared */
    select exists (
      select 1 from webhook_endpoints
      where workspace_id = ${workspaceId} and enabled and (event_types = '{}' or ${type} = any(event_types))
    ) as wanted`.execute(tx);
  return rows[0]?.wanted ?? false;
}

/**
 * Records that something happened and schedules its fan-out (notifications, webhooks) — call it with
 * the transaction that makes the change, so both commit or neither does. Returns null when no
 * consumer wants this type in this workspace (nothing is written).
 */
export async function recordEvent(
  tx: DbOrTx,
  input: { actor: Actor; type: EventType; postId?: string | null; data: Record<string, unknown>; previous?: Record<string, unknown> | null },
): Promise<RecordedEvent | null> {
  if (!(await wantsEvent(tx, input.actor.workspaceId, input.type))) return null;
  const row = await tx
    .insertInto('events')
    .values({
      workspace_id: input.actor.workspaceId,
      type: input.type,
      post_id: input.postId ?? null,
      actor_member_id: input.actor.kind === 'member' ? input.actor.memberId : null,
      actor_person_id: input.actor.kind === 'person' ? input.actor.personId : null,
      data: JSON.stringify(input.data),
      previous: input.previous ? JSON.stringify(input.previous) : null,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await addJob(tx, DISPATCH_EVENT_TASK, { eventId: row.id });
  return { id: row.id, type: input.type, createdAt: row.created_at };
}
