// The benchmark's output: a console table, a markdown section for docs/PERFORMANCE.md and the JSON
// file bench/results/latest.json, all from one report object; targets are those of issue 2.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { SCENARIO_LABELS, type LoadResult, type ScenarioName } from './scenarios.ts';
import type { VoteCheck } from './bench-db.ts';
import type { DemandSortLatency } from './demand-sort.ts';
import type { SimilarLatency } from './similar-posts.ts';
import { formatOutbox, type OutboxResult } from './outbox.ts';

export type Row = { scenario: ScenarioName | 'ceiling'; result: LoadResult; ratioToCeiling: number | null };
export type Target = { target: string; measured: string; met: boolean | null };
export type Machine = { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; kernel: string };

export type BenchReport = {
  generatedAt: string;
  conditions: { durationSeconds: number; warmupSeconds: number; connections: number[]; dataset: string };
  machine: Machine;
  rows: Row[];
  /** null when no load scenario ran (e.g. `--only outbox`) */
  peakRssMb: { server: number | null; ceiling: number | null };
  voteChecks: Array<VoteCheck & { connections: number }>;
  /** `sort=demand` one request at a time through a board's pages (with the list-demand scenario). */
  demandWalk: DemandSortLatency | null;
  /** Similar posts one request at a time (issue 3 §1's latency target), with the similar-posts scenario. */
  similarSerial?: SimilarLatency | null;
  /** Outbox throughput (issue 4): one status change, one email per follower, to a local SMTP sink. */
  outbox: OutboxResult | null;
  targets: Target[];
};

export async function describeMachine(postgres: string): Promise<Machine> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpus: os.availableParallelism(), cpuModel: model.trim(), memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    node: process.version, postgres, kernel: `${os.type()} ${os.release()}`,
  };
}

