// Append-only byte storage in chunks of 1 MiB, addressed as chunk << 20 | offset. One large array
// grown by copying would leave up to a third of it unused and, while it grows, hold the old and
// the new copy at once: freed copies of tens of megabytes stay in the process's memory (RSS) long
// after the collector drops them. Chunks are never copied once full. The first chunk starts small
// and doubles up to the chunk size, so a workspace of a dozen posts pays kilobytes; a record larger
// than a chunk gets a chunk of its own.

export const CHUNK_BITS = 20;
const CHUNK_SIZE = 1 << CHUNK_BITS;
/** address & OFFSET_MASK is the offset inside the address's chunk */
export const OFFSET_MASK = CHUNK_SIZE - 1;
const FIRST_SIZE = 4096;
// addresses stay positive int32s
const MAX_CHUNKS = 1 << (31 - CHUNK_BITS);

export class ByteChunks {
  chunks: Uint8Array[] = [new Uint8Array(FIRST_SIZE)];
  #used = 0;

  /** Reserves `n` contiguous bytes (zero-filled) and returns their address. */
  allocate(n: number): number {
    const last = this.chunks.length - 1;
    if (this.#used + n <= this.chunks[last].length) return this.#take(last, n);
    if (last === 0 && this.#used + n <= CHUNK_SIZE) {
      let size = this.chunks[0].length;
      while (size < this.#used + n) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.chunks[0].subarray(0, this.#used));
      this.chunks[0] = grown;
      return this.#take(0, n);
    }
    if (this.chunks.length >= MAX_CHUNKS) throw new RangeError('similar-posts index: byte storage full');
    this.chunks.push(new Uint8Array(Math.max(n, CHUNK_SIZE)));
    this.#used = 0;
    return this.#take(this.chunks.length - 1, n);
  }

  #take(chunk: number, n: number): number {
    const address = chunk * CHUNK_SIZE + this.#used;
    this.#used += n;
    return address;
  }

  /** The chunk holding `address`. */
  chunkOf(address: number): Uint8Array {
    return this.chunks[address >>> CHUNK_BITS];
  }

  byteSize(): number {
    let total = 0;
    for (const chunk of this.chunks) total += chunk.byteLength;
    return total;
  }
}
