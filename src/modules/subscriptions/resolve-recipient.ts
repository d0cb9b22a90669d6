import type { Context } from '../context.ts';
import type { Actor } from '../auth/index.ts';
import { recipientOfActor, type Recipient } from './recipient.ts';
import { verifyUnsubscribeToken, type TokenScope } from './unsubscribe-token.ts';
import { invalidToken, noInbox, signInToFollow } from './subscriptions.errors.ts';

export type ResolvedRecipient = { recipient: Recipient; actor: Actor; scope: TokenScope | null };

/**
 * Whose notifications a request manages: the holder of a signed email token (no session needed,
 * so links work from any device), else the signed-in person or member.
 */
export async function resolveRecipient(ctx: Context, token: string | undefined): Promise<ResolvedRecipient> {
  if (token !== undefined) {
    const verified = await verifyUnsubscribeToken(ctx.db, token);
    if (!verified) throw invalidToken();
    const { personId, memberId } = verified.subject;
    if (personId) {
      const person = await ctx.db.selectFrom('people').select(['id', 'workspace_id']).where('id', '=', personId).executeTakeFirst();
      if (!person) throw invalidToken();
      return {
        recipient: { workspaceId: person.workspace_id, personId: person.id, memberId: null },
        actor: { kind: 'person', workspaceId: person.workspace_id, personId: person.id },
        scope: verified.scope,
      };
    }
    const member = await ctx.db.selectFrom('members').select(['id', 'workspace_id', 'role']).where('id', '=', memberId ?? '').executeTakeFirst();
    if (!member) throw invalidToken();
    return {
      recipient: { workspaceId: member.workspace_id, personId: null, memberId: member.id },
      actor: { kind: 'member', workspaceId: member.workspace_id, memberId: member.id, role: member.role },
      scope: verified.scope,
    };
  }
  const recipient = recipientOfActor(ctx.actor);
  if (recipient) return { recipient, actor: ctx.actor, scope: null };
  throw ctx.actor.kind === 'anonymous' ? signInToFollow() : noInbox();
}
