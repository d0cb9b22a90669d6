import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

// What the in-memory similar-posts index reads from the database.
//
// The catch-up horizon. A search first reads the posts of its workspace changed since a watermark.
// Timestamps alone are not enough: a transaction stamps updated_at when it starts (now(), see the
// trigger in migrations/20261123070000_similar.sql) but becomes visible when it commits, so a
// reader that advanced its watermark to the newest timestamp it saw would skip a slow transaction
// that commits later with an older stamp. Each statement therefore also reads its "horizon": the
// start of the oldest transaction still running in the database (pg_stat_activity), or the
// statement's own start. A transaction invisible to statement N either was running when statement
// N-1 read the horizon (so it started after that horizon) or started later still; so reading from
// the horizon of the statement before the previous catch-up misses nothing (similar-indexes.ts keeps
// that pair). pg_stat_activity shows xact_start only for sessions of the same role (or to
// superusers / pg_read_all_stats): every Backboard process must connect as one role.

export type PostRow = {
  id: string;
  boardId: string;
  title: string;
  body: string;
  createdAt: number;
  /** updated_at in microseconds since the epoch (exact: < 2^53) */
  updatedMicros: number;
  isLive: boolean;
};

export type BoardRow = { id: string; isPublic: boolean };

export type SettingsRow = { version: number; options: Record<string, unknown> | null; rebuildRequestedAt: number | null };

export type CatchUp = {
  /** horizon of this statement, microseconds since the epoch */
  horizon: number;
  changes: PostRow[];
  boards: BoardRow[];
  settings: SettingsRow | null;
};

export type Watermark = { micros: number; id: string };

const HORIZON = sql<number>`(
  select (extract(epoch from least(now(), min(a.xact_start))) * 1000000)::bigint
  from pg_stat_activity a
  where a.datname = current_database() and a.backend_type = 'client backend' and a.pid <> pg_backend_pid() and a.xact_start is not null
)`;

const fromMicros = (micros: number) => sql`(timestamptz 'epoch' + ${Math.floor(micros)}::bigint * interval '1 microsecond')`;

type RawPost = { id: string; board_id: string; title: string; body: string; created_ms: number; updated_micros: number; live: boolean };

function toPostRow(r: RawPost): PostRow {
  return { id: r.id, boardId: r.board_id, title: r.title, body: r.body, createdAt: Number(r.created_ms), updatedMicros: Number(r.updated_micros), isLive: r.live };
}

const POST_COLUMNS = sql`p.id, p.board_id, p.title, p.body,
  (extract(epoch from p.created_at) * 1000)::float8 as created_ms,
  (extract(epoch from p.updated_at) * 1000000)::bigint as updated_micros,
  (p.deleted_at is null and p.merged_into_id is null) as live`;

/** The horizon alone (before a build reads its first page). */
export async function readHorizon(db: DbOrTx): Promise<number> {
  const { rows } = await sql<{ horizon: number }>`select ${HORIZON} as horizon`.execute(db);
  return Number(rows[0].horizon);
}

/**
 * One round trip: posts changed at or after `from` (keyset (updated_at, id), at most `limit`), the
 * workspace's boards and its similar-posts settings, and this statement's horizon.
 */
export async function readCatchUp(db: DbOrTx, workspaceId: string, from: Watermark, limit: number): Promise<CatchUp> {
  const { rows } = await sql<{ horizon: number; changes: RawPost[] | null; boards: Array<[string, string]> | null; settings: { version: number; options: Record<string, unknown> | null; rebuild_micros: number | null } | null }>`
    select ${HORIZON} as horizon,
      (select json_agg(c) from (
        select ${POST_COLUMNS} from posts p
        where p.workspace_id = ${workspaceId} and (p.updated_at, p.id) >= (${fromMicros(from.micros)}, ${from.id}::uuid)
        order by p.updated_at, p.id limit ${limit}
      ) c) as changes,
      (select json_agg(json_build_array(b.id, b.visibility)) from boards b where b.workspace_id = ${workspaceId}) as boards,
      (select json_build_object('version', s.version, 'options', s.options,
                'rebuild_micros', (extract(epoch from s.rebuild_requested_at) * 1000000)::bigint)
         from similar_settings s where s.workspace_id = ${workspaceId}) as settings`.execute(db);
  const row = rows[0];
  return {
    horizon: Number(row.horizon),
    changes: (row.changes ?? []).map(toPostRow),
    boards: (row.boards ?? []).map(([id, visibility]) => ({ id, isPublic: visibility === 'public' })),
    settings: row.settings
      ? { version: row.settings.version, options: row.settings.options, rebuildRequestedAt: row.settings.rebuild_micros === null ? null : Number(row.settings.rebuild_micros) }
      : null,
  };
}

/** A page of the workspace's live posts (not deleted, not merged) in id order, for a full build. */
export async function readLivePosts(db: DbOrTx, workspaceId: string, afterId: string | null, limit: number): Promise<PostRow[]> {
  const { rows } = await sql<RawPost>`
    select ${POST_COLUMNS} from posts p
    where p.workspace_id = ${workspaceId} and p.deleted_at is null and p.merged_into_id is null
      ${afterId === null ? sql`` : sql`and p.id > ${afterId}::uuid`}
    order by p.id limit ${limit}`.execute(db);
  return rows.map(toPostRow);
}

/** Posts by id whatever their state (for calibration on merged sources), still in the workspace. */
export async function readPostsById(db: DbOrTx, workspaceId: string, ids: readonly string[]): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<RawPost>`
    select ${POST_COLUMNS} from posts p where p.workspace_id = ${workspaceId} and p.id = any(${[...ids]}::uuid[])`.execute(db);
  return rows.map(toPostRow);
}

/** Asks every process to rebuild the workspace's index on its next catch-up. */
export async function requestRebuild(db: DbOrTx, workspaceId: string): Promise<void> {
  await sql`insert into similar_settings (workspace_id, rebuild_requested_at) values (${workspaceId}, now())
    on conflict (workspace_id) do update set rebuild_requested_at = now(), version = similar_settings.version + 1`.execute(db);
}
