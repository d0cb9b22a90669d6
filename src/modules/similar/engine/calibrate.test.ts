import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRandom } from '../eval/synthetic-corpus.ts';
import { calibrate, createIndex, type Doc, type LabelledPair } from './index.ts';

const DAY = 86_400_000;

// A workspace whose duplicates come in bursts: each component breaks several times over two
// years, and every outage brings a few reports within two days that the team merges. Reports of
// different outages of one component read alike, so text alone cannot tell which outage a new
// report belongs to — when it was written can. The default recency prior is mild; the team's
// merges and "not a duplicate" decisions should teach the engine how much time matters here.
function createBurstWorkspace(seed: number) {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 'vu', 'ze', 'bo', 'di'];
  const word = (): string => pick(syllables) + pick(syllables) + pick(syllables) + 'x';
  const filler = Array.from({ length: 300 }, word);
  const posts: Doc[] = [];
  const incidents: Array<{ component: number; reports: Doc[] }> = [];
  const start = Date.UTC(2023, 0, 1);
  for (let component = 0; component < 40; component++) {
    const vocabulary = Array.from({ length: 6 }, word);
    for (let outage = 0; outage < 3; outage++) {
      const at = start + Math.floor(random() * 700) * DAY;
      const reports: Doc[] = [];
      for (let r = 0; r < 3; r++) {
        const text = (n: number, share: number): string =>
          Array.from({ length: n }, () => (random() < share ? pick(vocabulary) : pick(filler))).join(' ');
        const doc = { id: `c${component}o${outage}r${r}`, title: text(4, 0.7), body: text(12, 0.4), createdAt: at + r * 0.6 * DAY + random() * 0.5 * DAY };
        reports.push(doc);
        posts.push(doc);
      }
      incidents.push({ component, reports });
    }
  }
  return { posts, incidents };
}

function reciprocalRank(index: ReturnType<typeof createIndex>, query: Doc, relevant: Set<string>): number {
  const hits = index.searchById(query.id, { limit: 10, before: query.createdAt });
  const at = hits.findIndex((h) => relevant.has(h.id));
  return at < 0 ? 0 : 1 / (at + 1);
}

describe('calibrate', () => {
  test('learning from merges and "not a duplicate" decisions improves ranking on held-back pairs', () => {
    const { posts, incidents } = createBurstWorkspace(11);
    const index = createIndex();
    for (const post of posts) index.add(post);
    const isTraining = (component: number): boolean => component % 2 === 0;
    const decisions: LabelledPair[] = [];
    const heldBack: Array<{ query: Doc; relevant: Set<string> }> = [];
    for (const incident of incidents) {
      const [first, ...later] = incident.reports;
      for (const report of later) {
        if (!isTraining(incident.component)) {
          heldBack.push({ query: report, relevant: new Set(incident.reports.filter((r) => r.createdAt! < report.createdAt!).map((r) => r.id)) });
          continue;
        }
        decisions.push({ a: report.id, b: first.id, duplicate: true });
        // The team also dismissed a suggestion: the same component's report from another outage.
        const other = incidents.find((i) => i.component === incident.component && i !== incident);
        if (other !== undefined) decisions.push({ a: report.id, b: other.reports[0].id, duplicate: false });
      }
    }
    const mrr = (): number => heldBack.reduce((sum, h) => sum + reciprocalRank(index, h.query, h.relevant), 0) / heldBack.length;
    const before = mrr();
    const defaults = index.options();
    const calibrated = calibrate(index, decisions);
    index.configure(calibrated);
    const after = mrr();
    assert.ok(after >= before + 0.1, `MRR@10 on held-back pairs: ${before.toFixed(3)} → ${after.toFixed(3)}`);
    assert.ok(calibrated.weights.recency > defaults.weights.recency);
    // The learned threshold separates the decisions it was learned from better than chance.
    const scored = decisions.map((d) => ({ d, f: index.pairFeatures(d.a, [d.b])[0] }));
    const correct = scored.filter(({ d, f }) => {
      const s = f === null ? 0 : Object.entries(calibrated.weights).reduce((sum, [k, w]) => sum + w * f[k as keyof typeof f], 0);
      return (s >= calibrated.threshold) === d.duplicate;
    }).length;
    assert.ok(correct / decisions.length > 0.8, `${correct}/${decisions.length}`);
  });

  test('without usable decisions the options stay as they are', () => {
    const index = createIndex();
    index.add({ id: 'a', title: 'export csv', body: '' });
    index.add({ id: 'b', title: 'export excel', body: '' });
    assert.deepEqual(calibrate(index, []), index.options());
    assert.deepEqual(calibrate(index, [{ a: 'a', b: 'missing', duplicate: true }]), index.options());
    assert.deepEqual(calibrate(index, [{ a: 'a', b: 'b', duplicate: false }]), index.options());
  });
});
