import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRandom } from '../eval/synthetic-corpus.ts';
import { BREAK, FIELD, ForwardStore } from './forward-store.ts';
import { PairSketch } from './pair-sketch.ts';
import { PostingPool } from './postings.ts';

// The compact stores must give back exactly what was put in: the ranking reads nothing else.

const packed = (title: number, body: number): number => (Math.min(title, 255) << 8) | Math.min(body, 255);

/** Term frequencies of every shape the encoding distinguishes, including the capped ones. */
function randomTf(random: () => number): [number, number] {
  const roll = random();
  if (roll < 0.5) return [0, 1];
  if (roll < 0.65) return [1, 0];
  if (roll < 0.75) return [1, 1];
  if (roll < 0.95) return [Math.floor(random() * 4), 1 + Math.floor(random() * 20)];
  return [Math.floor(random() * 400), Math.floor(random() * 400)];
}

describe('posting pool', () => {
  test('reads back every list as appended, across blocks and chunks', () => {
    const random = createRandom(5);
    const pool = new PostingPool();
    const expected = new Map<number, Array<[number, number]>>();
    let slot = 0;
    // dense lists (two longer than one 64 KiB block) and sparse ones, small and huge slot gaps,
    // enough data to fill several 1 MiB chunks
    for (let i = 0; i < 600_000; i++) {
      slot += random() < 0.001 ? 1 + Math.floor(random() * 200_000) : 1 + Math.floor(random() * 3);
      const term = random() < 0.3 ? Math.floor(random() * 2) : Math.floor(random() * 50_000);
      const last = expected.get(term)?.at(-1)?.[0] ?? -1;
      if (last >= slot) continue;
      const [title, body] = randomTf(random);
      pool.append(term, slot, title, body);
      const list = expected.get(term) ?? [];
      list.push([slot, packed(title, body)]);
      expected.set(term, list);
    }
    assert.ok(pool.byteSize() > 3 * 2 ** 20, 'the test spans several chunks');
    const check = (): void => {
      for (const [term, postings] of expected) {
        assert.equal(pool.length(term), postings.length);
        const docs = new Int32Array(postings.length);
        const tfs = new Uint16Array(postings.length);
        assert.equal(pool.read(term, docs, tfs), postings.length);
        assert.deepEqual(Array.from(docs), postings.map(([d]) => d), `docs of term ${term}`);
        assert.deepEqual(Array.from(tfs), postings.map(([, tf]) => tf), `tfs of term ${term}`);
      }
    };
    check();
    // packed lists read the same, take fewer bytes, and still take appends (packing twice is harmless)
    const before = pool.byteSize();
    pool.pack();
    assert.ok(pool.byteSize() < before * 0.9, `${pool.byteSize()} < ${before}`);
    check();
    for (const [term, postings] of expected) {
      const slot = postings[postings.length - 1][0] + 1 + term;
      pool.append(term, slot, 1, 2);
      postings.push([slot, packed(1, 2)]);
    }
    check();
    pool.pack();
    pool.pack();
    check();
    assert.equal(pool.length(70_000), 0);
    assert.equal(pool.read(70_000, new Int32Array(0), new Uint16Array(0)), 0);
  });
});

describe('forward store', () => {
  test('gives back terms, frequencies and chains, and finds single frequencies', () => {
    const random = createRandom(9);
    const store = new ForwardStore();
    const docs: Array<{ terms: number[]; tfs: number[]; chain: number[] }> = [];
    for (let slot = 0; slot < 3000; slot++) {
      // a few posts have thousands of distinct words (pasted logs); one is larger than a chunk
      const size = slot === 1500 ? 150_000 : random() < 0.02 ? 2000 : 1 + Math.floor(random() * 80);
      const terms = [...new Set(Array.from({ length: size }, () => Math.floor(random() * (slot === 1500 ? 10_000_000 : 300_000))))].sort((a, b) => a - b);
      const tfs = terms.map(() => packed(...randomTf(random)));
      const chain = [...terms.slice(0, 5), FIELD, ...Array.from({ length: terms.length * 2 }, () => (random() < 0.1 ? BREAK : terms[Math.floor(random() * terms.length)]))];
      store.put(slot, terms, tfs, chain);
      docs.push({ terms, tfs, chain });
    }
    for (const [slot, doc] of docs.entries()) {
      assert.deepEqual(Array.from(store.terms(slot)), doc.terms);
      assert.deepEqual(Array.from(store.tfs(slot)), doc.tfs);
      assert.deepEqual(Array.from(store.chain(slot)), doc.chain);
      for (let i = 0; i < Math.min(doc.terms.length, 50); i++) {
        const at = Math.floor(random() * doc.terms.length);
        assert.equal(store.tfOf(slot, doc.terms[at]), doc.tfs[at]);
        if (!doc.terms.includes(doc.terms[at] + 1)) assert.equal(store.tfOf(slot, doc.terms[at] + 1), -1);
      }
      assert.equal(store.tfOf(slot, -5), -1);
    }
    store.clear(7);
    assert.equal(store.terms(7).length, 0);
    assert.equal(store.chain(7).length, 0);
    assert.equal(store.tfOf(7, docs[7].terms[0]), -1);
    assert.deepEqual(Array.from(store.terms(8)), docs[8].terms);
  });
});

describe('pair sketch', () => {
  test('counts exactly across the one-byte boundary, up and down, and saturates like 16-bit cells', () => {
    const sketch = new PairSketch(12);
    const key = 12345;
    const counts = [254, 255, 256, 1000];
    let current = 0;
    for (const target of [...counts, 254, 3, 0]) {
      while (current < target) {
        sketch.add([key], 1);
        current++;
      }
      while (current > target) {
        sketch.add([key], -1);
        current--;
      }
      assert.equal(sketch.count(key), target);
    }
    assert.equal(sketch.largeCells, 0, 'cells back under 255 leave the overflow table');
    sketch.add([key], -1);
    assert.equal(sketch.count(key), 0, 'never below zero');
    for (let i = 0; i < 70_000; i++) sketch.add([key], 1);
    assert.equal(sketch.count(key), 0xffff, 'saturates at 65535');
  });
});
