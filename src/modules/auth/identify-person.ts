import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Person } from '../../db/schema.ts';
import { findOrCreatePerson } from '../people/index.ts';
import { startSession, type SignedIn } from './start-session.ts';
import { findWorkspaceSettings } from './auth.repo.ts';
import { anonymousNotAllowed } from './auth.errors.ts';
import type { IdentifyInput } from './auth.schemas.ts';

/**
 * "Vote or post with just name and email", when the workspace allows it: the email is not proven,
 * so this is only offered where the team accepted that trade-off (workspace.allow_anonymous).
 */
export async function identifyPerson(
  ctx: Context,
  input: IdentifyInput & { previousSessionId: string | null },
): Promise<SignedIn<{ person: Person }>> {
  const workspace = await findWorkspaceSettings(ctx.db, ctx.actor.workspaceId);
  if (!workspace.allow_anonymous) throw anonymousNotAllowed();
  return withTransaction(ctx.db, async (tx) => {
    // an existing person keeps their name: a visitor may name a nameless person, never rename one
    const person = await findOrCreatePerson({ ...ctx, db: tx }, { email: input.email, name: input.name });
    const session = await startSession(tx, { workspaceId: workspace.id, personId: person.id, previousSessionId: input.previousSessionId, now: ctx.now });
    return { person, session };
  });
}
