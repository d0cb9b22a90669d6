// The versioned JSON envelope receivers get: {id, type, version, createdAt, workspaceId, data}. `data`
// is the stored event (src/modules/events) enriched with the presented post and statuses, so a
// receiver rarely needs a call back. Only presenter output goes in: no emails, hashes or secrets.
import { AppError } from '../../lib/errors.ts';
import type { StoredEvent } from '../events/index.ts';
import { getPost, presentPost } from '../posts/index.ts';
import { findStatus, presentStatus } from '../statuses/index.ts';
import type { Context } from '../context.ts';
import { systemContext, type WebhookDeps } from './webhook-deps.ts';

export const WEBHOOK_ENVELOPE_VERSION = 1;

export type WebhookEnvelope = {
  /** The event's id: the same for every endpoint (the webhook-id header is per endpoint). */
  id: string;
  type: string;
  version: typeof WEBHOOK_ENVELOPE_VERSION;
  createdAt: string;
  workspaceId: string;
  data: Record<string, unknown>;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

async function presentedPost(ctx: Context, postId: string): Promise<Record<string, unknown> | null> {
  try {
    const { can: _can, hasVoted: _hasVoted, history: _history, ...post } = presentPost(await getPost(ctx, postId));
    return { ...post, url: `${ctx.config.publicUrl}/p/${post.id}` };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return null; // deleted since
    throw error;
  }
}

async function presentedStatus(ctx: Context, statusId: unknown) {
  if (typeof statusId !== 'string') return undefined;
  const status = await findStatus(ctx.db, ctx.actor.workspaceId, statusId);
  return status ? presentStatus(status) : undefined;
}

function actorOf(event: StoredEvent): { kind: 'member' | 'person'; id: string } | null {
  if (event.actor_member_id) return { kind: 'member', id: event.actor_member_id };
  if (event.actor_person_id) return { kind: 'person', id: event.actor_person_id };
  return null;
}

export async function buildEventEnvelope(deps: WebhookDeps, event: StoredEvent): Promise<WebhookEnvelope> {
  const ctx = systemContext(deps, event.workspace_id);
  const data: Record<string, unknown> = { ...event.data, actor: actorOf(event) };
  const previous: Record<string, unknown> | null = event.previous ? { ...event.previous } : null;
  if (event.post_id) {
    const post = await presentedPost(ctx, event.post_id);
    // the event's own snapshot wins: it is what the post looked like when this happened
    if (post) data.post = { ...post, ...(isRecord(event.data.post) ? event.data.post : {}) };
  }
  if (event.type === 'post.status_changed') {
    data.status = await presentedStatus(ctx, event.data.statusId);
    if (previous) previous.status = await presentedStatus(ctx, previous.statusId);
  }
  if (previous) data.previous = previous;
  return { id: event.id, type: event.type, version: WEBHOOK_ENVELOPE_VERSION, createdAt: event.created_at.toISOString(), workspaceId: event.workspace_id, data };
}

/** The body of a `webhook.test` ping. */
export function buildTestEnvelope(input: { id: string; workspaceId: string; endpointId: string; now: Date }): WebhookEnvelope {
  return {
    id: input.id,
    type: 'webhook.test',
    version: WEBHOOK_ENVELOPE_VERSION,
    createdAt: input.now.toISOString(),
    workspaceId: input.workspaceId,
    data: { message: 'A test event from Backboard: your endpoint is reachable and can verify signatures.', endpointId: input.endpointId },
  };
}
