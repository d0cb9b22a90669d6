// The post listing (top / trending / demand / new, filters, keyset cursors): ranked sorts walk
// post_rank's indexes (docs/adr/0008-post-rank.md), "new" walks posts' own.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { selectPostRows, type PostRow } from './posts.repo.ts';

export type PostListFilter = {
  workspaceId: string;
  boardId: string | null;
  /** Anyone outside the team sees public boards only. */
  publicOnly: boolean;
  /** null = any status; [] = none matched, so nothing is listed. */
  statusIds: string[] | null;
  tagId: string | null;
  q: string | null;
  includeDeleted: boolean;
  sort: 'top' | 'new' | 'trending' | 'demand';
  /** Keyset position: the sort key and id of the last row of the previous page. */
  after: { key: number | string; id: string } | null;
  limit: number;
};

export type PostListRow = PostRow & { created_key: string };

// The ranked sorts' keys live in post_rank (migrations/20261123090000_post-rank.sql): its partial
// indexes (board or workspace, key desc, post_id desc) where listed and head are what they walk.
const RANK_KEYS = {
  top: { column: 'vote_count', type: sql.raw('int') },
  trending: { column: 'hot_score', type: sql.raw('float8') },
  demand: { column: 'demand_score', type: sql.raw('float8') },
} as const;

/** Keyset pagination over (sort key desc, id desc), each sort along a matching partial index. */
export async function listPostRows(db: DbOrTx, f: PostListFilter): Promise<PostListRow[]> {
  if (f.statusIds && f.statusIds.length === 0) return [];
  if (f.sort === 'new') return listNewestPostRows(db, f);
  const { column, type } = RANK_KEYS[f.sort];
  const key = sql.ref(`r.${column}`);
  // The page's ids come from a walk along post_rank's index, as an array: an initplan, so the outer
  // query plans the same five-table join as a single post. Joining post_rank there instead triples
  // the planning time (a sixth relation in the join search), more than the whole execution.
  let page = db.selectFrom('post_rank as r').select('r.post_id')
    .where('r.workspace_id', '=', f.workspaceId)
    // a merged post lives on as a stub reachable by id; lists show the post it was merged into
    .where(sql<boolean>`r.head`);
  if (f.boardId) page = page.where('r.board_id', '=', f.boardId);
  if (f.publicOnly) {
    const workspaceId = f.workspaceId;
    page = page.where('r.board_id', 'in', (eb) => eb.selectFrom('boards').select('boards.id')
      .where('boards.workspace_id', '=', workspaceId).where('boards.visibility', '=', 'public'));
  }
  if (!f.includeDeleted) page = page.where(sql<boolean>`r.listed`);
  if (f.statusIds) page = page.where('r.status_id', 'in', f.statusIds);
  if (f.tagId) {
    const tagId = f.tagId;
    page = page.where((eb) => eb.exists(eb.selectFrom('post_tags').select('post_tags.post_id')
      .whereRef('post_tags.post_id', '=', 'r.post_id').where('post_tags.tag_id', '=', tagId)));
  }
  if (f.q) {
    const q = f.q;
    page = page.where((eb) => eb.exists(eb.selectFrom('posts as p').select('p.id')
      .whereRef('p.id', '=', 'r.post_id').where(sql<boolean>`p.search @@ websearch_to_tsquery('english', ${q})`)));
  }
  if (f.after) page = page.where(sql<boolean>`(${key}, r.post_id) < (${f.after.key}::${type}, ${f.after.id}::uuid)`);
  page = page.orderBy(key, 'desc').orderBy('r.post_id', 'desc').limit(f.limit);
  // one statement, one snapshot: posts' copy of the key equals post_rank's, so it orders the page
  return selectListRows(db)
    .where(sql<boolean>`posts.id = any(array(${page}))`)
    .orderBy(sql.ref(`posts.${column}`), 'desc')
    .orderBy('posts.id', 'desc')
    .execute() as Promise<PostListRow[]>;
}

function selectListRows(db: DbOrTx) {
  return selectPostRows(db, { fullBody: false })
    // microsecond-exact, so the "new" cursor never skips or repeats rows created in the same millisecond
    .select(sql<string>`to_char(posts.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'));
}

/** sort=new walks posts' own (board or workspace, created_at desc, id desc) indexes. */
async function listNewestPostRows(db: DbOrTx, f: PostListFilter): Promise<PostListRow[]> {
  let q = selectListRows(db)
    .where('posts.workspace_id', '=', f.workspaceId)
    // a merged post lives on as a stub reachable by id; lists show the post it was merged into
    .where('posts.merged_into_id', 'is', null);
  if (f.boardId) q = q.where('posts.board_id', '=', f.boardId);
  if (f.publicOnly) q = q.where('boards.visibility', '=', 'public');
  if (!f.includeDeleted) q = q.where('posts.deleted_at', 'is', null);
  if (f.statusIds) q = q.where('posts.status_id', 'in', f.statusIds);
  if (f.tagId) {
    const tagId = f.tagId;
    q = q.where((eb) => eb.exists(eb.selectFrom('post_tags').select('post_tags.post_id')
      .whereRef('post_tags.post_id', '=', 'posts.id').where('post_tags.tag_id', '=', tagId)));
  }
  if (f.q) q = q.where(sql<boolean>`posts.search @@ websearch_to_tsquery('english', ${f.q})`);
  if (f.after) q = q.where(sql<boolean>`(posts.created_at, posts.id) < (${f.after.key}::timestamptz, ${f.after.id}::uuid)`);
  return q.orderBy('posts.created_at', 'desc').orderBy('posts.id', 'desc').limit(f.limit).execute() as Promise<PostListRow[]>;
}

