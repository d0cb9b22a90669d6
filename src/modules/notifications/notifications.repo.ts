// Reads the notification planner and the email job need: posts, comments, names and addresses.
import type { DbOrTx } from '../../db/database.ts';
import { recipientKey, type Recipient } from '../subscriptions/index.ts';

export type NotifiablePost = { id: string; title: string; board_visibility: 'public' | 'private' };

/** Live posts (not deleted) among `postIds`, with their board's visibility. */
export async function loadNotifiablePosts(db: DbOrTx, workspaceId: string, postIds: readonly string[]): Promise<NotifiablePost[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('posts')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .select(['posts.id', 'posts.title', 'boards.visibility as board_visibility'])
    .where('posts.workspace_id', '=', workspaceId)
    .where('posts.id', 'in', postIds)
    .where('posts.deleted_at', 'is', null)
    .execute();
}

export async function loadStatusName(db: DbOrTx, statusId: string): Promise<string | null> {
  if (!statusId) return null;
  const row = await db.selectFrom('statuses').select('name').where('id', '=', statusId).executeTakeFirst();
  return row?.name ?? null;
}

export async function loadComment(db: DbOrTx, workspaceId: string, commentId: string) {
  if (!commentId) return undefined;
  return db
    .selectFrom('comments')
    .select(['id', 'post_id', 'parent_id', 'author_person_id', 'author_member_id', 'body', 'internal', 'deleted_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', commentId)
    .executeTakeFirst();
}

export async function loadPersonOrMemberName(db: DbOrTx, who: { personId: string | null; memberId: string | null }): Promise<string | null> {
  if (who.personId) {
    const person = await db.selectFrom('people').select(['name', 'email']).where('id', '=', who.personId).executeTakeFirst();
    return person ? (person.name || person.email.split('@')[0]) : null;
  }
  if (who.memberId) {
    const member = await db.selectFrom('members').select('name').where('id', '=', who.memberId).executeTakeFirst();
    return member?.name ?? null;
  }
  return null;
}

/** The entry's markdown source (the event carries rendered HTML; emails and the inbox want the source). */
export async function loadChangelogBody(db: DbOrTx, workspaceId: string, entryId: string): Promise<string | null> {
  if (!entryId) return null;
  const row = await db.selectFrom('changelog_entries').select('body').where('workspace_id', '=', workspaceId).where('id', '=', entryId).executeTakeFirst();
  return row?.body ?? null;
}

export type Contact = { email: string; name: string | null };

/** Email address and name of each recipient, keyed by recipientKey. */
export async function loadContacts(db: DbOrTx, recipients: readonly Recipient[]): Promise<Map<string, Contact>> {
  const personIds = recipients.flatMap((r) => (r.personId ? [r.personId] : []));
  const memberIds = recipients.flatMap((r) => (r.memberId ? [r.memberId] : []));
  const contacts = new Map<string, Contact>();
  if (personIds.length) {
    for (const p of await db.selectFrom('people').select(['id', 'email', 'name']).where('id', 'in', personIds).execute()) {
      contacts.set(recipientKey({ personId: p.id, memberId: null }), { email: p.email, name: p.name });
    }
  }
  if (memberIds.length) {
    for (const m of await db.selectFrom('members').select(['id', 'email', 'name']).where('id', 'in', memberIds).execute()) {
      contacts.set(recipientKey({ personId: null, memberId: m.id }), { email: m.email, name: m.name });
    }
  }
  return contacts;
}

export async function loadWorkspaceName(db: DbOrTx, workspaceId: string): Promise<string> {
  const row = await db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst();
  return row?.name ?? 'Backboard';
}
