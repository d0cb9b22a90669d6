// Who hears about an event, and what they are told. Pure reads: the fan-out writes the result.
// Handled: a status change (with the team's message), a team comment (an "official reply") and a reply
// to someone's comment, and a published changelog entry ("you asked for this, it shipped").
import type { DbOrTx } from '../../db/database.ts';
import type { NotificationKind, SkipReason } from '../../db/schema.ts';
import type { StoredEvent } from '../events/index.ts';
import { canHearAboutPrivateBoards, decideFollowers, listGroupSubscriptionRows, recipientKey, type Recipient } from '../subscriptions/index.ts';
import { loadChangelogBody, loadComment, loadNotifiablePosts, loadPersonOrMemberName, loadStatusName, type NotifiablePost } from './notifications.repo.ts';

/** One recipient of the event; `blocked` says why they get nothing (not even in-app). */
export type Audience = { recipient: Recipient; kind: NotificationKind; postId: string | null; blocked: SkipReason | null };

/** What recipients of one kind are told; the body is markdown (user content, sanitized when rendered). */
export type NotificationMessage = { title: string; body: string; path: string; actionLabel: string };

export type NotificationPlan = { audiences: Audience[]; messages: Partial<Record<NotificationKind, NotificationMessage>> };

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export async function planNotifications(db: DbOrTx, event: StoredEvent): Promise<NotificationPlan | null> {
  const data = event.data as Data;
  if (event.type === 'post.status_changed') {
    // a changelog entry that moved the post announces it itself (one email, not two)
    if (data.viaChangelogId || !event.post_id) return null;
    return planStatusChange(db, event, data);
  }
  if (event.type === 'comment.created' && event.post_id) return planComment(db, event, data);
  if (event.type === 'changelog.published') {
    if (data.republished === true) return null; // subscribers heard about it the first time
    return planChangelog(db, event, data);
  }
  return null;
}

async function planStatusChange(db: DbOrTx, event: StoredEvent, data: Data): Promise<NotificationPlan | null> {
  const [post] = await loadNotifiablePosts(db, event.workspace_id, [event.post_id ?? '']);
  if (!post) return null;
  const statusName = (await loadStatusName(db, str(data.statusId) ?? '')) ?? 'a new status';
  const message = str(data.message) ?? '';
  return {
    audiences: await followersOf(db, event, [post], 'status_changed'),
    messages: {
      status_changed: { title: `"${post.title}" is now ${statusName}`, body: message, path: `/p/${post.id}`, actionLabel: 'View the post' },
    },
  };
}

async function planComment(db: DbOrTx, event: StoredEvent, data: Data): Promise<NotificationPlan | null> {
  const commentData = (data.comment ?? {}) as Data;
  const comment = await loadComment(db, event.workspace_id, str(commentData.id) ?? '');
  // internal notes never leave the team's view; deleted comments are old news
  if (!comment || comment.internal || comment.deleted_at) return null;
  const [post] = await loadNotifiablePosts(db, event.workspace_id, [comment.post_id]);
  if (!post) return null;
  const author = await loadPersonOrMemberName(db, { personId: comment.author_person_id, memberId: comment.author_member_id });
  const audiences: Audience[] = [];
  const messages: NotificationPlan['messages'] = {};
  if (comment.parent_id) {
    const parent = await loadComment(db, event.workspace_id, comment.parent_id);
    if (parent && (parent.author_person_id || parent.author_member_id)) {
      const recipient = { workspaceId: event.workspace_id, personId: parent.author_person_id, memberId: parent.author_person_id ? null : parent.author_member_id };
      audiences.push({ recipient, kind: 'comment_reply', postId: post.id, blocked: blockedFor(event, recipient, post, true) });
      messages.comment_reply = { title: `${author ?? 'Someone'} replied to your comment on "${post.title}"`, body: comment.body, path: `/p/${post.id}`, actionLabel: 'Read the reply' };
    }
  }
  // a comment by the team itself (not on a customer's behalf) is the official answer everyone waits for
  const isOfficial = comment.author_person_id === null;
  if (isOfficial) {
    const taken = new Set(audiences.map((a) => recipientKey(a.recipient)));
    const followers = await followersOf(db, event, [post], 'official_reply');
    audiences.push(...followers.filter((a) => !taken.has(recipientKey(a.recipient))));
    messages.official_reply = { title: `${author ?? 'The team'} replied to "${post.title}"`, body: comment.body, path: `/p/${post.id}`, actionLabel: 'Read the reply' };
  }
  return audiences.length ? { audiences, messages } : null;
}

async function planChangelog(db: DbOrTx, event: StoredEvent, data: Data): Promise<NotificationPlan | null> {
  const entry = (data.entry ?? {}) as Data;
  const postIds = Array.isArray(data.postIds) ? data.postIds.filter((id): id is string => typeof id === 'string') : [];
  const posts = await loadNotifiablePosts(db, event.workspace_id, postIds);
  if (!posts.length) return null;
  const title = str(entry.title) ?? 'A new release';
  const body = (await loadChangelogBody(db, event.workspace_id, str(entry.id) ?? '')) ?? '';
  const url = str(entry.url);
  const path = url && /^https?:\/\//.test(url) ? url : '/changelog';
  return {
    audiences: await followersOf(db, event, posts, 'changelog'),
    messages: { changelog: { title: `You asked for it, it shipped: ${title}`, body, path, actionLabel: 'Read what changed' } },
  };
}

/**
 * The followers of the posts' groups, one audience each. Across several posts (a changelog entry) a
 * recipient counts once: reachable if any followed post is on a board they may hear about.
 */
async function followersOf(db: DbOrTx, event: StoredEvent, posts: NotifiablePost[], kind: NotificationKind): Promise<Audience[]> {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const decisions = decideFollowers(await listGroupSubscriptionRows(db, event.workspace_id, posts.map((p) => p.id)));
  const audiences = new Map<string, Audience>();
  const rank = (a: Audience) => (a.blocked === null ? 3 : a.blocked === 'self' ? 2 : a.blocked === 'private_board' ? 1 : 0);
  for (const decision of decisions) {
    const post = byId.get(decision.groupPostId);
    if (!post) continue;
    const recipient = { workspaceId: event.workspace_id, personId: decision.personId, memberId: decision.memberId };
    const candidate: Audience = { recipient, kind, postId: post.id, blocked: blockedFor(event, recipient, post, decision.isFollowing) };
    const key = recipientKey(recipient);
    const current = audiences.get(key);
    if (!current || rank(candidate) > rank(current)) audiences.set(key, candidate);
  }
  return [...audiences.values()];
}

function blockedFor(event: StoredEvent, recipient: Recipient, post: NotifiablePost, isFollowing: boolean): SkipReason | null {
  const isActor = recipient.personId ? recipient.personId === event.actor_person_id : recipient.memberId === event.actor_member_id;
  if (isActor) return 'self';
  if (post.board_visibility === 'private' && !canHearAboutPrivateBoards(recipient)) return 'private_board';
  return isFollowing ? null : 'unsubscribed';
}
