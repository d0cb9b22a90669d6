// The demand refresh job (docs/adr/0005-demand-score.md). Changes enqueue it in their own transaction
// with a job key per person / company / workspace, and a refresh never runs before the change it
// reflects has committed. Posts (votes: the hot path) are only marked dirty in demand_dirty; one drain
// job per workspace refreshes them (migrations/20261123080000_demand-dirty.sql says why).
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { addJob, JOB_PRIORITY } from '../../jobs/index.ts';
import { hasMomentum } from './demand.repo.ts';
import { insertDecayGate } from './new-voters.repo.ts';
import { refreshDemand, type DemandRefreshResult, type DemandRefreshTarget } from './refresh-demand.ts';
import { isUuid } from '../../lib/ids.ts';

export const DEMAND_REFRESH_TASK = 'demand.refresh';

/** Momentum fades with time, not only with votes: while any post has some, it is recomputed hourly. */
export const DECAY_INTERVAL_MS = 60 * 60 * 1000;

const SCOPES = new Set(['posts', 'person', 'company', 'workspace', 'decay']);

/** Schedules a refresh; call it with the transaction that makes the change. */
export async function enqueueDemandRefresh(db: DbOrTx, target: DemandRefreshTarget, opts: { now?: Date } = {}): Promise<void> {
  const ws = target.workspaceId;
  switch (target.scope) {
    case 'posts': {
      const postIds = [...new Set(target.postIds)];
      if (postIds.length === 0) return;
      await sql`/* prepared */ insert into demand_dirty (post_id, workspace_id)
        select id, ${ws}::uuid from unnest(${postIds}::uuid[]) as id on conflict (post_id) do nothing`.execute(db);
      // a drain is scheduled only when none is pending: at most one job (and one NOTIFY) per drain cycle.
      // Drains of a workspace run one at a time (their own job queue): under steady voting each drain
      // takes everything marked while the previous one ran, so the batches grow with the load instead
      // of several workers re-scoring a few posts each and waiting on each other's locks.
      const { rows } = await sql<{ workspace_id: string }>`/* prepared */ insert into demand_drains (workspace_id) values (${ws})
        on conflict (workspace_id) do nothing returning workspace_id`.execute(db);
      if (rows.length) await addJob(db, DEMAND_REFRESH_TASK, { scope: 'dirty', workspaceId: ws }, { jobKey: `demand:dirty:${ws}`, queueName: `demand:drain:${ws}`, priority: JOB_PRIORITY.analysis });
      return;
    }
    case 'person':
      return addJob(db, DEMAND_REFRESH_TASK, target, { jobKey: `demand:person:${target.personId}`, priority: JOB_PRIORITY.analysis });
    case 'company':
      return addJob(db, DEMAND_REFRESH_TASK, target, { jobKey: `demand:company:${target.companyId}`, priority: JOB_PRIORITY.analysis });
    case 'workspace':
      return addJob(db, DEMAND_REFRESH_TASK, target, { jobKey: `demand:workspace:${ws}`, priority: JOB_PRIORITY.analysis });
    case 'decay': {
      // at most one pending decay per workspace, added without a NOTIFY when one is already pending
      const { rows } = await sql<{ workspace_id: string }>`/* prepared */ ${insertDecayGate(ws)}`.execute(db);
      if (rows.length) await scheduleDecay(db, ws, opts.now);
      return;
    }
  }
}

/** Adds the workspace's decay job an hour from now; call it once its gate row was inserted (insertDecayGate). */
export async function scheduleDecay(db: DbOrTx, workspaceId: string, now: Date = new Date()): Promise<void> {
  // preserve_run_at: a pending decay keeps its time (one added before demand_decays existed)
  await addJob(db, DEMAND_REFRESH_TASK, { scope: 'decay', workspaceId }, {
    jobKey: `demand:decay:${workspaceId}`, jobKeyMode: 'preserve_run_at', priority: JOB_PRIORITY.analysis, runAt: new Date(now.getTime() + DECAY_INTERVAL_MS),
  });
}

