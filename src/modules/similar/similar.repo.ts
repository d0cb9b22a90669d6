import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { StatusKind } from '../../db/schema.ts';

// Queries of the similar-posts search and the duplicate queue; every function takes db | tx first.

export type StatusRef = { id: string; name: string; slug: string; kind: StatusKind; color: string };

export type PostCard = {
  id: string;
  title: string;
  boardId: string;
  board: { id: string; name: string; slug: string };
  status: StatusRef;
  voteCount: number;
  createdAt: Date;
};

function postCards(db: DbOrTx) {
  return db
    .selectFrom('posts as p')
    .innerJoin('statuses as s', 's.id', 'p.status_id')
    .innerJoin('boards as b', 'b.id', 'p.board_id')
    .select([
      'p.id', 'p.title', 'p.board_id', 'p.vote_count', 'p.created_at', 'b.name as board_name', 'b.slug as board_slug', 'b.visibility',
      's.id as status_id', 's.name as status_name', 's.slug as status_slug', 's.kind as status_kind', 's.color as status_color',
    ]);
}

type CardRow = {
  id: string; title: string; board_id: string; vote_count: number; created_at: Date; board_name: string; board_slug: string;
  status_id: string; status_name: string; status_slug: string; status_kind: StatusKind; status_color: string;
};

function toCard(r: CardRow): PostCard {
  return {
    id: r.id, title: r.title, boardId: r.board_id, board: { id: r.board_id, name: r.board_name, slug: r.board_slug },
    status: { id: r.status_id, name: r.status_name, slug: r.status_slug, kind: r.status_kind, color: r.status_color },
    voteCount: r.vote_count, createdAt: r.created_at,
  };
}

/** Live posts (not deleted, not merged) by id, as the caller may see them (private boards: team only). */
export async function loadPostCards(db: DbOrTx, workspaceId: string, ids: readonly string[], includePrivate: boolean): Promise<Map<string, PostCard>> {
  if (ids.length === 0) return new Map();
  let query = postCards(db)
    .where('p.workspace_id', '=', workspaceId).where('p.id', 'in', [...ids])
    .where('p.deleted_at', 'is', null).where('p.merged_into_id', 'is', null);
  if (!includePrivate) query = query.where('b.visibility', '=', 'public');
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, toCard(r)]));
}

/** Which of the posts the person voted for (a vote on a post merged into one counts for it). */
export async function loadVotedIds(db: DbOrTx, personId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('votes').innerJoin('posts', 'posts.id', 'votes.post_id')
    .select(['votes.post_id', 'posts.merged_into_id'])
    .where('votes.person_id', '=', personId)
    .where((eb) => eb.or([eb('votes.post_id', 'in', [...ids]), eb('posts.merged_into_id', 'in', [...ids])]))
    .execute();
  return new Set(rows.map((r) => r.merged_into_id ?? r.post_id));
}

export type CandidateInput = { workspaceId: string; postId: string; similarPostId: string; score: number; matched: string[] };

/**
 * Stores a likely pair once whatever its order; a pair already known keeps its row — above all a
 * dismissed one ("never suggested again"). Returns whether a new pair was stored.
 */
export async function insertCandidate(db: DbOrTx, c: CandidateInput): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    insert into duplicate_candidates (workspace_id, post_id, similar_post_id, score, matched)
    values (${c.workspaceId}, ${c.postId}, ${c.similarPostId}, ${c.score}, ${c.matched}::text[])
    on conflict ((least(post_id, similar_post_id)), (greatest(post_id, similar_post_id))) do nothing
    returning id`.execute(db);
  return rows.length > 0;
}

export type QueueRow = { id: string; postId: string; similarPostId: string; score: number; matched: string[]; createdAt: Date };

const openLivePairs = (db: DbOrTx, workspaceId: string) => db
  .selectFrom('duplicate_candidates as c')
  .innerJoin('posts as a', 'a.id', 'c.post_id')
  .innerJoin('posts as b', 'b.id', 'c.similar_post_id')
  .where('c.workspace_id', '=', workspaceId).where('c.state', '=', 'open')
  .where('a.deleted_at', 'is', null).where('a.merged_into_id', 'is', null)
  .where('b.deleted_at', 'is', null).where('b.merged_into_id', 'is', null);

/** Open pairs whose posts are both live, best first, after the keyset (score, id). */
export async function listOpenCandidates(db: DbOrTx, workspaceId: string, after: { score: number; id: string } | null, limit: number): Promise<QueueRow[]> {
  let query = openLivePairs(db, workspaceId)
    .select(['c.id', 'c.post_id', 'c.similar_post_id', 'c.score', 'c.matched', 'c.created_at']);
  if (after) query = query.where((eb) => eb.or([eb('c.score', '<', after.score), eb.and([eb('c.score', '=', after.score), eb('c.id', '<', after.id)])]));
  const rows = await query.orderBy('c.score', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, postId: r.post_id, similarPostId: r.similar_post_id, score: r.score, matched: r.matched, createdAt: r.created_at }));
}

/** Every open live pair of the workspace (ids only), to find clusters; bounded. */
export async function listOpenPairIds(db: DbOrTx, workspaceId: string, max: number): Promise<Array<[string, string]>> {
  const rows = await openLivePairs(db, workspaceId).select(['c.post_id', 'c.similar_post_id']).orderBy('c.score', 'desc').limit(max).execute();
  return rows.map((r) => [r.post_id, r.similar_post_id]);
}

export async function findCandidate(db: DbOrTx, workspaceId: string, id: string) {
  return db.selectFrom('duplicate_candidates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function markDismissed(db: DbOrTx, id: string, memberId: string | null, now: Date): Promise<void> {
  await db.updateTable('duplicate_candidates')
    .set({ state: 'dismissed', decided_by_member_id: memberId, decided_at: now })
    .where('id', '=', id).where('state', '=', 'open').execute();
}

export type Decision = { a: string; b: string; duplicate: boolean };

/**
 * The workspace's labelled pairs, newest first: merges in force (source, target) and dismissed
 * suggestions (the checked post, the post it was said to resemble).
 */
export async function listDecisions(db: DbOrTx, workspaceId: string, max: number): Promise<Decision[]> {
  const merges = await db.selectFrom('post_merges').select(['source_post_id', 'target_post_id'])
    .where('workspace_id', '=', workspaceId).where('undone_at', 'is', null)
    .orderBy('created_at', 'desc').limit(max).execute();
  const dismissed = await db.selectFrom('duplicate_candidates').select(['post_id', 'similar_post_id'])
    .where('workspace_id', '=', workspaceId).where('state', '=', 'dismissed')
    .orderBy('decided_at', 'desc').limit(max).execute();
  return [
    ...merges.map((m) => ({ a: m.source_post_id, b: m.target_post_id, duplicate: true })),
    ...dismissed.map((d) => ({ a: d.post_id, b: d.similar_post_id, duplicate: false })),
  ];
}

export async function saveCalibration(db: DbOrTx, workspaceId: string, options: Record<string, unknown> | null, decisions: number): Promise<void> {
  const json = options === null ? null : JSON.stringify(options);
  await sql`insert into similar_settings (workspace_id, options, decisions, calibrated_at) values (${workspaceId}, ${json}::jsonb, ${decisions}, now())
    on conflict (workspace_id) do update set options = excluded.options, decisions = excluded.decisions,
      calibrated_at = excluded.calibrated_at, version = similar_settings.version + 1`.execute(db);
}

export async function loadSettings(db: DbOrTx, workspaceId: string) {
  return db.selectFrom('similar_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}
