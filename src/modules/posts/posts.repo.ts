import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { StatusKind, Visibility } from '../../db/schema.ts';

/** A post joined with what every view of it shows: board, status and author names. */
export type PostRow = {
  id: string;
  workspace_id: string;
  board_id: string;
  title: string;
  body: string;
  status_id: string;
  source: string;
  vote_count: number;
  comment_count: number;
  hot_score: number;
  demand_score: number;
  author_person_id: string | null;
  author_member_id: string | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  merged_into_id: string | null;
  merged_at: Date | null;
  board_name: string;
  board_slug: string;
  board_visibility: Visibility;
  status_name: string;
  status_slug: string;
  status_kind: StatusKind;
  status_color: string;
  person_name: string | null;
  member_name: string | null;
};

/** Lists only need the start of the body for the excerpt; reading 20 kB bodies for a page of 100 is waste. */
export const EXCERPT_SOURCE_CHARS = 600;

export function selectPostRows(db: DbOrTx, opts: { fullBody: boolean }) {
  return db
    .selectFrom('posts')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .innerJoin('statuses', 'statuses.id', 'posts.status_id')
    .leftJoin('people', 'people.id', 'posts.author_person_id')
    .leftJoin('members', 'members.id', 'posts.author_member_id')
    .select([
      'posts.id', 'posts.workspace_id', 'posts.board_id', 'posts.title', 'posts.status_id', 'posts.source',
      'posts.vote_count', 'posts.comment_count', 'posts.hot_score', 'posts.demand_score', 'posts.author_person_id', 'posts.author_member_id',
      'posts.deleted_at', 'posts.created_at', 'posts.updated_at', 'posts.merged_into_id', 'posts.merged_at',
      'boards.name as board_name', 'boards.slug as board_slug', 'boards.visibility as board_visibility',
      'statuses.name as status_name', 'statuses.slug as status_slug', 'statuses.kind as status_kind', 'statuses.color as status_color',
      'people.name as person_name', 'members.name as member_name',
    ])
    .select(opts.fullBody ? sql<string>`posts.body`.as('body') : sql<string>`substr(posts.body, 1, ${sql.lit(EXCERPT_SOURCE_CHARS)})`.as('body'));
}

export async function findPostRow(db: DbOrTx, workspaceId: string, postId: string): Promise<PostRow | undefined> {
  return selectPostRows(db, { fullBody: true })
    .where('posts.workspace_id', '=', workspaceId)
    .where('posts.id', '=', postId)
    .executeTakeFirst() as Promise<PostRow | undefined>;
}

/** The fields access decisions need, row-locked for a change in the caller's transaction. */
export async function lockPost(db: DbOrTx, workspaceId: string, postId: string) {
  return db
    .selectFrom('posts')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .select(['posts.id', 'posts.workspace_id', 'posts.board_id', 'posts.status_id', 'posts.title', 'posts.body', 'posts.deleted_at', 'posts.merged_into_id', 'boards.visibility as board_visibility'])
    .where('posts.workspace_id', '=', workspaceId)
    .where('posts.id', '=', postId)
    .forUpdate('posts')
    .executeTakeFirst();
}

/** findPostAccess for many posts at once, in any workspace: canViewPost checks each post's workspace. */
export type PostAccess = {
  id: string;
  workspace_id: string;
  board_id: string;
  deleted_at: Date | null;
  merged_into_id: string | null;
  board_visibility: Visibility;
};

/** findPostAccess for many posts at once (any workspace: the caller checks each post's); prepared (the vote path). */
export async function findPostsAccess(db: DbOrTx, postIds: readonly string[]): Promise<PostAccess[]> {
  if (postIds.length === 0) return [];
  const { rows } = await sql<PostAccess>`/* prepared */
    select posts.id, posts.workspace_id, posts.board_id, posts.deleted_at, posts.merged_into_id, boards.visibility as board_visibility
    from posts join boards on boards.id = posts.board_id
    where posts.id = any(${[...postIds]}::uuid[])`.execute(db);
  return rows;
}

export async function findPostAccess(db: DbOrTx, workspaceId: string, postId: string) {
  return db
    .selectFrom('posts')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .select(['posts.id', 'posts.workspace_id', 'posts.board_id', 'posts.deleted_at', 'posts.merged_into_id', 'boards.visibility as board_visibility'])
    .where('posts.workspace_id', '=', workspaceId)
    .where('posts.id', '=', postId)
    .executeTakeFirst();
}

export type TagRef = { id: string; name: string; color: string };

