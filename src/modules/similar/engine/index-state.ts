import { analyzePost } from './analyze.ts';
import { BREAK, FIELD, ForwardStore } from './forward-store.ts';
import { IdTable } from './id-table.ts';
import { chainPairs, MAX_SKETCH_BITS, PairSketch } from './pair-sketch.ts';
import { PostingPool } from './postings.ts';
import type { Doc } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

// The mutable index: documents live in numbered slots; removal marks a slot dead and corrects
// document frequencies at once (from the slot's forward list), while postings of dead slots are
// skipped at query time and dropped by `compact` once they make up a quarter of all slots.

const COMPACT_MIN_DEAD = 1024;
// About 50 distinct pairs per post; keep the sketch at least 4 cells per counted pair.
const SKETCH_CELLS_PER_POST = 200;

function scratchOf(size: number) {
  return { terms: new Int32Array(size), tfs: new Uint16Array(size), chain: new Int32Array(size) };
}

export class IndexState {
  vocab = new Vocabulary();
  pool = new PostingPool();
  forward = new ForwardStore();
  pairs = new PairSketch();
  /** post id of each slot (dead slots have none) */
  ids = new IdTable();
  /** slots used so far, dead ones included */
  slotCount = 0;
  alive = new Uint8Array(1024);
  titleLength = new Int32Array(1024);
  bodyLength = new Int32Array(1024);
  createdAt = new Float64Array(1024);
  liveCount = 0;
  deadCount = 0;
  #scratch = scratchOf(1024);
  titleLengthSum = 0;
  bodyLengthSum = 0;

  get capacity(): number {
    return this.alive.length;
  }

  #ensureSlot(slot: number): void {
    if (slot < this.alive.length) return;
    const size = this.alive.length * 2;
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.alive = alive;
    const title = new Int32Array(size);
    title.set(this.titleLength);
    this.titleLength = title;
    const body = new Int32Array(size);
    body.set(this.bodyLength);
    this.bodyLength = body;
    const created = new Float64Array(size);
    created.set(this.createdAt);
    this.createdAt = created;
  }

  add(doc: Doc): void {
    if (this.ids.has(doc.id)) this.remove(doc.id);
    const analysis = analyzePost(doc.title, doc.body ?? '');
    const tfs = new Map<number, number>();
    for (const [term, stats] of analysis.words) {
      tfs.set(this.vocab.intern(term), (Math.min(stats.title, 255) << 8) | Math.min(stats.body, 255));
    }
    // views of reused buffers: a post's arrays are copied into the stores, so none is allocated per post
    const need = Math.max(tfs.size, analysis.chain.length);
    if (this.#scratch.terms.length < need) this.#scratch = scratchOf(need * 2);
    let n = 0;
    for (const term of tfs.keys()) this.#scratch.terms[n++] = term;
    const terms = this.#scratch.terms.subarray(0, n).sort();
    const packed = this.#scratch.tfs.subarray(0, n);
    for (let i = 0; i < n; i++) packed[i] = tfs.get(terms[i]) ?? 0;
    const chain = this.#scratch.chain.subarray(0, analysis.chain.length);
    for (let i = 0; i < chain.length; i++) {
      const term = analysis.chain[i];
      chain[i] = term === null ? BREAK : this.vocab.intern(term);
    }
    chain[analysis.titleChainLength - 1] = FIELD;
    this.#place(doc.id, terms, packed, chain, analysis.titleLength, analysis.bodyLength, doc.createdAt);
  }

  #place(id: string, terms: Int32Array, tfs: Uint16Array, chain: Int32Array, titleLength: number, bodyLength: number, createdAt?: number): void {
    const slot = this.slotCount++;
    this.#ensureSlot(slot);
    this.ids.set(id, slot);
    this.forward.put(slot, terms, tfs, chain);
    this.pairs.add(chainPairs(chain), 1);
    this.alive[slot] = 1;
    this.titleLength[slot] = titleLength;
    this.bodyLength[slot] = bodyLength;
    this.createdAt[slot] = createdAt ?? Number.NaN;
    for (let i = 0; i < terms.length; i++) {
      this.pool.append(terms[i], slot, tfs[i] >>> 8, tfs[i] & 255);
      this.vocab.addDf(terms[i], 1);
    }
    this.liveCount++;
    this.titleLengthSum += titleLength;
    this.bodyLengthSum += bodyLength;
    if (this.liveCount * SKETCH_CELLS_PER_POST > this.pairs.width && this.pairs.bits < MAX_SKETCH_BITS) {
      this.#resizeSketch(Math.min(MAX_SKETCH_BITS, this.pairs.bits + 2));
    }
  }

  #resizeSketch(bits: number): void {
    this.pairs = new PairSketch(bits);
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (this.alive[slot] === 1) this.pairs.add(chainPairs(this.forward.chain(slot)), 1);
    }
  }

  remove(id: string): boolean {
    const slot = this.ids.delete(id);
    if (slot === undefined) return false;
    for (const term of this.forward.terms(slot)) this.vocab.addDf(term, -1);
    this.pairs.add(chainPairs(this.forward.chain(slot)), -1);
    this.forward.clear(slot);
    this.alive[slot] = 0;
    this.liveCount--;
    this.deadCount++;
    this.titleLengthSum -= this.titleLength[slot];
    this.bodyLengthSum -= this.bodyLength[slot];
    if (this.deadCount >= COMPACT_MIN_DEAD && this.deadCount * 4 >= this.slotCount) this.compact();
    return true;
  }

  /** Rewrites postings without dead slots, renumbering live documents in their original order. */
  compact(): void {
    const old = {
      ids: this.ids, slotCount: this.slotCount, forward: this.forward, alive: this.alive,
      title: this.titleLength, body: this.bodyLength, created: this.createdAt,
    };
    this.pool = new PostingPool();
    this.forward = new ForwardStore();
    this.pairs = new PairSketch(this.pairs.bits);
    this.ids = new IdTable();
    this.slotCount = 0;
    this.alive = new Uint8Array(Math.max(1024, old.alive.length));
    this.titleLength = new Int32Array(this.alive.length);
    this.bodyLength = new Int32Array(this.alive.length);
    this.createdAt = new Float64Array(this.alive.length);
    this.liveCount = 0;
    this.deadCount = 0;
    this.titleLengthSum = 0;
    this.bodyLengthSum = 0;
    for (let slot = 0; slot < old.slotCount; slot++) {
      const id = old.ids.idOf(slot);
      if (old.alive[slot] !== 1 || id === null) continue;
      const terms = old.forward.terms(slot);
      // df was already counted for live documents; #place adds it again, so take it back first.
      for (const term of terms) this.vocab.addDf(term, -1);
      this.#place(id, terms, old.forward.tfs(slot), old.forward.chain(slot), old.title[slot], old.body[slot],
        Number.isNaN(old.created[slot]) ? undefined : old.created[slot]);
    }
    this.pool.pack();
  }

  /** Trims the postings to their exact size: for after a bulk load (see PostingPool.pack). */
  pack(): void {
    this.pool.pack();
    this.vocab.typos.pack();
  }

  byteEstimate(): number {
    return this.pool.byteSize() + this.vocab.byteEstimate() + this.forward.byteSize() + this.pairs.byteSize() + this.ids.byteSize()
      + this.alive.byteLength * (1 + 4 + 4 + 8);
  }
}
