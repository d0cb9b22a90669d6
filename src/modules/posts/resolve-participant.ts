import type { Context } from '../context.ts';
import { forbidden, invalid } from '../../lib/errors.ts';
import { memberIdOf } from '../auth/index.ts';
import { findOrCreatePerson, type PersonIdentity } from '../people/index.ts';
import { canActOnBehalf } from './posts.policy.ts';
import { workspaceAllowsAnonymous } from './posts.repo.ts';
import { onBehalfForbidden, signInRequired } from './posts.errors.ts';

/** Who a post, vote or comment belongs to: a person (customer), a team member, or both (on behalf). */
export type Participant = { personId: string | null; memberId: string | null };

/**
 * Decides who is taking part. A signed-in person acts as themselves; an anonymous visitor names
 * themselves (only when the workspace allows anonymous participation); the team (members, write
 * keys, the system) may name a customer to act for, recorded alongside the member who did it.
 * `field` is the request field of the identity ("author", "voter") for error messages.
 * Run it with the use-case's transaction in ctx.db so a new person is created atomically with the rest.
 */
export async function resolveParticipant(ctx: Context, identity: PersonIdentity | undefined, field: string): Promise<Participant> {
  const { actor } = ctx;
  if (actor.kind === 'person') {
    if (identity) throw onBehalfForbidden(field);
    return { personId: actor.personId, memberId: null };
  }
  if (actor.kind === 'anonymous') {
    if (!(await workspaceAllowsAnonymous(ctx.db, actor.workspaceId))) throw signInRequired('Sign in to take part on this board');
    if (!identity) throw invalid(`${field}.email`, 'is required when you are not signed in');
    // an external id is the integrator's identifier; visitors cannot claim one
    const person = await findOrCreatePerson(ctx, { email: identity.email, name: identity.name });
    return { personId: person.id, memberId: null };
  }
  if (!canActOnBehalf(actor)) throw forbidden('This API key is read-only');
  const memberId = memberIdOf(actor);
  if (!identity) return { personId: null, memberId };
  const person = await findOrCreatePerson(ctx, identity);
  return { personId: person.id, memberId };
}
