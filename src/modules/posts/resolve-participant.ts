import type { Context } from '../context.ts';
import type { Actor } from '../auth/index.ts';
import { forbidden, invalid } from '../../lib/errors.ts';
import { memberIdOf } from '../auth/index.ts';
import { findOrCreatePerson, type PersonIdentity } from '../people/index.ts';
import { canActOnBehalf } from './posts.policy.ts';
import { workspaceAllowsAnonymous } from './posts.repo.ts';
import { onBehalfForbidden, signInRequired } from './posts.errors.ts';

/** Who a post, vote or comment belongs to: a person (customer), a team member, or both (on behalf). */
export type Participant = { personId: string | null; memberId: string | null };

/**
 * Who will take part, decided from the actor and the identity the request names, before any query:
 * - `self`: a signed-in person acts as themselves;
 * - `visitor`: an anonymous visitor names themselves (allowed only when the workspace allows anonymous
 *   participation, which the caller checks; then the identity is required);
 * - `team`: members, write keys and the system, optionally for a customer named by email, recorded
 *   alongside the member who did it.
 * `field` is the request field of the identity ("author", "voter") for error messages.
 */
export type ParticipantPlan =
  | { kind: 'self'; personId: string }
  | { kind: 'visitor'; identity: PersonIdentity | null }
  | { kind: 'team'; memberId: string | null; identity: PersonIdentity | null };

export function planParticipant(actor: Actor, identity: PersonIdentity | undefined, field: string): ParticipantPlan {
  if (actor.kind === 'person') {
    if (identity) throw onBehalfForbidden(field);
    return { kind: 'self', personId: actor.personId };
  }
  if (actor.kind === 'anonymous') {
    // an external id is the integrator's identifier; visitors cannot claim one
    return { kind: 'visitor', identity: identity ? { email: identity.email, name: identity.name } : null };
  }
  if (!canActOnBehalf(actor)) throw forbidden('This API key is read-only');
  return { kind: 'team', memberId: memberIdOf(actor), identity: identity ?? null };
}

/** The checks a visitor's plan still needs once the workspace's setting is known. */
export function checkVisitor(plan: { identity: PersonIdentity | null }, allowAnonymous: boolean, field: string): PersonIdentity {
  if (!allowAnonymous) throw signInRequired('Sign in to take part on this board');
  if (!plan.identity) throw invalid(`${field}.email`, 'is required when you are not signed in');
  return plan.identity;
}

/**
 * Decides who is taking part (see planParticipant) and finds or creates the person.
 * Run it with the use-case's transaction in ctx.db so a new person is created atomically with the rest.
 */
export async function resolveParticipant(ctx: Context, identity: PersonIdentity | undefined, field: string): Promise<Participant> {
  const plan = planParticipant(ctx.actor, identity, field);
  switch (plan.kind) {
    case 'self':
      return { personId: plan.personId, memberId: null };
    case 'visitor': {
      const visitor = checkVisitor(plan, await workspaceAllowsAnonymous(ctx.db, ctx.actor.workspaceId), field);
      const person = await findOrCreatePerson(ctx, visitor);
      return { personId: person.id, memberId: null };
    }
    case 'team': {
      if (!plan.identity) return { personId: null, memberId: plan.memberId };
      const person = await findOrCreatePerson(ctx, plan.identity);
      return { personId: person.id, memberId: plan.memberId };
    }
  }
}
