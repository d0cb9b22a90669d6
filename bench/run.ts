// `npm run bench` (issue 2, "Benchmark"): seeds (or reuses) 100,000 posts and 1,000,000 votes in an
// embedded PostgreSQL under bench/.data, starts the real server and a bare-Fastify ceiling as separate
// processes, loads each with autocannon and reports req/s, latency, peak RSS and the ratio to the ceiling.
// Then the outbox (issue 4): one status change to a post's followers, timed until a local SMTP sink has every email.
//   node bench/run.ts [--duration 20] [--warmup 3] [--connections 10,50] [--only list-top,vote,outbox] [--reseed] [--data-dir DIR]
//                     [--outbox-subscribers 2000]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { checkVotes, countVotes, loadFixture, readPostgresVersion, readWalCounters, waitForIdleQueue } from './bench-db.ts';
import { readPeakRssMb, runNodeScript, sampleCpu, startBackboard, startCeiling, ROOT, type Served } from './processes.ts';
import { describeMachine, evaluateTargets, formatConsole, formatMarkdown, withRatios, type BenchReport, type Row } from './report.ts';
import {
  ceilingRequests, makeRunTag, newVoteLedger, runLoad, scenarioRequests, SCENARIO_LABELS, SCENARIOS,
  type CpuSampler, type Fixture, type ScenarioName,
} from './scenarios.ts';
import type { RequestSpec } from 'autocannon';
import { DEFAULT_DATA_DIR, FULL_SCALE } from './seed.ts';
import { measureSimilarLatency, waitForSimilarIndex, type SimilarLatency } from './similar-posts.ts';
import { measureDemandSortLatency, prepareDemandSort, type DemandSortLatency } from './demand-sort.ts';
import { OUTBOX_SUBSCRIBERS, runOutboxBench, type OutboxResult } from './outbox.ts';
import { startSmtpSink } from './smtp-sink.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '10,50' },
    only: { type: 'string' },
    reseed: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'outbox-subscribers': { type: 'string', default: String(OUTBOX_SUBSCRIBERS) },
  },
});

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${text}"`);
  return n;
}

const duration = positive('duration', values.duration);
const warmup = values.warmup === undefined ? Math.min(3, duration) : Number(values.warmup);
const connectionCounts = values.connections.split(',').map((c) => Math.round(positive('connections', c.trim())));
// `outbox` is not an autocannon scenario: it runs once, after them
const RUNS: readonly string[] = [...SCENARIOS, 'outbox'];
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...RUNS];
for (const name of only) if (!RUNS.includes(name)) throw new Error(`--only: unknown scenario "${name}" (${RUNS.join(', ')})`);
const scenarios = SCENARIOS.filter((s) => only.includes(s));
const outboxSubscribers = Math.round(positive('outbox-subscribers', values['outbox-subscribers']));
const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
const resultsDir = path.join(ROOT, 'bench', 'results');
await mkdir(resultsDir, { recursive: true });

// autocannon closes its sockets when the time is up; the server still finishes the requests that were
// in flight, so let them land before counting rows or stopping the server
const SETTLE_MS = 2000;
const progress = (msg: string) => console.log(`[bench] ${msg}`);
const rows: Array<Omit<Row, 'ratioToCeiling'>> = [];
const voteChecks: BenchReport['voteChecks'] = [];

progress(`preparing data in ${dataDir}${values.reseed ? ' (reseed)' : ''}`);
await runNodeScript(['bench/seed.ts', '--data-dir', dataDir, ...(values.reseed ? ['--reseed'] : [])]);

async function measure(url: string, label: string, makeRequests: () => RequestSpec[], connections: number, cpu: CpuSampler) {
  if (warmup > 0) await runLoad(url, makeRequests(), connections, warmup);
  progress(`${label}, ${connections} connections, ${duration} s`);
  return runLoad(url, makeRequests(), connections, duration, cpu);
}

// 1. The ceiling of this machine, in its own process, under the same load (skipped when no load scenario runs).
let ceilingRss: number | null = null;
if (scenarios.length > 0) {
  const ceiling = await startCeiling(path.join(resultsDir, 'ceiling.log'));
  try {
    const cpu: CpuSampler = async () => {
      ceiling.assertAlive('the ceiling run');
      return { serverMs: (await sampleCpu(ceiling.pid, null)).serverMs, postgresMs: null };
    };
    for (const c of connectionCounts) {
      rows.push({ scenario: 'ceiling', result: await measure(ceiling.baseUrl, SCENARIO_LABELS.ceiling, ceilingRequests, c, cpu) });
    }
    ceilingRss = await readPeakRssMb(ceiling.pid);
  } finally {
    await ceiling.stop();
  }
}

