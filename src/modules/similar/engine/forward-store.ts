// Per-document data kept in shared pools (one typed-array header per pool instead of three per
// document, which at 100k posts would cost more than the data itself):
// - the sorted term ids of the post with packed (title << 8 | body) frequencies, used to unindex
//   it, for feedback terms and to score single candidates;
// - its chain: the word sequence (title, FIELD, body) from which adjacent pairs are read for
//   phrase evidence; BREAK marks a sentence boundary.
// Space of removed documents is reclaimed when the index compacts.

export const BREAK = -1;
export const FIELD = -2;

function grown<T extends Int32Array | Uint16Array>(arr: T, min: number, make: (n: number) => T): T {
  if (arr.length >= min) return arr;
  const next = make(Math.max(min, Math.ceil(arr.length * 1.5)));
  next.set(arr);
  return next;
}

export class ForwardStore {
  #terms = new Int32Array(1 << 12);
  #tfs = new Uint16Array(1 << 12);
  #termsUsed = 0;
  #chain = new Int32Array(1 << 12);
  #chainUsed = 0;
  #termStart = new Int32Array(1024);
  #termCount = new Int32Array(1024);
  #chainStart = new Int32Array(1024);
  #chainCount = new Int32Array(1024);

  #ensureSlot(slot: number): void {
    if (slot < this.#termStart.length) return;
    const size = Math.max(slot + 1, this.#termStart.length * 2);
    this.#termStart = grown(this.#termStart, size, (n) => new Int32Array(n));
    this.#termCount = grown(this.#termCount, size, (n) => new Int32Array(n));
    this.#chainStart = grown(this.#chainStart, size, (n) => new Int32Array(n));
    this.#chainCount = grown(this.#chainCount, size, (n) => new Int32Array(n));
  }

  put(slot: number, terms: ArrayLike<number>, tfs: ArrayLike<number>, chain: ArrayLike<number>): void {
    this.#ensureSlot(slot);
    this.#terms = grown(this.#terms, this.#termsUsed + terms.length, (n) => new Int32Array(n));
    this.#tfs = grown(this.#tfs, this.#termsUsed + terms.length, (n) => new Uint16Array(n));
    this.#terms.set(terms, this.#termsUsed);
    this.#tfs.set(tfs, this.#termsUsed);
    this.#termStart[slot] = this.#termsUsed;
    this.#termCount[slot] = terms.length;
    this.#termsUsed += terms.length;
    this.#chain = grown(this.#chain, this.#chainUsed + chain.length, (n) => new Int32Array(n));
    this.#chain.set(chain, this.#chainUsed);
    this.#chainStart[slot] = this.#chainUsed;
    this.#chainCount[slot] = chain.length;
    this.#chainUsed += chain.length;
  }

  clear(slot: number): void {
    this.#termCount[slot] = 0;
    this.#chainCount[slot] = 0;
  }

  terms(slot: number): Int32Array {
    return this.#terms.subarray(this.#termStart[slot], this.#termStart[slot] + this.#termCount[slot]);
  }

  tfs(slot: number): Uint16Array {
    return this.#tfs.subarray(this.#termStart[slot], this.#termStart[slot] + this.#termCount[slot]);
  }

  chain(slot: number): Int32Array {
    return this.#chain.subarray(this.#chainStart[slot], this.#chainStart[slot] + this.#chainCount[slot]);
  }

  /** Packed tf of `term` in the document, or -1 when absent (binary search over its sorted terms). */
  tfOf(slot: number, term: number): number {
    const terms = this.#terms;
    let lo = this.#termStart[slot];
    let hi = lo + this.#termCount[slot] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = terms[mid];
      if (t === term) return this.#tfs[mid];
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  byteSize(): number {
    return this.#terms.byteLength + this.#tfs.byteLength + this.#chain.byteLength + this.#termStart.byteLength * 4;
  }
}
