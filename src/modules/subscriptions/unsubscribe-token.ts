// Signed links in every notification email (docs: README "Notifications and email"). A token names a
// recipient and what a one-click POST does with it: stop following one post, switch one category of
// mail off, or stop all mail. Any valid token also opens that recipient's preferences page — the
// link arrives only in their own mailbox. The HMAC key is an instance secret shared by all processes.
import type { DbOrTx } from '../../db/database.ts';
import { getInstanceSecret } from '../../db/instance-secret.ts';
import { signToken, verifyToken } from '../../lib/signed-token.ts';
import { isCategory, type Category } from './categories.ts';
import { isUuid } from '../../lib/ids.ts';

export type TokenScope = { type: 'post'; postId: string } | { type: 'category'; category: Category } | { type: 'all' };
export type TokenSubject = { personId: string | null; memberId: string | null };
export type VerifiedToken = { subject: TokenSubject; scope: TokenScope };

const SECRET_KEY = 'notification_token_secret';

export type TokenSigner = { sign(subject: TokenSubject, scope: TokenScope): string };

export async function createTokenSigner(db: DbOrTx): Promise<TokenSigner> {
  const secret = await getInstanceSecret(db, SECRET_KEY);
  return { sign: (subject, scope) => signToken(secret, encode(subject, scope)) };
}

export async function verifyUnsubscribeToken(db: DbOrTx, token: string): Promise<VerifiedToken | null> {
  const payload = verifyToken(await getInstanceSecret(db, SECRET_KEY), token);
  return payload === null ? null : decode(payload);
}

function encode(subject: TokenSubject, scope: TokenScope): string {
  const who = subject.personId ? `p:${subject.personId}` : `m:${subject.memberId}`;
  const what = scope.type === 'post' ? `post:${scope.postId}` : scope.type === 'category' ? `category:${scope.category}` : 'all';
  return `${who}|${what}`;
}

function decode(payload: string): VerifiedToken | null {
  const [who, what, ...rest] = payload.split('|');
  if (!who || !what || rest.length) return null;
  const [kind, id] = who.split(':');
  if ((kind !== 'p' && kind !== 'm') || !isUuid(id)) return null;
  const subject = { personId: kind === 'p' ? id : null, memberId: kind === 'm' ? id : null };
  if (what === 'all') return { subject, scope: { type: 'all' } };
  const [scopeType, value] = what.split(':');
  if (scopeType === 'post' && isUuid(value)) return { subject, scope: { type: 'post', postId: value } };
  if (scopeType === 'category' && value && isCategory(value)) return { subject, scope: { type: 'category', category: value } };
  return null;
}
