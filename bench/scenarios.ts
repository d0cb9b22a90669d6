// The load scenarios of issue 2's benchmark, each an autocannon request description, and one run of
// autocannon reduced to the figures the report needs.
import os from 'node:os';
import autocannon, { type RequestSpec } from 'autocannon';
import { RUN_POST_TITLE_PREFIX, RUN_VOTER_DOMAIN } from './seed.ts';
import { DEMAND_SORT_LABEL, demandSortRequests } from './demand-sort.ts';
import { SIMILAR_POSTS_LABEL, similarPostsRequests } from './similar-posts.ts';

export const SCENARIOS = ['list-top', 'list-top-identity', 'list-demand', 'get-post', 'similar-posts', 'vote', 'create-post'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<ScenarioName | 'ceiling', string> = {
  ceiling: 'ceiling: bare Fastify, fixed JSON',
  'list-top': 'list a board, top 50 (anonymous browser: Accept-Encoding gzip)',
  'list-top-identity': 'list a board, top 50 (anonymous, autocannon\'s request: no Accept-Encoding)',
  'list-demand': DEMAND_SORT_LABEL,
  'get-post': 'get a post (random id)',
  'similar-posts': SIMILAR_POSTS_LABEL,
  vote: 'vote (new voter each request)',
  'create-post': 'create a post (API key)',
};

export type Fixture = {
  /** Board whose top 50 is listed (the seeded boards all hold ~20,000 posts). */
  listBoardId: string;
  boardIds: string[];
  /** A random sample of live post ids, for reads and votes. */
  postIds: string[];
  adminKey: string;
};

/** What the vote scenario sent and what the server confirmed, for the "none lost" check. */
export type VoteLedger = { emailPrefix: string; sent: Set<string>; confirmed: Set<string> };

export type LoadResult = {
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** CPU time per completed request: the server process and PostgreSQL (null for the ceiling). */
  cpuMsPerRequest: { server: number | null; postgres: number | null };
  /** 1-minute load average when the run ended (this benchmark itself accounts for about 2-3). */
  loadAvg1m: number;
};

export type CpuSampler = () => Promise<{ serverMs: number; postgresMs: number | null }>;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** A short tag unique to this run, so voter emails and post titles never collide with earlier runs. */
/** Chrome's Accept-Encoding (fetch and navigation); Node's fetch sends "br, gzip, deflate". */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export function makeRunTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function ceilingRequests(): RequestSpec[] {
  return [{ method: 'GET', path: '/ceiling' }];
}

export function scenarioRequests(name: ScenarioName, fixture: Fixture, tag: string, ledger?: VoteLedger): RequestSpec[] {
  const adminJson = { authorization: `Bearer ${fixture.adminKey}`, 'content-type': 'application/json' };
  switch (name) {
    case 'list-top':
      // what a browser's fetch() sends; the server answers cached listings gzipped (ADR 0006)
      return [{ method: 'GET', path: `/api/v1/posts?boardId=${fixture.listBoardId}&sort=top&limit=50`, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } }];
    case 'list-top-identity':
      return [{ method: 'GET', path: `/api/v1/posts?boardId=${fixture.listBoardId}&sort=top&limit=50` }];
    case 'list-demand':
      return demandSortRequests(fixture);
    case 'get-post':
      return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/posts/${pick(fixture.postIds)}` }) }];
    case 'similar-posts':
      return similarPostsRequests();
    case 'vote': {
      let n = 0;
      const prefix = ledger?.emailPrefix ?? `v-${tag}-`;
      return [{
        method: 'POST',
        headers: adminJson,
        setupRequest: (req, context) => {
          const email = `${prefix}${++n}@${RUN_VOTER_DOMAIN}`;
          context.email = email;
          ledger?.sent.add(email);
          return { ...req, path: `/api/v1/posts/${pick(fixture.postIds)}/votes`, body: JSON.stringify({ voter: { email, name: `Voter ${n}` } }) };
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300 && typeof context.email === 'string') ledger?.confirmed.add(context.email);
        },
      }];
    }
    case 'create-post': {
      let n = 0;
      return [{
        method: 'POST',
        headers: adminJson,
        setupRequest: (req) => ({
          ...req,
          path: '/api/v1/posts',
          body: JSON.stringify({
            boardId: pick(fixture.boardIds),
            title: `${RUN_POST_TITLE_PREFIX} ${tag} ${++n}`,
            body: 'Posted by the benchmark: a short **markdown** body with a [link](https://example.com).',
          }),
        }),
      }];
    }
  }
}

export function newVoteLedger(tag: string, connections: number): VoteLedger {
  return { emailPrefix: `v-${tag}-c${connections}-`, sent: new Set(), confirmed: new Set() };
}

export async function runLoad(url: string, requests: RequestSpec[], connections: number, seconds: number, sampleCpu?: CpuSampler): Promise<LoadResult> {
  const cpuBefore = sampleCpu ? await sampleCpu() : null;
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 10 });
  const cpuAfter = sampleCpu ? await sampleCpu() : null;
  const perRequest = (before: number | null | undefined, after: number | null | undefined) =>
    before == null || after == null || result.requests.total === 0 ? null : Math.max(0, after - before) / result.requests.total;
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count;
  return {
    connections,
    seconds: result.duration,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    cpuMsPerRequest: { server: perRequest(cpuBefore?.serverMs, cpuAfter?.serverMs), postgres: perRequest(cpuBefore?.postgresMs, cpuAfter?.postgresMs) },
    loadAvg1m: os.loadavg()[0],
  };
}
