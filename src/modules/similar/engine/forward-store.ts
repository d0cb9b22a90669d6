import { ByteChunks, CHUNK_BITS, OFFSET_MASK } from './byte-chunks.ts';
import { ByteReader, MAX_ENTRY_BYTES, writeEntry, writeVarint } from './entry-codec.ts';

// Per-document data, one byte record per post in shared chunks (one typed-array header per chunk
// instead of three per document, which at 100k posts would cost more than the data itself):
// - the sorted term ids of the post with packed (title << 8 | body) frequencies, used to unindex
//   it, for feedback terms and to score single candidates;
// - its chain: the word sequence (title, FIELD, body) from which adjacent pairs are read for
//   phrase evidence; BREAK marks a sentence boundary.
// Record: [varint term count][term entries (entry-codec.ts)][varint chain length][chain], where a
// chain step is a varint: 0 BREAK, 1 FIELD, 2 + the word's position in the post's own term list.
// Positions are small, so a step takes one byte where a term id took four. Space of removed
// documents is reclaimed when the index compacts.

export const BREAK = -1;
export const FIELD = -2;

const EMPTY = -1;

/** Lower bound of a term's position in sorted `terms` (the chain's words are all there). */
function positionOf(terms: ArrayLike<number>, term: number): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ForwardStore {
  #bytes = new ByteChunks();
  #start = new Int32Array(1024).fill(EMPTY);
  #scratch = new Uint8Array(4096);

  #reader(slot: number): ByteReader | null {
    const address = slot < this.#start.length ? this.#start[slot] : EMPTY;
    if (address === EMPTY) return null;
    return new ByteReader(this.#bytes.chunks[address >>> CHUNK_BITS], address & OFFSET_MASK);
  }

  put(slot: number, terms: ArrayLike<number>, tfs: ArrayLike<number>, chain: ArrayLike<number>): void {
    if (slot >= this.#start.length) {
      const start = new Int32Array(Math.max(slot + 1, this.#start.length * 2)).fill(EMPTY);
      start.set(this.#start);
      this.#start = start;
    }
    const most = 10 + terms.length * MAX_ENTRY_BYTES + chain.length * 5;
    if (this.#scratch.length < most) this.#scratch = new Uint8Array(most * 2);
    const out = this.#scratch;
    let at = writeVarint(out, 0, terms.length);
    for (let i = 0, previous = -1; i < terms.length; previous = terms[i++]) at = writeEntry(out, at, terms[i] - previous, tfs[i]);
    at = writeVarint(out, at, chain.length);
    for (let i = 0; i < chain.length; i++) {
      const step = chain[i];
      at = writeVarint(out, at, step === BREAK ? 0 : step === FIELD ? 1 : 2 + positionOf(terms, step));
    }
    const address = this.#bytes.allocate(at);
    this.#bytes.chunkOf(address).set(out.subarray(0, at), address & OFFSET_MASK);
    this.#start[slot] = address;
  }

  clear(slot: number): void {
    this.#start[slot] = EMPTY;
  }

  terms(slot: number): Int32Array {
    return this.#read(slot).terms;
  }

  tfs(slot: number): Uint16Array {
    return this.#read(slot).tfs;
  }

  /** The post's sorted term ids, their packed frequencies, and a reader left at its chain. */
  #read(slot: number): { terms: Int32Array; tfs: Uint16Array; reader: ByteReader | null } {
    const reader = this.#reader(slot);
    if (reader === null) return { terms: new Int32Array(0), tfs: new Uint16Array(0), reader };
    const count = reader.varint();
    const terms = new Int32Array(count);
    const tfs = new Uint16Array(count);
    for (let i = 0, term = -1; i < count; i++) {
      term += reader.entry();
      terms[i] = term;
      tfs[i] = reader.tf;
    }
    return { terms, tfs, reader };
  }

  chain(slot: number): Int32Array {
    const { terms, reader } = this.#read(slot);
    if (reader === null) return new Int32Array(0);
    const chain = new Int32Array(reader.varint());
    for (let i = 0; i < chain.length; i++) {
      const step = reader.varint();
      chain[i] = step === 0 ? BREAK : step === 1 ? FIELD : terms[step - 2];
    }
    return chain;
  }

  /** Packed tf of `term` in the document, or -1 when absent (a scan of its sorted terms). */
  tfOf(slot: number, term: number): number {
    const address = slot < this.#start.length ? this.#start[slot] : EMPTY;
    if (address === EMPTY) return -1;
    const bytes = this.#bytes.chunks[address >>> CHUNK_BITS];
    let at = address & OFFSET_MASK;
    // the steps of ByteReader inlined: this runs for every candidate of every late query term
    let b = bytes[at++];
    let count = b & 127;
    for (let shift = 7; b >= 128; shift += 7) {
      b = bytes[at++];
      count |= (b & 127) << shift;
    }
    let current = -1;
    for (let i = 0; i < count; i++) {
      b = bytes[at++];
      let token = b & 127;
      for (let shift = 7; b >= 128; shift += 7) {
        b = bytes[at++];
        token |= (b & 127) << shift;
      }
      token -= 1;
      current += (token >>> 2) + 1;
      const code = token & 3;
      if (current > term) return -1;
      if (code === 3) {
        b = bytes[at++];
        let tf = b & 127;
        for (let shift = 7; b >= 128; shift += 7) {
          b = bytes[at++];
          tf |= (b & 127) << shift;
        }
        if (current === term) return tf;
      } else if (current === term) {
        return code === 0 ? 1 : code === 1 ? 256 : 257;
      }
    }
    return -1;
  }

  byteSize(): number {
    return this.#bytes.byteSize() + this.#start.byteLength;
  }
}