// 2. The real server (`node src/main.ts serve`) on the seeded embedded PostgreSQL.
let server: Served | null = null;
let db: Db | null = null;
let serverRss: number | null = null;
let postgresVersion = 'unknown';
let demandWalk: DemandSortLatency | null = null;
let similarSerial: SimilarLatency | null = null;
let outbox: OutboxResult | null = null;
// the server's mail goes to this sink (an SMTP server in this process), as it would to a provider
const sink = await startSmtpSink();
try {
  progress('starting the Backboard server');
  server = await startBackboard(dataDir, path.join(resultsDir, 'server.log'), { SMTP_URL: sink.url });
  // the server owns the embedded PostgreSQL; this process only attaches to it
  const embedded = await startEmbeddedPostgres({ dataDir });
  db = createDatabase(embedded.connectionString, { max: 4 });
  postgresVersion = await readPostgresVersion(db);
  const fixture = await loadFixture(db);
  const tag = makeRunTag();
  if (scenarios.includes('list-demand')) {
    const prepared = await prepareDemandSort(db, fixture.workspaceId);
    if (prepared.refreshed) progress(`materialised demand scores in ${prepared.seconds.toFixed(1)} s`);
  }
  // the server builds its similar-posts index in the background at start (seconds of CPU at 100k
  // posts): let it finish first, so no scenario pays for it (a running server has built it long before)
  progress(`similar posts: index ready after ${(await waitForSimilarIndex(server.baseUrl)).toFixed(1)} s`);
  // the reset at start (and earlier runs) may leave background jobs queued: drain them first
  const queue = await waitForIdleQueue(db);
  if (queue.jobs > 0) {
    progress(`background jobs: ${queue.jobs} queued at start, ${queue.idle ? 'done' : 'STILL RUNNING'} after ${queue.seconds.toFixed(1)} s`);
  }
  for (const scenario of scenarios) {
    for (const c of connectionCounts) {
      rows.push({ scenario, result: await runScenario(server, db, fixture, scenario, c, tag) });
    }
    if (scenario === 'list-demand') {
      progress('sort=demand: walking 20 pages of the board, 5 times, one request at a time');
      demandWalk = await measureDemandSortLatency(server.baseUrl, fixture);
    }
    if (scenario === 'similar-posts') {
      progress('similar posts: every query 20 times, one request at a time');
      similarSerial = await measureSimilarLatency(server.baseUrl);
    }
  }
  // the figure for issue 2's RSS target: the peak under the load scenarios (not measured without them)
  if (scenarios.length > 0) serverRss = await readPeakRssMb(server.pid);
  await sleep(SETTLE_MS);
  if (only.includes('outbox')) {
    const rssBefore = await readPeakRssMb(server.pid);
    const served = server;
    const sampleOutboxCpu: CpuSampler = () => {
      served.assertAlive('the outbox run');
      return sampleCpu(served.pid, dataDir);
    };
    outbox = await runOutboxBench({ db, baseUrl: server.baseUrl, fixture, sink, tag, subscribers: outboxSubscribers, progress, sampleCpu: sampleOutboxCpu });
    outbox.serverPeakRssMb = { before: rssBefore, after: await readPeakRssMb(server.pid) };
  }
} finally {
  await db?.destroy();
  if (server) {
    progress('stopping the server');
    await server.stop();
  }
  await sink.close();
}

async function runScenario(served: Served, db: Db, fixture: Fixture & { workspaceId: string }, scenario: ScenarioName, connections: number, tag: string) {
  const url = served.baseUrl;
  const cpu: CpuSampler = () => {
    served.assertAlive(`${scenario}, ${connections} connections`);
    return sampleCpu(served.pid, dataDir);
  };
  if (scenario !== 'vote') return measure(url, SCENARIO_LABELS[scenario], () => scenarioRequests(scenario, fixture, tag), connections, cpu);
  if (warmup > 0) {
    await runLoad(url, scenarioRequests('vote', fixture, `${tag}w${connections}`), connections, warmup);
    await sleep(SETTLE_MS);
  }
  const before = await countVotes(db, fixture.workspaceId);
  const ledger = newVoteLedger(tag, connections);
  progress(`${SCENARIO_LABELS.vote}, ${connections} connections, ${duration} s`);
  const walBefore = await readWalCounters(db);
  const result = await runLoad(url, scenarioRequests('vote', fixture, tag, ledger), connections, duration, cpu);
  await sleep(SETTLE_MS);
  const walAfter = await readWalCounters(db);
  const check = await checkVotes(db, fixture.workspaceId, ledger, before, result.requests);
  const per = (n: number) => (check.votesAdded > 0 ? n / check.votesAdded : 0);
  check.walPerVote = { bytes: per(walAfter.bytes - walBefore.bytes), fullPageImages: per(walAfter.fullPageImages - walBefore.fullPageImages) };
  voteChecks.push({ connections, ...check });
  return result;
}

const ratioRows = withRatios(rows);
const report: BenchReport = {
  generatedAt: new Date().toISOString(),
  conditions: {
    durationSeconds: duration, warmupSeconds: warmup, connections: connectionCounts,
    dataset: `1 workspace, ${FULL_SCALE.boards} boards, ${FULL_SCALE.people.toLocaleString('en-US')} people, ${FULL_SCALE.posts.toLocaleString('en-US')} posts, ${FULL_SCALE.votes.toLocaleString('en-US')} votes`,
  },
  machine: await describeMachine(postgresVersion),
  rows: ratioRows,
  peakRssMb: { server: serverRss, ceiling: ceilingRss },
  voteChecks,
  demandWalk,
  similarSerial,
  outbox,
  targets: evaluateTargets(ratioRows, serverRss, voteChecks, outbox, similarSerial),
};
const jsonPath = path.join(resultsDir, 'latest.json');
await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${formatConsole(report)}\n\n--- markdown (for docs/PERFORMANCE.md) ---\n\n${formatMarkdown(report)}`);
progress(`results written to ${path.relative(ROOT, jsonPath)}`);
process.exit(voteChecks.every((c) => c.ok) && (outbox?.ok ?? true) ? 0 : 1);
