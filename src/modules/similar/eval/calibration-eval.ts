import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate, createIndex, type LabelledPair, type SimilarIndex } from '../engine/index.ts';
import { loadDataset, type EvalItem } from './load-dataset.ts';
import { firstRelevantRank, summarizeRanks, type RankingMetrics } from './metrics.ts';

// Does learning from decisions help on real data? Every query and corpus item is indexed (as
// posts of one workspace); the known duplicate links (qrels) play the role of merges and, where
// the dataset has them (pairs.tsv), labelled non-duplicates the role of "not a duplicate".
// Two folds by query: calibrate on one, rank the other's queries before and after.
// Usage: calibration-eval.ts <dir> [--time-aware] [--json]

type Fold = { before: RankingMetrics; after: RankingMetrics; decisions: number; options: unknown };

function readNegatives(dir: string): LabelledPair[] {
  const path = join(dir, 'pairs.tsv');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').slice(1).map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 3 && cols[2] === '0')
    .map(([a, b]) => ({ a, b, duplicate: false }));
}

function rankAll(index: SimilarIndex, queries: EvalItem[], relevant: Map<string, Set<string>>, timeAware: boolean): RankingMetrics {
  return summarizeRanks(queries.map((q) => {
    const hits = index.searchById(q.id, { limit: 10, before: timeAware ? q.created : undefined });
    return firstRelevantRank(hits.map((h) => h.id), relevant.get(q.id) ?? new Set());
  }));
}

export function evaluateCalibration(dir: string, timeAware: boolean): Fold[] {
  const data = loadDataset(dir);
  const index = createIndex();
  for (const item of [...data.corpus, ...data.queries]) index.add({ id: item.id, title: item.title, body: item.body, createdAt: item.created });
  const defaults = index.options();
  const negatives = readNegatives(dir);
  const inFold = (id: string, fold: number): boolean => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 2 === fold;
  const folds: Fold[] = [];
  for (const fold of [0, 1]) {
    const decisions: LabelledPair[] = [];
    for (const q of data.queries) {
      if (!inFold(q.id, fold)) continue;
      for (const b of data.relevant.get(q.id) ?? []) decisions.push({ a: q.id, b, duplicate: true });
    }
    decisions.push(...negatives.filter((n) => inFold(n.a, fold) || inFold(n.b, fold)));
    const test = data.queries.filter((q) => !inFold(q.id, fold));
    index.configure(defaults);
    const before = rankAll(index, test, data.relevant, timeAware);
    const options = calibrate(index, decisions);
    index.configure(options);
    const after = rankAll(index, test, data.relevant, timeAware);
    folds.push({ before, after, decisions: decisions.length, options: { weights: options.weights, recencyDays: options.recencyDays, titleWeight: options.titleWeight, threshold: options.threshold } });
  }
  return folds;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (dir === undefined) {
    console.error('usage: calibration-eval.ts <dir> [--time-aware] [--json]');
    process.exit(2);
  }
  const folds = evaluateCalibration(dir, args.includes('--time-aware'));
  if (args.includes('--json')) console.log(JSON.stringify(folds));
  else {
    const f = (x: number): string => x.toFixed(3);
    for (const [i, fold] of folds.entries()) {
      console.log(`fold ${i}: ${fold.decisions} decisions; held-back ${fold.before.queries} queries: ` +
        `Hit@10 ${f(fold.before.hit10)} → ${f(fold.after.hit10)}, MRR@10 ${f(fold.before.mrr10)} → ${f(fold.after.mrr10)}`);
      console.log(`  ${JSON.stringify(fold.options)}`);
    }
  }
}
