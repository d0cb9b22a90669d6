// The benchmark's output: a console table, a markdown section for docs/PERFORMANCE.md and the JSON
// file bench/results/latest.json, all from one report object; targets are those of issue 2.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { SCENARIO_LABELS, type LoadResult, type ScenarioName } from './scenarios.ts';
import type { VoteCheck } from './bench-db.ts';

export type Row = { scenario: ScenarioName | 'ceiling'; result: LoadResult; ratioToCeiling: number | null };
export type Target = { target: string; measured: string; met: boolean | null };
export type Machine = { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; kernel: string };

export type BenchReport = {
  generatedAt: string;
  conditions: { durationSeconds: number; warmupSeconds: number; connections: number[]; dataset: string };
  machine: Machine;
  rows: Row[];
  peakRssMb: { server: number | null; ceiling: number };
  voteChecks: Array<VoteCheck & { connections: number }>;
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

export function evaluateTargets(rows: Row[], peakRssMb: number | null, voteChecks: BenchReport['voteChecks']): Target[] {
  const at = (s: Row['scenario'], c: number) => rows.find((r) => r.scenario === s && r.result.connections === c);
  const list50 = at('list-top', 50);
  const votes = rows.filter((r) => r.scenario === 'vote');
  const bestVotes = votes.length ? votes.reduce((a, b) => (b.result.reqPerSec > a.result.reqPerSec ? b : a)) : null;
  return [
    {
      target: 'list a board\'s top 50 at ≥ 50 % of the ceiling (50 connections)',
      measured: list50 ? pct(list50.ratioToCeiling) : 'not measured',
      met: list50?.ratioToCeiling == null ? null : list50.ratioToCeiling >= 0.5,
    },
    {
      target: 'list a board\'s top 50: p99 < 25 ms (50 connections)',
      measured: list50 ? `${fmt(list50.result.p99Ms, 1)} ms` : 'not measured',
      met: list50 ? list50.result.p99Ms < 25 : null,
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
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), ''];
  out.push(`peak RSS (VmHWM): server ${report.peakRssMb.server === null ? 'n/a' : `${fmt(report.peakRssMb.server)} MB`}, ceiling ${fmt(report.peakRssMb.ceiling)} MB`);
  for (const c of report.voteChecks) out.push(voteCheckText(c));
  out.push('', ...report.targets.map((t) => `${metText(t.met).padEnd(7)} ${t.target}: ${t.measured}`));
  return out.join('\n');
}

function voteCheckText(c: BenchReport['voteChecks'][number]): string {
  return `votes, ${c.connections} connections: ${c.ok ? 'OK' : 'FAILED'} — ${fmt(c.votesAdded)} votes added for ${fmt(c.responses2xx)} 2xx responses`
    + ` + ${fmt(c.storedFromCutOff)} of ${fmt(c.cutOffAtEnd)} requests cut off when the time was up; lost ${c.lost}, unexplained ${c.unexplained};`
    + ` sum(vote_count) ${fmt(c.sumVoteCount)} ${c.sumVoteCount === c.countVotes ? '=' : '≠'} count(*) ${fmt(c.countVotes)}; posts with a wrong count ${c.postsWithWrongCount}`;
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
    row(HEADER),
    row(HEADER.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...tableLines(report).map(row),
    '',
    `Peak RSS (VmHWM of the process): Backboard server ${report.peakRssMb.server === null ? 'n/a' : `${fmt(report.peakRssMb.server)} MB`}; ceiling server ${fmt(report.peakRssMb.ceiling)} MB.`,
    '',
    ...report.voteChecks.map((v) => `- ${voteCheckText(v)}`),
    '',
    row(['target', 'measured', 'result']),
    row(['---', '---', '---']),
    ...report.targets.map((t) => row([t.target, t.measured, metText(t.met)])),
    '',
  ].join('\n');
}
