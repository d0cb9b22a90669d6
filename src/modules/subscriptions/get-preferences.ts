import type { Context } from '../context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { loadOnePreferences, type Preferences } from './preferences.repo.ts';
import type { Recipient } from './recipient.ts';
import { resolveRecipient } from './resolve-recipient.ts';
import type { TokenScope } from './unsubscribe-token.ts';

export type PreferencesView = {
  recipient: { kind: 'person' | 'member'; email: string; name: string | null };
  preferences: Preferences;
  /** What the link that opened the page is about (e.g. the post of a "stop following" link). */
  scope: (TokenScope & { postTitle?: string | null }) | null;
};

export async function preferencesViewOf(db: DbOrTx, recipient: Recipient, scope: TokenScope | null): Promise<PreferencesView> {
  const person = recipient.personId
    ? await db.selectFrom('people').select(['email', 'name']).where('id', '=', recipient.personId).executeTakeFirstOrThrow()
    : await db.selectFrom('members').select(['email', 'name']).where('id', '=', recipient.memberId ?? '').executeTakeFirstOrThrow();
  let viewScope: PreferencesView['scope'] = scope;
  if (scope?.type === 'post') {
    const post = await db.selectFrom('posts').select('title').where('id', '=', scope.postId).where('workspace_id', '=', recipient.workspaceId).executeTakeFirst();
    viewScope = { ...scope, postTitle: post?.title ?? null };
  }
  return {
    recipient: { kind: recipient.personId ? 'person' : 'member', email: person.email, name: person.name },
    preferences: await loadOnePreferences(db, recipient),
    scope: viewScope,
  };
}

export async function getPreferences(ctx: Context, token?: string): Promise<PreferencesView> {
  const who = await resolveRecipient(ctx, token);
  return preferencesViewOf(ctx.db, who.recipient, who.scope);
}
