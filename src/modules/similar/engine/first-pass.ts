import type { IndexState } from './index-state.ts';
import type { EngineOptions } from './types.ts';

// Term-at-a-time BM25F accumulation into one score per document, in final-score units. Arrays
// live across queries; only touched slots are reset, so a query costs its postings, not the
// index size. Once no untouched document can reach the top candidates (see rank.ts), the
// remaining terms are scored only for the surviving candidates through their forward lists.

/** One query term's contribution: `unit` scales BM25F saturation over title+body, `titleUnit`
 * scales title-only saturation (how well the candidate's title covers the query title). */
export type Job = { id: number; unit: number; titleUnit: number };

export type Bm25Params = { k1: number; wT: number; wB: number; titleBase: number; titleScale: number; bodyBase: number; bodyScale: number };

export function bm25Params(state: IndexState, opts: EngineOptions): Bm25Params {
  const n = Math.max(state.liveCount, 1);
  return {
    k1: opts.k1,
    wT: opts.titleWeight,
    wB: opts.bodyWeight,
    titleBase: 1 - opts.titleB,
    titleScale: opts.titleB / Math.max(state.titleLengthSum / n, 1),
    bodyBase: 1 - opts.bodyB,
    bodyScale: opts.bodyB / Math.max(state.bodyLengthSum / n, 1),
  };
}

/** Contribution of one job for a packed (title << 8 | body) term frequency in `slot`. */
export function contribution(state: IndexState, p: Bm25Params, job: Job, tf: number, slot: number): number {
  const tfTitle = tf >>> 8;
  const titleNorm = tfTitle === 0 ? 0 : tfTitle / (p.titleBase + p.titleScale * state.titleLength[slot]);
  const tfn = p.wT * titleNorm + p.wB * (tf & 255) / (p.bodyBase + p.bodyScale * state.bodyLength[slot]);
  let value = job.unit * tfn / (p.k1 + tfn);
  if (job.titleUnit > 0 && titleNorm > 0) value += job.titleUnit * titleNorm / (p.k1 + titleNorm);
  return value;
}

export class FirstPass {
  total = new Float32Array(0);
  touched = new Int32Array(0);
  touchedCount = 0;
  #stamp = new Uint32Array(0);
  #generation = 0;
  #postDocs = new Int32Array(1024);
  #postTfs = new Uint16Array(1024);

  reset(capacity: number): void {
    if (this.#stamp.length < capacity) {
      this.total = new Float32Array(capacity);
      this.touched = new Int32Array(capacity);
      this.#stamp = new Uint32Array(capacity);
      this.#generation = 0;
    } else {
      for (let i = 0; i < this.touchedCount; i++) this.total[this.touched[i]] = 0;
    }
    this.touchedCount = 0;
    this.#generation++;
    if (this.#generation === 0xffffffff) {
      this.#stamp.fill(0);
      this.#generation = 1;
    }
  }

  /** Adds the job's evidence to every live document in its postings. */
  scan(state: IndexState, p: Bm25Params, job: Job): void {
    const length = state.pool.length(job.id);
    if (this.#postDocs.length < length) {
      this.#postDocs = new Int32Array(length * 2);
      this.#postTfs = new Uint16Array(length * 2);
    }
    const docs = this.#postDocs;
    const tfs = this.#postTfs;
    const count = state.pool.read(job.id, docs, tfs);
    const { alive, titleLength, bodyLength } = state;
    const { k1, wT, wB, titleBase, titleScale, bodyBase, bodyScale } = p;
    const { unit, titleUnit } = job;
    const total = this.total;
    const touched = this.touched;
    const stamp = this.#stamp;
    const gen = this.#generation;
    for (let i = 0; i < count; i++) {
      const slot = docs[i];
      if (alive[slot] === 0) continue;
      const tf = tfs[i];
      const tfTitle = tf >>> 8;
      const titleNorm = tfTitle === 0 ? 0 : tfTitle / (titleBase + titleScale * titleLength[slot]);
      const tfn = wT * titleNorm + wB * (tf & 255) / (bodyBase + bodyScale * bodyLength[slot]);
      let value = unit * tfn / (k1 + tfn);
      if (titleNorm > 0) value += titleUnit * titleNorm / (k1 + titleNorm);
      if (stamp[slot] !== gen) {
        stamp[slot] = gen;
        touched[this.touchedCount++] = slot;
      }
      total[slot] += value;
    }
  }

  /** Adds the job's evidence to the given candidates only (forward-list lookups). */
  lookup(state: IndexState, p: Bm25Params, job: Job, candidates: Int32Array, count: number): void {
    for (let i = 0; i < count; i++) {
      const slot = candidates[i];
      const tf = state.forward.tfOf(slot, job.id);
      if (tf >= 0) this.total[slot] += contribution(state, p, job, tf, slot);
    }
  }
}
