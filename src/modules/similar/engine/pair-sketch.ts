// Document frequencies of adjacent word pairs, for the idf of phrase evidence. Pairs are not
// indexed (millions of distinct pairs would cost more memory than all words together); their
// counts go into a count-min sketch: two rows of counters saturating at 65535, the estimate being
// the smaller of the two cells, so collisions can only overestimate a count. The index sizes
// the rows to its number of posts (up to 2 × 2^21 cells, 4 MiB) and rebuilds the sketch from the
// stored word chains when it grows, so a small workspace pays kilobytes, not megabytes.

const MAX_COUNT = 0xffff;
const LARGE = 0xff;
export const MIN_SKETCH_BITS = 12;
export const MAX_SKETCH_BITS = 21;

/** Unordered key of a word pair ("delete user" = "user delete"), a 31-bit hash of the two term ids. */
export function pairKey(x: number, y: number): number {
  const a = Math.min(x, y);
  const b = Math.max(x, y);
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h ^= Math.imul(b + 0x27d4eb2f, 0x165667b1);
  return (h ^ (h >>> 16)) >>> 1;
}

/** Distinct pair keys of a chain (adjacent words within one sentence). */
export function chainPairs(chain: ArrayLike<number>): Set<number> {
  const keys = new Set<number>();
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1];
    const b = chain[i];
    if (a >= 0 && b >= 0 && a !== b) keys.add(pairKey(a, b));
  }
  return keys;
}

export class PairSketch {
  readonly bits: number;
  #mask: number;
  // Most cells count a few pairs: a byte each, with counts of 255 and more (the pairs of very
  // common words, a few thousand cells) kept exactly in `#large` under row * width + cell.
  #rows: [Uint8Array, Uint8Array];
  #large = new Map<number, number>();

  constructor(bits = MIN_SKETCH_BITS) {
    this.bits = bits;
    this.#mask = (1 << bits) - 1;
    this.#rows = [new Uint8Array(1 << bits), new Uint8Array(1 << bits)];
  }

  /** Cells per row. */
  get width(): number {
    return this.#mask + 1;
  }

  #cell(row: number, key: number): number {
    const h = row === 0 ? key : Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) ^ (key >>> 11);
    return h & this.#mask;
  }

  #get(row: number, at: number): number {
    const small = this.#rows[row][at];
    return small < LARGE ? small : (this.#large.get(row * this.width + at) ?? LARGE);
  }

  add(keys: Iterable<number>, delta: 1 | -1): void {
    for (const key of keys) {
      for (let row = 0; row < 2; row++) {
        const cells = this.#rows[row];
        const at = this.#cell(row, key);
        const small = cells[at];
        if (small < LARGE) {
          // a byte cell (the overflow table has no entry for it)
          const next = small + delta;
          if (next >= 0) cells[at] = next;
          if (next === LARGE) this.#large.set(row * this.width + at, LARGE);
          continue;
        }
        const where = row * this.width + at;
        const next = (this.#large.get(where) ?? LARGE) + delta;
        if (next > MAX_COUNT) continue;
        if (next < LARGE) {
          this.#large.delete(where);
          cells[at] = next;
        } else {
          this.#large.set(where, next);
        }
      }
    }
  }

  count(key: number): number {
    return Math.min(this.#get(0, this.#cell(0, key)), this.#get(1, this.#cell(1, key)));
  }

  byteSize(): number {
    return this.#rows[0].byteLength + this.#rows[1].byteLength + this.#large.size * 40;
  }

  /** Cells whose count takes more than a byte (for memory reports and tests). */
  get largeCells(): number {
    return this.#large.size;
  }
}
