import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadDataset } from './load-dataset.ts';
import { firstRelevantRank, percentile, summarizeRanks } from './metrics.ts';
import { evaluateDuplicates } from './run-eval.ts';

const CORPUS = [
  { id: 'P-1', title: 'Export to CSV fails', body: 'Clicking export gives an empty file.', created: '2024-01-01T00:00:00.000+0000' },
  { id: 'P-2', title: 'Dark mode', body: 'Please add a dark theme.', created: '2024-01-02T00:00:00.000+0000' },
  { id: 'P-3', title: 'Slack notifications', body: 'Send new ideas to Slack.', created: '2024-01-03T00:00:00.000+0000' },
  // Created after the query Q-2 that duplicates it: eligible only when time is ignored.
  { id: 'P-4', title: 'Webhooks for status changes', body: 'Call a URL when a status changes.', created: '2024-03-01T00:00:00.000+0000' },
];
const QUERIES = [
  { id: 'Q-1', title: 'CSV export broken', body: 'The exported file is empty, see P-1.', created: '2024-02-01T00:00:00.000+0000' },
  { id: 'Q-2', title: 'Webhook on status change', body: 'Notify my server over a URL.', created: '2024-02-01T00:00:00.000+0000' },
  { id: 'Q-3', title: 'Night theme', body: 'A dark colour scheme would help.', created: '2024-02-01T00:00:00.000+0000' },
];

let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'similar-eval-'));
  writeFileSync(join(dir, 'corpus.jsonl'), CORPUS.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(dir, 'queries.jsonl'), QUERIES.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(dir, 'qrels.tsv'), 'Q-1\tP-1\nQ-2\tP-4\nQ-3\tP-2\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('metrics', () => {
  test('Hit@k and MRR@10 from first relevant ranks', () => {
    const m = summarizeRanks([1, 2, 0, 11]);
    assert.deepEqual([m.hit1, m.hit5, m.hit10, m.queries], [0.25, 0.5, 0.5, 4]);
    assert.equal(m.mrr10, (1 + 0.5) / 4);
    assert.equal(firstRelevantRank(['a', 'b', 'c'], new Set(['c', 'b'])), 2);
    assert.equal(firstRelevantRank(['a'], new Set(['z'])), 0);
    assert.equal(percentile([5, 1, 3, 2, 4], 0.5), 3);
    assert.equal(percentile([5, 1, 3, 2, 4], 0.99), 5);
  });
});

describe('loadDataset', () => {
  test('reads items, parses times and strips issue keys', () => {
    const data = loadDataset(dir);
    assert.equal(data.corpus.length, 4);
    assert.equal(data.queries[0].created, Date.UTC(2024, 1, 1));
    assert.ok(!data.queries[0].body.includes('P-1'));
    assert.deepEqual([...(data.relevant.get('Q-2') ?? [])], ['P-4']);
  });
});

describe('evaluateDuplicates', () => {
  test('ranks every query and reports metrics and latency', () => {
    const result = evaluateDuplicates(dir);
    assert.equal(result.queries, 3);
    assert.equal(result.hit10, 1);
    assert.ok(result.hit1 >= 2 / 3);
    assert.ok(result.p50Ms >= 0 && result.p99Ms >= result.p50Ms);
    assert.ok((result.memoryBytes ?? 0) > 0);
  });

  test('time-aware mode only offers items created before the query', () => {
    const result = evaluateDuplicates(dir, { timeAware: true });
    assert.equal(result.hit10, 2 / 3);
  });

  test('the plain-BM25 baseline runs on the same data and honours time', () => {
    const baseline = evaluateDuplicates(dir, { baseline: true });
    assert.equal(baseline.queries, 3);
    assert.equal(baseline.hit10, 1);
    assert.equal(baseline.memoryBytes, undefined);
    assert.equal(evaluateDuplicates(dir, { baseline: true, timeAware: true, titleOnly: true }).hit10, 2 / 3);
  });
});