export function withRatios(rows: Array<Omit<Row, 'ratioToCeiling'>>): Row[] {
  const ceiling = new Map(rows.filter((r) => r.scenario === 'ceiling').map((r) => [r.result.connections, r.result.reqPerSec]));
  return rows.map((r) => {
    const base = ceiling.get(r.result.connections);
    return { ...r, ratioToCeiling: r.scenario === 'ceiling' || !base ? null : r.result.reqPerSec / base };
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (r: number | null) => (r === null ? '—' : `${fmt(r * 100)} %`);

export function evaluateTargets(
  rows: Row[], peakRssMb: number | null, voteChecks: BenchReport['voteChecks'], outbox: OutboxResult | null = null, similar: SimilarLatency | null = null,
): Target[] {
  const at = (s: Row['scenario'], c: number) => rows.find((r) => r.scenario === s && r.result.connections === c);
  // The target is read on autocannon's own request (no Accept-Encoding: the 39 KB JSON). The browser
  // row (gzip, ~5 KB) is bounded by autocannon, not the server: it appends every body chunk to a string
  // (UTF-8 decoding), and decoding binary gzip costs it more than 39 KB of ASCII (docs/PERFORMANCE.md).
  const list50 = at('list-top-identity', 50);
  const browser50 = at('list-top', 50);
  const votes = rows.filter((r) => r.scenario === 'vote');
  const bestVotes = votes.length ? votes.reduce((a, b) => (b.result.reqPerSec > a.result.reqPerSec ? b : a)) : null;
  return [
    {
      target: 'list a board\'s top 50 at ≥ 50 % of the ceiling (50 connections)',
      measured: list50 ? `${pct(list50.ratioToCeiling)}${browser50 ? ` (browser request, gzip: ${pct(browser50.ratioToCeiling)}, client-bound)` : ''}` : 'not measured',
      met: list50?.ratioToCeiling == null ? null : list50.ratioToCeiling >= 0.5,
    },
    {
      target: 'list a board\'s top 50: p99 < 25 ms (50 connections)',
      measured: list50 ? `${fmt(list50.result.p99Ms, 1)} ms${browser50 ? ` (browser request: ${fmt(browser50.result.p99Ms, 1)} ms)` : ''}` : 'not measured',
      met: list50 ? list50.result.p99Ms < 25 && (!browser50 || browser50.result.p99Ms < 25) : null,
    },
    {
      target: 'votes ≥ 1,500/s',
      measured: bestVotes ? `${fmt(bestVotes.result.reqPerSec)}/s (${bestVotes.result.connections} connections)` : 'not measured',
      met: bestVotes ? bestVotes.result.reqPerSec >= 1500 && bestVotes.result.non2xx === 0 : null,
    },
    {
      target: 'no vote lost (every 2xx stored, counters = rows)',
      measured: voteChecks.length ? voteChecks.map((c) => `${c.connections} conn: ${c.ok ? 'ok' : 'FAILED'}`).join(', ') : 'not measured',
      met: voteChecks.length ? voteChecks.every((c) => c.ok) : null,
    },
    {
      target: 'server peak RSS < 400 MB',
      measured: peakRssMb === null ? 'not measured' : `${fmt(peakRssMb)} MB`,
      met: peakRssMb === null ? null : peakRssMb < 400,
    },
    {
      target: 'similar posts at 100k posts: p50 ≤ 5 ms and p99 ≤ 20 ms, one request at a time (issue 3)',
      measured: similar ? `p50 ${fmt(similar.p50Ms, 1)} ms, p99 ${fmt(similar.p99Ms, 1)} ms (${fmt(similar.requests)} requests)` : 'not measured',
      met: similar ? similar.p50Ms <= 5 && similar.p99Ms <= 20 : null,
    },
    {
      target: 'outbox: every follower gets exactly one email (issue 4)',
      measured: outbox ? `${fmt(outbox.received)} of ${fmt(outbox.subscribers)}, doubled ${outbox.doubled}; ${fmt(outbox.perSecond)} delivered/s` : 'not measured',
      met: outbox ? outbox.ok : null,
    },
  ];
}

const metText = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'NOT met');

function tableLines(report: BenchReport): string[][] {
  return report.rows.map((r) => [
    SCENARIO_LABELS[r.scenario], String(r.result.connections), fmt(r.result.reqPerSec), fmt(r.result.p50Ms, 1), fmt(r.result.p99Ms, 1),
    `${fmt(r.result.errors)} / ${fmt(r.result.non2xx)}`, pct(r.ratioToCeiling),
    `${cpuText(r.result.cpuMsPerRequest.server)} / ${cpuText(r.result.cpuMsPerRequest.postgres)}`, fmt(r.result.loadAvg1m, 1),
  ]);
}

const cpuText = (ms: number | null) => (ms === null ? '—' : fmt(ms, 2));

const HEADER = ['scenario', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors / non-2xx', 'ratio to ceiling', 'CPU ms/req server / PG', 'load 1m'];

export function formatConsole(report: BenchReport): string {
  const rows = [HEADER, ...tableLines(report)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = report.rows.length ? [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), ''] : [];
  out.push(`peak RSS (VmHWM): server ${mbText(report.peakRssMb.server)}, ceiling ${mbText(report.peakRssMb.ceiling)}`);
  for (const c of report.voteChecks) out.push(voteCheckText(c));
  if (report.demandWalk) out.push(demandWalkText(report.demandWalk));
  if (report.similarSerial) out.push(similarText(report.similarSerial));
  if (report.outbox) out.push('', formatOutbox(report.outbox));
  out.push('', ...report.targets.map((t) => `${metText(t.met).padEnd(7)} ${t.target}: ${t.measured}`));
  return out.join('\n');
}

const mbText = (mb: number | null) => (mb === null ? 'n/a' : `${fmt(mb)} MB`);

function demandWalkText(w: DemandSortLatency): string {
  return `sort=demand, one request at a time through up to ${w.pages} pages (keyset cursors): ${fmt(w.requests)} requests,`
    + ` p50 ${fmt(w.p50Ms, 1)} ms, p99 ${fmt(w.p99Ms, 1)} ms, max ${fmt(w.maxMs, 1)} ms`;
}

function similarText(s: SimilarLatency): string {
  return `similar posts, one request at a time (${fmt(s.requests)} requests over the typed titles): p50 ${fmt(s.p50Ms, 1)} ms, p99 ${fmt(s.p99Ms, 1)} ms, max ${fmt(s.maxMs, 1)} ms`;
}

function voteCheckText(c: BenchReport['voteChecks'][number]): string {
  return `votes, ${c.connections} connections: ${c.ok ? 'OK' : 'FAILED'} — ${fmt(c.votesAdded)} votes added for ${fmt(c.responses2xx)} 2xx responses`
    + ` + ${fmt(c.storedFromCutOff)} of ${fmt(c.cutOffAtEnd)} requests cut off when the time was up; lost ${c.lost}, unexplained ${c.unexplained};`
    + ` sum(vote_count) ${fmt(c.sumVoteCount)} ${c.sumVoteCount === c.countVotes ? '=' : '≠'} count(*) ${fmt(c.countVotes)}; posts with a wrong count ${c.postsWithWrongCount}`
    + (c.walPerVote ? `; WAL per vote ${fmt(c.walPerVote.bytes / 1024, 1)} kB, ${fmt(c.walPerVote.fullPageImages, 2)} full-page images` : '');
}

export function formatMarkdown(report: BenchReport): string {
  const m = report.machine;
  const c = report.conditions;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### Results of ${report.generatedAt.slice(0, 10)} (${c.durationSeconds} s per run after ${c.warmupSeconds} s warm-up; connections ${c.connections.join(', ')})`,
    '',
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, ${m.kernel}; Node ${m.node}; PostgreSQL ${m.postgres} (embedded). Data: ${c.dataset}.`,
    '',
    ...(report.rows.length ? [row(HEADER), row(HEADER.map((_, i) => (i === 0 ? '---' : '---:'))), ...tableLines(report).map(row), ''] : []),
    `Peak RSS (VmHWM of the process): Backboard server ${mbText(report.peakRssMb.server)}; ceiling server ${mbText(report.peakRssMb.ceiling)}.`,
    '',
    ...report.voteChecks.map((v) => `- ${voteCheckText(v)}`),
    ...(report.demandWalk ? [`- ${demandWalkText(report.demandWalk)}`] : []),
    ...(report.similarSerial ? [`- ${similarText(report.similarSerial)}`] : []),
    ...(report.outbox ? [`- ${formatOutbox(report.outbox)}`] : []),
    '',
    row(['target', 'measured', 'result']),
    row(['---', '---', '---']),
    ...report.targets.map((t) => row([t.target, t.measured, metText(t.met)])),
    '',
  ].join('\n');
}
