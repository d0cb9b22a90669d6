import { ByteChunks, CHUNK_BITS, OFFSET_MASK } from './byte-chunks.ts';
import { entrySize, MAX_ID, writeEntry } from './entry-codec.ts';

// Inverted lists for an index that grows one document at a time. Most terms occur in a single
// document (identifiers, numbers, rare words), so one typed array per term would cost more in headers
// than in data. Instead every list is a chain of blocks in shared byte chunks: block sizes double
// from 8 to 4096 bytes, so short lists stay small and long lists stay nearly contiguous. Entries
// are gap-encoded slots with their frequencies (entry-codec.ts), about 1.9 bytes a posting.
// Doubling leaves the last blocks part empty (about 40% of the bytes after a bulk load): `pack`
// rewrites every list as one block of its exact size.

// Block layout: [block size in bytes, uint16][next block address, int32, -1 = none][entries…], little-endian.
const HEADER = 6;
const FIRST_BLOCK = 8;
const MAX_GROWN_BLOCK = 4096;
const MAX_BLOCK = 0xffff;
const INITIAL_TERMS = 1 << 12;

function grow(arr: Int32Array<ArrayBuffer>, min: number, fill: number): Int32Array<ArrayBuffer> {
  if (arr.length >= min) return arr;
  const next = new Int32Array(Math.max(min, arr.length * 2)).fill(fill);
  next.set(arr);
  return next;
}

export class PostingPool {
  #bytes = new ByteChunks();
  #head = new Int32Array(INITIAL_TERMS).fill(-1);
  #tail = new Int32Array(INITIAL_TERMS);
  /** address where the next entry of the term goes, inside its tail block */
  #end = new Int32Array(INITIAL_TERMS);
  #length = new Int32Array(INITIAL_TERMS);
  #lastDoc = new Int32Array(INITIAL_TERMS);

