import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { CATEGORY_LABELS } from './categories.ts';
import { savePreferences } from './preferences.repo.ts';
import { resolveRecipient } from './resolve-recipient.ts';
import { setFollowing } from './subscriptions.repo.ts';
import { invalidToken } from './subscriptions.errors.ts';
import type { TokenScope } from './unsubscribe-token.ts';

export type UnsubscribeResult = { scope: TokenScope; message: string };

/**
 * One-click unsubscribe (RFC 8058): the signed token alone authorises it — no session, no CSRF token
 * (a mail provider posts it without cookies). Idempotent: repeating it changes nothing more.
 */
export async function unsubscribe(ctx: Context, token: string): Promise<UnsubscribeResult> {
  const who = await resolveRecipient(ctx, token);
  const scope = who.scope;
  if (!scope) throw invalidToken();
  if (scope.type === 'post') {
    const post = await ctx.db.selectFrom('posts').select(['id', 'title']).where('id', '=', scope.postId).where('workspace_id', '=', who.recipient.workspaceId).executeTakeFirst();
    // a deleted post has nothing left to unsubscribe from, which is success too
    if (post) await withTransaction(ctx.db, (tx) => setFollowing(tx, who.recipient, post.id, false, ctx.now));
    return { scope, message: post ? `You will no longer get emails about "${post.title}".` : 'You will no longer get emails about this post.' };
  }
  if (scope.type === 'category') {
    const change = scope.category === 'status_updates' ? { statusUpdates: false } : scope.category === 'comment_replies' ? { commentReplies: false } : { changelog: false };
    await savePreferences(ctx.db, who.recipient, change, ctx.now);
    return { scope, message: `You will no longer get emails about ${CATEGORY_LABELS[scope.category]}.` };
  }
  await savePreferences(ctx.db, who.recipient, { unsubscribedAll: true }, ctx.now);
  return { scope, message: 'You will no longer get any notification emails from us.' };
}
