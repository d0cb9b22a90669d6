// `npm run bench` (issue 2, "Benchmark"): seeds (or reuses) 100,000 posts and 1,000,000 votes in an
// embedded PostgreSQL under bench/.data, starts the real server and a bare-Fastify ceiling as separate
// processes, loads each with autocannon and reports req/s, latency, peak RSS and the ratio to the ceiling.
//   node bench/run.ts [--duration 20] [--warmup 3] [--connections 10,50] [--only list-top,vote] [--reseed] [--data-dir DIR]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { checkVotes, countVotes, loadFixture, readPostgresVersion } from './bench-db.ts';
import { readPeakRssMb, runNodeScript, sampleCpu, startBackboard, startCeiling, ROOT, type Served } from './processes.ts';
import { describeMachine, evaluateTargets, formatConsole, formatMarkdown, withRatios, type BenchReport, type Row } from './report.ts';
import {
  ceilingRequests, makeRunTag, newVoteLedger, runLoad, scenarioRequests, SCENARIO_LABELS, SCENARIOS,
  type CpuSampler, type Fixture, type ScenarioName,
} from './scenarios.ts';
import type { RequestSpec } from 'autocannon';
import { DEFAULT_DATA_DIR, FULL_SCALE } from './seed.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '10,50' },
    only: { type: 'string' },
    reseed: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
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
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SCENARIOS];
for (const name of only) if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`--only: unknown scenario "${name}" (${SCENARIOS.join(', ')})`);
const scenarios = SCENARIOS.filter((s) => only.includes(s));
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

// 1. The ceiling of this machine, in its own process, under the same load.
let ceilingRss = 0;
{
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
try {
  progress('starting the Backboard server');
  server = await startBackboard(dataDir, path.join(resultsDir, 'server.log'));
  // the server owns the embedded PostgreSQL; this process only attaches to it
  const embedded = await startEmbeddedPostgres({ dataDir });
  db = createDatabase(embedded.connectionString, { max: 4 });
  postgresVersion = await readPostgresVersion(db);
  const fixture = await loadFixture(db);
  const tag = makeRunTag();
  for (const scenario of scenarios) {
    for (const c of connectionCounts) {
      rows.push({ scenario, result: await runScenario(server, db, fixture, scenario, c, tag) });
    }
  }
  serverRss = await readPeakRssMb(server.pid);
  await sleep(SETTLE_MS);
} finally {
  await db?.destroy();
  if (server) {
    progress('stopping the server');
    await server.stop();
  }
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
  const result = await runLoad(url, scenarioRequests('vote', fixture, tag, ledger), connections, duration, cpu);
  await sleep(SETTLE_MS);
  voteChecks.push({ connections, ...(await checkVotes(db, fixture.workspaceId, ledger, before, result.requests)) });
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
  targets: evaluateTargets(ratioRows, serverRss, voteChecks),
};
const jsonPath = path.join(resultsDir, 'latest.json');
await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${formatConsole(report)}\n\n--- markdown (for docs/PERFORMANCE.md) ---\n\n${formatMarkdown(report)}`);
progress(`results written to ${path.relative(ROOT, jsonPath)}`);
process.exit(voteChecks.every((c) => c.ok) ? 0 : 1);
