// Who receives notifications: an end user (person) or a team member, never both. The same pair of
// columns (person_id, member_id) appears on subscriptions, preferences, notifications and deliveries.
import type { Actor } from '../auth/index.ts';

export type Recipient = { workspaceId: string; personId: string | null; memberId: string | null };

/** The recipient an actor stands for: signed-in people and members; nobody else has an inbox. */
export function recipientOfActor(actor: Actor): Recipient | null {
  if (actor.kind === 'person') return { workspaceId: actor.workspaceId, personId: actor.personId, memberId: null };
  if (actor.kind === 'member') return { workspaceId: actor.workspaceId, personId: null, memberId: actor.memberId };
  return null;
}

/** A stable string for maps and dedupe: "p:<uuid>" or "m:<uuid>". */
export function recipientKey(r: { personId: string | null; memberId: string | null }): string {
  return r.personId ? `p:${r.personId}` : `m:${r.memberId}`;
}

export function recipientColumns(r: Recipient): { person_id: string | null; member_id: string | null } {
  return r.personId ? { person_id: r.personId, member_id: null } : { person_id: null, member_id: r.memberId };
}
