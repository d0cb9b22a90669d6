// Inverted lists for an index that grows one document at a time. Most terms occur in a single
// document (identifiers, numbers, rare words), so one typed array per term would cost more in headers
// than in data. Instead every list is a chain of blocks inside two shared pools: block sizes
// double from 2 to 1024 entries, so short lists stay small and long lists stay contiguous.

const FIRST_BLOCK = 2;
const MAX_BLOCK = 1024;

function grow<T extends Int32Array | Uint16Array>(arr: T, min: number, make: (n: number) => T): T {
  if (arr.length >= min) return arr;
  const next = make(Math.max(min, Math.ceil(arr.length * 1.5)));
  next.set(arr);
  return next;
}

export class PostingPool {
  // Block layout in the pools: [next block offset, entry, entry, ...]; -1 ends a chain.
  #docs = new Int32Array(1 << 12);
  #tfs = new Uint16Array(1 << 12);
  #used = 0;
  #head = new Int32Array(1 << 12).fill(-1);
  #tail = new Int32Array(1 << 12);
  #tailCap = new Uint16Array(1 << 12);
  #tailFill = new Uint16Array(1 << 12);
  #length = new Int32Array(1 << 12);

  #allocate(capacity: number): number {
    const offset = this.#used;
    this.#used += capacity + 1;
    this.#docs = grow(this.#docs, this.#used, (n) => new Int32Array(n));
    this.#tfs = grow(this.#tfs, this.#used, (n) => new Uint16Array(n));
    this.#docs[offset] = -1;
    return offset;
  }

  #ensureTerm(term: number): void {
    if (term < this.#head.length) return;
    const size = Math.max(term + 1, this.#head.length * 2);
    const head = new Int32Array(size).fill(-1);
    head.set(this.#head);
    this.#head = head;
    this.#tail = grow(this.#tail, size, (n) => new Int32Array(n));
    this.#tailCap = grow(this.#tailCap, size, (n) => new Uint16Array(n));
    this.#tailFill = grow(this.#tailFill, size, (n) => new Uint16Array(n));
    this.#length = grow(this.#length, size, (n) => new Int32Array(n));
  }

  /** Appends a posting; documents must be appended in increasing slot order per term. */
  append(term: number, doc: number, tfTitle: number, tfBody: number): void {
    this.#ensureTerm(term);
    let tail = this.#tail[term];
    if (this.#head[term] === -1) {
      tail = this.#allocate(FIRST_BLOCK);
      this.#head[term] = tail;
      this.#tail[term] = tail;
      this.#tailCap[term] = FIRST_BLOCK;
      this.#tailFill[term] = 0;
    } else if (this.#tailFill[term] === this.#tailCap[term]) {
      const capacity = Math.min(this.#tailCap[term] * 2, MAX_BLOCK);
      const block = this.#allocate(capacity);
      this.#docs[tail] = block;
      tail = block;
      this.#tail[term] = block;
      this.#tailCap[term] = capacity;
      this.#tailFill[term] = 0;
    }
    const at = tail + 1 + this.#tailFill[term]++;
    this.#docs[at] = doc;
    this.#tfs[at] = (Math.min(tfTitle, 255) << 8) | Math.min(tfBody, 255);
    this.#length[term]++;
  }

  /** Number of postings stored for the term, including ones of removed documents. */
  length(term: number): number {
    return term < this.#length.length ? this.#length[term] : 0;
  }

  /**
   * Copies the term's postings into flat buffers (which must hold `length(term)` entries) and
   * returns the count. Block copies are memcpy-fast and leave the scoring loop a flat array.
   */
  read(term: number, docsOut: Int32Array, tfsOut: Uint16Array): number {
    if (term >= this.#head.length) return 0;
    const tail = this.#tail[term];
    let block = this.#head[term];
    let capacity = FIRST_BLOCK;
    let n = 0;
    while (block !== -1) {
      const count = block === tail ? this.#tailFill[term] : capacity;
      docsOut.set(this.#docs.subarray(block + 1, block + 1 + count), n);
      tfsOut.set(this.#tfs.subarray(block + 1, block + 1 + count), n);
      n += count;
      block = this.#docs[block];
      capacity = Math.min(capacity * 2, MAX_BLOCK);
    }
    return n;
  }

  /** Bytes held by the pools (allocated capacity, not just used). */
  byteSize(): number {
    return this.#docs.byteLength + this.#tfs.byteLength + this.#head.byteLength + this.#tail.byteLength
      + this.#tailCap.byteLength + this.#tailFill.byteLength + this.#length.byteLength;
  }
}
