import { stemWord } from '../engine/porter2.ts';
import { isStopWord } from '../engine/stop-words.ts';

// The reference the targets are measured against: plain BM25 (k1 1.2, b 0.75) over
// title and body as one field, lowercase alphanumeric words, stop words dropped, stemmed.
// Kept deliberately naive (one Map of arrays) — it is a yardstick, not a product path.

const K1 = 1.2;
const B = 0.75;

function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) {
    if (!isStopWord(m[0])) out.push(stemWord(m[0]));
  }
  return out;
}

export type BaselineDoc = { id: string; title: string; body: string; createdAt?: number };

export function createBaselineIndex(docs: readonly BaselineDoc[]): {
  search: (title: string, body: string, limit: number, before?: number) => string[];
} {
  const postings = new Map<string, Array<[number, number]>>();
  const lengths: number[] = [];
  for (const [slot, doc] of docs.entries()) {
    const tokens = tokenize(`${doc.title} ${doc.body}`);
    lengths.push(tokens.length);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t) ?? [];
      list.push([slot, n]);
      postings.set(t, list);
    }
  }
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(lengths.length, 1);
  const n = docs.length;
  return {
    search: (title, body, limit, before) => {
      const scores = new Map<number, number>();
      for (const term of new Set(tokenize(`${title} ${body}`))) {
        const list = postings.get(term);
        if (list === undefined) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const [slot, tf] of list) {
          const s = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[slot] / avg));
          scores.set(slot, (scores.get(slot) ?? 0) + s);
        }
      }
      const ranked = [...scores].filter(([slot]) => {
        const created = docs[slot].createdAt;
        return before === undefined || created === undefined || created < before;
      });
      ranked.sort((a, b) => b[1] - a[1]);
      return ranked.slice(0, limit).map(([slot]) => docs[slot].id);
    },
  };
}
