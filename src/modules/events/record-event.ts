import type { DbOrTx } from '../../db/database.ts';
import { addJob } from '../../jobs/index.ts';
import type { Actor } from '../auth/index.ts';
import type { EventType } from './event-types.ts';

export const DISPATCH_EVENT_TASK = 'event.dispatch';

export type RecordedEvent = { id: string; type: EventType; createdAt: Date };

/**
 * Records that something happened and schedules its fan-out (notifications, webhooks) — call it with
 * the transaction that makes the change, so both commit or neither does.
 */
export async function recordEvent(
  tx: DbOrTx,
  input: { actor: Actor; type: EventType; postId?: string | null; data: Record<string, unknown>; previous?: Record<string, unknown> | null },
): Promise<RecordedEvent> {
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
