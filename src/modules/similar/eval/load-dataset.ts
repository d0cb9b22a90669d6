import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type EvalItem = { id: string; title: string; body: string; created?: number };
export type Dataset = { corpus: EvalItem[]; queries: EvalItem[]; relevant: Map<string, Set<string>> };

// Issue keys such as "HDFS-1234" let a query name its original ("dup of HDFS-1234"): the data's
// README asks every method to drop them so nobody profits from the leak.
const ISSUE_KEY = /[A-Z]+-\d+/g;

function stripKeys(text: string): string {
  return text.replace(ISSUE_KEY, ' ');
}

function parseItem(line: string): EvalItem {
  const raw = JSON.parse(line) as { id: unknown; title?: unknown; body?: unknown; created?: unknown };
  const created = typeof raw.created === 'string' ? Date.parse(raw.created.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : Number.NaN;
  return {
    id: String(raw.id),
    title: stripKeys(typeof raw.title === 'string' ? raw.title : ''),
    body: stripKeys(typeof raw.body === 'string' ? raw.body : ''),
    created: Number.isNaN(created) ? undefined : created,
  };
}

function readJsonl(path: string): EvalItem[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map(parseItem);
}

/** Reads corpus.jsonl, queries.jsonl and qrels.tsv (query_id<TAB>corpus_id) from `dir`. */
export function loadDataset(dir: string): Dataset {
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(join(dir, 'qrels.tsv'), 'utf8').split('\n')) {
    const [query, doc] = line.trim().split('\t');
    if (query === undefined || doc === undefined || query === 'query_id') continue;
    const set = relevant.get(query) ?? new Set<string>();
    set.add(doc);
    relevant.set(query, set);
  }
  return {
    corpus: readJsonl(join(dir, 'corpus.jsonl')),
    queries: readJsonl(join(dir, 'queries.jsonl')).filter((q) => relevant.has(q.id)),
    relevant,
  };
}