/** Tags of a whole page of posts in one query. */
export async function loadTagsByPost(db: DbOrTx, postIds: readonly string[]): Promise<Map<string, TagRef[]>> {
  const byPost = new Map<string, TagRef[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .selectFrom('post_tags')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .select(['post_tags.post_id', 'tags.id', 'tags.name', 'tags.color'])
    .where('post_tags.post_id', 'in', [...postIds])
    .orderBy((eb) => eb.fn('lower', ['tags.name']))
    .execute();
  for (const r of rows) {
    const list = byPost.get(r.post_id) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    byPost.set(r.post_id, list);
  }
  return byPost;
}

/**
 * Which posts of a page this person voted for, in one query. A vote on a merged post counts for the
 * post it was merged into (the person is one of its voters).
 */
export async function loadVotedPostIds(db: DbOrTx, personId: string, postIds: readonly string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const ids = [...postIds];
  const rows = await db
    .selectFrom('votes')
    .innerJoin('posts', 'posts.id', 'votes.post_id')
    .select(['votes.post_id', 'posts.merged_into_id'])
    .where('votes.person_id', '=', personId)
    .where((eb) => eb.or([eb('votes.post_id', 'in', ids), eb('posts.merged_into_id', 'in', ids)]))
    .execute();
  return new Set(rows.flatMap((r) => (r.merged_into_id ? [r.post_id, r.merged_into_id] : [r.post_id])));
}

export async function loadHistoryRows(db: DbOrTx, postId: string) {
  return db
    .selectFrom('status_changes')
    .leftJoin('statuses as f', 'f.id', 'status_changes.from_status_id')
    .innerJoin('statuses as t', 't.id', 'status_changes.to_status_id')
    .leftJoin('members', 'members.id', 'status_changes.actor_member_id')
    .select([
      'status_changes.id', 'status_changes.message', 'status_changes.created_at', 'members.name as actor_name',
      'f.id as from_id', 'f.name as from_name', 'f.slug as from_slug', 'f.kind as from_kind', 'f.color as from_color',
      't.id as to_id', 't.name as to_name', 't.slug as to_slug', 't.kind as to_kind', 't.color as to_color',
    ])
    .where('status_changes.post_id', '=', postId)
    .orderBy('status_changes.created_at')
    .orderBy('status_changes.id')
    .execute();
}
export type HistoryRow = Awaited<ReturnType<typeof loadHistoryRows>>[number];

export async function replacePostTags(db: DbOrTx, postId: string, tagIds: readonly string[]): Promise<void> {
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  if (tagIds.length) await db.insertInto('post_tags').values(tagIds.map((tag_id) => ({ post_id: postId, tag_id }))).execute();
}

export async function adjustBoardPostCount(db: DbOrTx, boardId: string, delta: number): Promise<void> {
  await db.updateTable('boards').set({ post_count: sql`greatest(post_count + ${delta}, 0)` }).where('id', '=', boardId).execute();
}

/**
 * The one place vote_count changes, with hot_score recomputed from the new count:
 * hot = log10(max(votes, 1)) + created_epoch / 45000 (newer posts need fewer votes to rank).
 * Runs in the voter's transaction; the row lock it takes serialises concurrent votes on the post.
 */
export async function adjustVoteCount(db: DbOrTx, postId: string, delta: number): Promise<number> {
  const counts = await adjustVoteCounts(db, new Map([[postId, delta]]));
  const count = counts.get(postId);
  if (count === undefined) throw new Error(`adjustVoteCount: no post ${postId}`);
  return count;
}

/**
 * adjustVoteCount for many posts in one statement (rows updated in id order); returns the new counts.
 * A post given a demand score (new voters added to its demand in the same transaction) gets it too.
 */
export async function adjustVoteCounts(
  db: DbOrTx, deltas: ReadonlyMap<string, number>, demandScores: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, number>> {
  const ids = [...deltas.keys()].sort();
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; vote_count: number }>`/* prepared */
    update posts set
      vote_count = posts.vote_count + d.delta,
      hot_score = log(greatest(posts.vote_count + d.delta, 1)::float8) + extract(epoch from posts.created_at)::float8 / 45000,
      demand_score = coalesce(d.demand_score, posts.demand_score)
    from unnest(${ids}::uuid[], ${ids.map((id) => deltas.get(id) ?? 0)}::int[], ${ids.map((id) => demandScores.get(id) ?? null)}::float8[]) as d(id, delta, demand_score)
    where posts.id = d.id
    returning posts.id, posts.vote_count`.execute(db);
  return new Map(rows.map((r) => [r.id, r.vote_count]));
}

export async function readVoteCounts(db: DbOrTx, postIds: readonly string[]): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.selectFrom('posts').select(['id', 'vote_count']).where('id', 'in', [...postIds]).execute();
  return new Map(rows.map((r) => [r.id, r.vote_count]));
}

/** comment_count counts public (non-internal), non-deleted comments. */
export async function adjustCommentCount(db: DbOrTx, postId: string, delta: number): Promise<number> {
  const row = await db
    .updateTable('posts')
    .set({ comment_count: sql`greatest(comment_count + ${delta}::int, 0)` })
    .where('id', '=', postId)
    .returning('comment_count')
    .executeTakeFirstOrThrow();
  return row.comment_count;
}

export function initialHotScore() {
  return sql<number>`extract(epoch from now())::float8 / 45000`;
}

export async function workspaceAllowsAnonymous(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const ws = await db.selectFrom('workspaces').select('allow_anonymous').where('id', '=', workspaceId).executeTakeFirst();
  return ws?.allow_anonymous ?? false;
}

/**
 * The author's own vote on a new post (Canny does the same). Written here rather than through the
 * votes module because votes depends on posts; the counter goes through adjustVoteCount all the same.
 */
export async function insertAuthorVote(db: DbOrTx, v: { workspaceId: string; postId: string; personId: string; memberId: string | null }): Promise<void> {
  await db.insertInto('votes')
    .values({ workspace_id: v.workspaceId, post_id: v.postId, person_id: v.personId, voted_by_member_id: v.memberId })
    .execute();
  await adjustVoteCount(db, v.postId, 1);
}
