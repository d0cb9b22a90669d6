import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Person } from '../../db/schema.ts';
import { hashToken } from '../../lib/tokens.ts';
import { safeReturnPath } from '../../lib/safe-return-path.ts';
import { findOrCreatePerson } from '../people/index.ts';
import { startSession, type SignedIn } from './start-session.ts';
import { magicLinkExpired, magicLinkInvalid, magicLinkUsed } from './auth.errors.ts';

/** Uses a sign-in link: once, within its lifetime. The person is found or created by the email. */
export async function verifyMagicLink(
  ctx: Context,
  input: { token: string; previousSessionId: string | null },
): Promise<SignedIn<{ person: Person; returnTo: string }>> {
  const tokenHash = hashToken(input.token);
  return withTransaction(ctx.db, async (tx) => {
    // claiming the link and checking it are one statement, so two concurrent uses cannot both win
    const link = await tx
      .updateTable('magic_links')
      .set({ used_at: ctx.now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', ctx.now)
      .returningAll()
      .executeTakeFirst();
    if (!link) {
      const stale = await tx.selectFrom('magic_links').select(['used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!stale) throw magicLinkInvalid();
      throw stale.used_at ? magicLinkUsed() : magicLinkExpired();
    }
    // the link, not the browser, names the workspace the person signs in to
    const person = await findOrCreatePerson(
      { ...ctx, db: tx, actor: { kind: 'anonymous', workspaceId: link.workspace_id } },
      { email: link.email, name: link.name },
    );
    const session = await startSession(tx, { workspaceId: link.workspace_id, personId: person.id, previousSessionId: input.previousSessionId, now: ctx.now });
    return { person, returnTo: safeReturnPath(link.return_to), session };
  });
}