  #newBlock(size: number): number {
    const address = this.#bytes.allocate(size);
    const bytes = this.#bytes.chunkOf(address);
    const at = address & OFFSET_MASK;
    bytes[at] = size & 0xff;
    bytes[at + 1] = size >>> 8;
    bytes.fill(0xff, at + 2, at + HEADER);
    return address;
  }

  #sizeOf(block: number): number {
    const bytes = this.#bytes.chunkOf(block);
    const at = block & OFFSET_MASK;
    return bytes[at] | (bytes[at + 1] << 8);
  }

  /** Points `block`'s header at `next` (after allocating: the first chunk may have been replaced by a larger copy). */
  #link(block: number, next: number): void {
    const bytes = this.#bytes.chunkOf(block);
    const at = (block & OFFSET_MASK) + 2;
    bytes[at] = next & 0xff;
    bytes[at + 1] = (next >>> 8) & 0xff;
    bytes[at + 2] = (next >>> 16) & 0xff;
    bytes[at + 3] = next >>> 24;
  }

  #ensureTerm(term: number): void {
    if (term < this.#head.length) return;
    this.#head = grow(this.#head, term + 1, -1);
    this.#tail = grow(this.#tail, term + 1, 0);
    this.#end = grow(this.#end, term + 1, 0);
    this.#length = grow(this.#length, term + 1, 0);
    this.#lastDoc = grow(this.#lastDoc, term + 1, 0);
  }

  /** Appends a posting; documents must be appended in increasing slot order per term. */
  append(term: number, doc: number, tfTitle: number, tfBody: number): void {
    if (doc >= MAX_ID || term >= MAX_ID) throw new RangeError('similar-posts index: too many posts or terms');
    this.#ensureTerm(term);
    const isNew = this.#head[term] === -1;
    const tf = (Math.min(tfTitle, 255) << 8) | Math.min(tfBody, 255);
    const gap = doc - (isNew ? -1 : this.#lastDoc[term]);
    const size = entrySize(gap, tf);
    let end = this.#end[term];
    if (isNew) {
      let blockSize = FIRST_BLOCK;
      while (blockSize - HEADER < size) blockSize *= 2;
      const block = this.#newBlock(blockSize);
      this.#head[term] = block;
      this.#tail[term] = block;
      end = block + HEADER;
    } else {
      const tail = this.#tail[term];
      const tailSize = this.#sizeOf(tail);
      if (end + size > tail + tailSize) {
        // the rest of the full block stays zero: readers stop there
        const block = this.#newBlock(Math.max(FIRST_BLOCK, Math.min(tailSize * 2, MAX_GROWN_BLOCK)));
        this.#link(tail, block);
        this.#tail[term] = block;
        end = block + HEADER;
      }
    }
    writeEntry(this.#bytes.chunkOf(end), end & OFFSET_MASK, gap, tf);
    this.#end[term] = end + size;
    this.#length[term]++;
    this.#lastDoc[term] = doc;
  }

  /** Number of postings stored for the term, including ones of removed documents. */
  length(term: number): number {
    return term < this.#length.length ? this.#length[term] : 0;
  }

  /**
   * Decodes the term's postings into flat buffers (which must hold `length(term)` entries) and
   * returns the count, so the scoring loop runs over plain arrays.
   */
  read(term: number, docsOut: Int32Array, tfsOut: Uint16Array): number {
    if (term >= this.#head.length) return 0;
    const chunks = this.#bytes.chunks;
    const tail = this.#tail[term];
    let block = this.#head[term];
    let n = 0;
    let doc = -1;
    while (block !== -1) {
      const bytes = chunks[block >>> CHUNK_BITS];
      const start = block & OFFSET_MASK;
      const end = block === tail ? start + this.#end[term] - block : start + (bytes[start] | (bytes[start + 1] << 8));
      let at = start + HEADER;
      while (at < end) {
        let b = bytes[at++];
        if (b === 0) break;
        let token = b & 127;
        for (let shift = 7; b >= 128; shift += 7) {
          b = bytes[at++];
          token |= (b & 127) << shift;
        }
        token -= 1;
        doc += (token >>> 2) + 1;
        const code = token & 3;
        let tf: number;
        if (code === 3) {
          b = bytes[at++];
          tf = b & 127;
          for (let shift = 7; b >= 128; shift += 7) {
            b = bytes[at++];
            tf |= (b & 127) << shift;
          }
        } else {
          tf = code === 0 ? 1 : code === 1 ? 256 : 257;
        }
        docsOut[n] = doc;
        tfsOut[n++] = tf;
      }
      block = bytes[start + 2] | (bytes[start + 3] << 8) | (bytes[start + 4] << 16) | (bytes[start + 5] << 24);
    }
    return n;
  }

  /**
   * Rewrites every list into blocks of its exact size (one block up to 64 KiB), dropping the empty
   * ends that doubling leaves: for after a bulk load. Appending afterwards works as before.
   */
  pack(): void {
    const old = { bytes: this.#bytes, head: this.#head, tail: this.#tail, end: this.#end };
    this.#bytes = new ByteChunks();
    this.#head = new Int32Array(old.head.length).fill(-1);
    this.#tail = new Int32Array(old.head.length);
    this.#end = new Int32Array(old.head.length);
    const runs: Uint8Array[] = [];
    for (let term = 0; term < old.head.length; term++) {
      // the used bytes of each block of the chain (a run never exceeds one block, so it fits a new one)
      runs.length = 0;
      let total = 0;
      for (let block = old.head[term]; block !== -1;) {
        const bytes = old.bytes.chunkOf(block);
        const start = block & OFFSET_MASK;
        let end = block === old.tail[term] ? start + old.end[term] - block : start + (bytes[start] | (bytes[start + 1] << 8));
        while (end > start + HEADER && bytes[end - 1] === 0) end--; // padding: an entry never ends with a zero byte
        runs.push(bytes.subarray(start + HEADER, end));
        total += end - start - HEADER;
        block = bytes[start + 2] | (bytes[start + 3] << 8) | (bytes[start + 4] << 16) | (bytes[start + 5] << 24);
      }
      let tail = -1;
      for (const run of runs) {
        if (tail === -1 || this.#end[term] + run.length > tail + this.#sizeOf(tail)) {
          const block = this.#newBlock(Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, total + HEADER)));
          if (tail === -1) this.#head[term] = block;
          else this.#link(tail, block);
          tail = block;
          this.#tail[term] = block;
          this.#end[term] = block + HEADER;
        }
        this.#bytes.chunkOf(tail).set(run, this.#end[term] & OFFSET_MASK);
        this.#end[term] += run.length;
        total -= run.length;
      }
    }
  }

  /** Bytes held (allocated capacity, not just used). */
  byteSize(): number {
    return this.#bytes.byteSize() + this.#head.byteLength * 5;
  }
}
