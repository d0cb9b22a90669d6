// Recomputes the materialised demand (post_demand, post_demand_segments, posts.demand_score) from the
// votes, people and companies. Runs in the job worker (docs/adr/0005-demand-score.md): every change that
// moves demand enqueues a refresh in its own transaction, and the refresh reads what was committed.
import { withTransaction, type DbOrTx } from '../../db/database.ts';
import { computeGroupDemand } from './compute-group-demand.ts';
import {
  clearStubDemand, findGroupRefs, findPostIdsVotedByCompany, findPostIdsVotedByPerson, loadDemandSettings, lockDemandOf, lockPostDemand,
  pageMomentumPostIds, pageWorkspacePostIds, writeGroupDemand,
} from './demand.repo.ts';

/** What to refresh: some posts, everything a person or a company voted for, a whole workspace, or the momentum decay. */
export type DemandRefreshTarget =
  | { scope: 'posts'; workspaceId: string; postIds: string[] }
  | { scope: 'person'; workspaceId: string; personId: string }
  | { scope: 'company'; workspaceId: string; companyId: string }
  | { scope: 'workspace'; workspaceId: string }
  | { scope: 'decay'; workspaceId: string };

export type DemandRefreshResult = { groups: number; stubs: number; withMomentum: number };

// Small enough that a batch holds its locks for milliseconds, big enough that a full rebuild of
// 100,000 posts is ~100 statements of each kind.
const BATCH = 1000;
// The merge invariant is one hop; a longer chain would be a bug elsewhere, but must not loop here.
const MAX_HOPS = 3;

export async function refreshDemand(db: DbOrTx, target: DemandRefreshTarget, opts: { now?: Date } = {}): Promise<DemandRefreshResult> {
  const now = opts.now ?? new Date();
  const total: DemandRefreshResult = { groups: 0, stubs: 0, withMomentum: 0 };
  const add = (r: DemandRefreshResult) => {
    total.groups += r.groups;
    total.stubs += r.stubs;
    total.withMomentum += r.withMomentum;
  };
  const ws = target.workspaceId;
  if (target.scope === 'workspace' || target.scope === 'decay') {
    const page = target.scope === 'workspace' ? pageWorkspacePostIds : pageMomentumPostIds;
    let after: string | null = null;
    for (;;) {
      const ids = await page(db, ws, after, BATCH);
      if (ids.length === 0) break;
      add(await refreshPostBatch(db, ws, ids, now));
      after = ids[ids.length - 1];
      if (ids.length < BATCH) break;
    }
    return total;
  }
  const ids = target.scope === 'posts' ? [...new Set(target.postIds)]
    : target.scope === 'person' ? await findPostIdsVotedByPerson(db, ws, target.personId)
    : await findPostIdsVotedByCompany(db, ws, target.companyId);
  for (let i = 0; i < ids.length; i += BATCH) add(await refreshPostBatch(db, ws, ids.slice(i, i + BATCH), now));
  return total;
}

/** Group heads and stubs behind some post ids: a stub's demand belongs to the post it was merged into. */
async function resolveGroups(db: DbOrTx, workspaceId: string, postIds: readonly string[]): Promise<{ heads: string[]; stubs: string[] }> {
  const heads = new Set<string>();
  const stubs = new Set<string>();
  let pending = [...postIds];
  for (let hop = 0; hop < MAX_HOPS && pending.length; hop++) {
    const refs = await findGroupRefs(db, workspaceId, pending);
    pending = [];
    for (const ref of refs) {
      if (ref.merged_into_id) {
        stubs.add(ref.id);
        if (!heads.has(ref.merged_into_id) && !stubs.has(ref.merged_into_id)) pending.push(ref.merged_into_id);
      } else {
        heads.add(ref.id);
      }
    }
  }
  return { heads: [...heads], stubs: [...stubs] };
}

async function refreshPostBatch(db: DbOrTx, workspaceId: string, postIds: readonly string[], now: Date): Promise<DemandRefreshResult> {
  return withTransaction(db, async (tx) => {
    const guess = await resolveGroups(tx, workspaceId, postIds);
    const locked = new Set([...guess.heads, ...guess.stubs]);
    await lockDemandOf(tx, [...locked]);
    // Resolved again under the lock: a merge that committed meanwhile changed the groups. (A merge
    // committing later enqueues its own refresh, which waits for these locks and then sees it.)
    const { heads, stubs } = await resolveGroups(tx, workspaceId, postIds);
    await lockDemandOf(tx, [...heads, ...stubs].filter((id) => !locked.has(id)));
    // and the stored rows, before the votes are read: a vote adding its voter meanwhile (addNewVotersToDemand)
    // either committed before (and is read below) or waits, then adds to what this refresh writes
    await lockPostDemand(tx, [...heads, ...stubs].sort());
    const settings = await loadDemandSettings(tx, workspaceId);
    const demand = await computeGroupDemand(tx, workspaceId, heads, settings, now);
    const groups = [...demand.values()];
    await writeGroupDemand(tx, workspaceId, groups, now);
    await clearStubDemand(tx, stubs);
    return { groups: groups.length, stubs: stubs.length, withMomentum: groups.filter((g) => g.components.momentum > 0).length };
  });
}
