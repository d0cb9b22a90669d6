// Bench hook for the demand sort (issue 3 §3, docs/adr/0005-demand-score.md): the bench can load
// `sort=demand` with autocannon like the other list scenarios, and/or time a walk through its pages.
// The seed's recountWorkspace materialises demand already; prepareDemandSort covers data seeded before.
import type { RequestSpec } from 'autocannon';
import type { Db } from '../src/db/database.ts';
import { refreshDemand } from '../src/modules/demand/index.ts';
import type { Fixture } from './scenarios.ts';

export const DEMAND_SORT_LABEL = 'list a board by demand, 50 per page (API key)';

/** Makes sure every post has its materialised demand (no-op when the seed already computed it). */
export async function prepareDemandSort(db: Db, workspaceId: string): Promise<{ seconds: number; refreshed: boolean }> {
  const started = Date.now();
  const any = await db.selectFrom('post_demand').select('post_id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
  if (any) return { seconds: 0, refreshed: false };
  await refreshDemand(db, { scope: 'workspace', workspaceId });
  return { seconds: (Date.now() - started) / 1000, refreshed: true };
}

/** Autocannon requests: the first page of the biggest board by demand (team-only, hence the key). */
export function demandSortRequests(fixture: Fixture): RequestSpec[] {
  return [{
    method: 'GET',
    path: `/api/v1/posts?boardId=${fixture.listBoardId}&sort=demand&limit=50`,
    headers: { authorization: `Bearer ${fixture.adminKey}` },
  }];
}

export type DemandSortLatency = { requests: number; pages: number; p50Ms: number; p99Ms: number; maxMs: number };

/**
 * Sequential latency of `sort=demand`: walks `pages` pages of the biggest board (keyset cursors, so
 * deep pages cost the same as the first), `rounds` times, and reports percentiles per request.
 */
export async function measureDemandSortLatency(baseUrl: string, fixture: Fixture, opts: { pages?: number; rounds?: number } = {}): Promise<DemandSortLatency> {
  const pages = opts.pages ?? 20;
  const rounds = opts.rounds ?? 5;
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let cursor: string | null = null;
    for (let page = 0; page < pages; page++) {
      const url = `${baseUrl}/api/v1/posts?boardId=${fixture.listBoardId}&sort=demand&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
      const started = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${fixture.adminKey}` } });
      const body = (await res.json()) as { nextCursor: string | null };
      timings.push(performance.now() - started);
      if (!res.ok) throw new Error(`sort=demand answered ${res.status}: ${JSON.stringify(body)}`);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  return { requests: timings.length, pages, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: timings[timings.length - 1] };
}