/** The job handler: refresh, then keep the hourly decay going while some post still has momentum. */
export async function runDemandRefreshJob(db: DbOrTx, payload: unknown, opts: { now?: Date } = {}): Promise<DemandRefreshResult> {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (p.scope === 'dirty' && isUuid(p.workspaceId)) return drainDirtyDemand(db, p.workspaceId, opts);
  const target = parseTarget(payload);
  if (target.scope === 'decay') {
    // from here on a change that brings momentum schedules the next decay itself (enqueueDemandRefresh)
    await sql`delete from demand_decays where workspace_id = ${target.workspaceId}`.execute(db);
    // the hourly decay also picks up posts a drain may have missed (see drainDirtyDemand)
    await drainDirtyDemand(db, target.workspaceId, opts);
  }
  const result = await refreshDemand(db, target, opts);
  const keepDecaying = target.scope === 'decay' ? await hasMomentum(db, target.workspaceId) : result.withMomentum > 0;
  if (keepDecaying) await enqueueDemandRefresh(db, { scope: 'decay', workspaceId: target.workspaceId }, opts);
  return result;
}

/**
 * Refreshes every post marked dirty in the workspace, in batches. The drain flag is cleared first, so a
 * vote committing meanwhile schedules the next drain; rows are claimed with SKIP LOCKED, so several
 * workers share the work.
 */
export async function drainDirtyDemand(db: DbOrTx, workspaceId: string, opts: { now?: Date } = {}): Promise<DemandRefreshResult> {
  await sql`delete from demand_drains where workspace_id = ${workspaceId}`.execute(db);
  const total: DemandRefreshResult = { groups: 0, stubs: 0, withMomentum: 0 };
  for (;;) {
    const { rows } = await sql<{ post_id: string }>`
      delete from demand_dirty where post_id in (
        select post_id from demand_dirty where workspace_id = ${workspaceId} order by marked_at limit 500 for update skip locked
      ) returning post_id`.execute(db);
    if (rows.length === 0) break;
    const result = await refreshDemand(db, { scope: 'posts', workspaceId, postIds: rows.map((r) => r.post_id) }, opts);
    total.groups += result.groups;
    total.stubs += result.stubs;
    total.withMomentum += result.withMomentum;
  }
  if (total.withMomentum > 0) await enqueueDemandRefresh(db, { scope: 'decay', workspaceId }, opts);
  return total;
}

function parseTarget(payload: unknown): DemandRefreshTarget {
  const p = (payload ?? {}) as Record<string, unknown>;
  const id = (key: string): string => {
    const value = p[key];
    if (!isUuid(value)) throw new Error(`demand.refresh: ${key} must be a uuid`);
    return value;
  };
  const scope = p.scope;
  if (typeof scope !== 'string' || !SCOPES.has(scope)) throw new Error(`demand.refresh: unknown scope ${String(scope)}`);
  const workspaceId = id('workspaceId');
  if (scope === 'posts') {
    const postIds = Array.isArray(p.postIds) ? p.postIds.filter(isUuid) : [];
    return { scope, workspaceId, postIds };
  }
  if (scope === 'person') return { scope, workspaceId, personId: id('personId') };
  if (scope === 'company') return { scope, workspaceId, companyId: id('companyId') };
  return { scope: scope as 'workspace' | 'decay', workspaceId };
}

/**
 * Merges and unmerges change which posts form a group (merges record post.merged; an unmerge records
 * post.updated with `unmerged`). This event consumer refreshes every post the merge log connects to the
 * event's post — its target, its sources, posts re-pointed along — so both sides are re-scored.
 */
export async function refreshDemandForMergeEvent(
  db: DbOrTx,
  event: { type: string; workspace_id: string; post_id: string | null; data: Record<string, unknown> | null },
): Promise<void> {
  if (!isMergeEvent(event) || !event.post_id) return;
  const postId = event.post_id;
  const rows = await db.selectFrom('post_merges')
    .select(['source_post_id', 'target_post_id'])
    .where('workspace_id', '=', event.workspace_id)
    .where((eb) => eb.or([eb('source_post_id', '=', postId), eb('target_post_id', '=', postId)]))
    .execute();
  const named = [event.data?.targetId, (event.data?.unmerged as { fromTargetId?: unknown } | undefined)?.fromTargetId]
    .filter(isUuid);
  const ids = new Set([postId, ...named, ...rows.flatMap((r) => [r.source_post_id, r.target_post_id])]);
  await enqueueDemandRefresh(db, { scope: 'posts', workspaceId: event.workspace_id, postIds: [...ids] });
}

function isMergeEvent(event: { type: string; data: Record<string, unknown> | null }): boolean {
  if (event.type === 'post.merged' || event.type === 'post.unmerged') return true;
  return event.type === 'post.updated' && Boolean(event.data && 'unmerged' in event.data);
}
