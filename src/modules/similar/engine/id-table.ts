// Post ids ↔ small numbers (the index's slots), compactly. Every post id in the product is a
// lowercase uuid: those are kept as 16 bytes in a typed array and found through an open-addressing
// hash table, where a string in a Map cost about 100 bytes a post (string, entry, array slot) and
// kept tens of thousands of objects alive for the collector to trace. Any other id (tests,
// evaluation data) falls back to a Map.

const UUID_LENGTH = 36;
const EMPTY = -1;
const HEX = '0123456789abcdef';

/** Value of a lowercase hex digit's char code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

// The 16 bytes of a canonical lowercase uuid as four int32s (in `out`), or false for any other string.
function parseUuid(id: string, out: Int32Array): boolean {
  if (id.length !== UUID_LENGTH) return false;
  let word = 0;
  let digits = 0;
  for (let i = 0; i < UUID_LENGTH; i++) {
    const code = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 45) return false;
      continue;
    }
    const value = hexValue(code);
    if (value < 0) return false;
    word = (word << 4) | value;
    if (++digits % 8 === 0) out[digits / 8 - 1] = word;
  }
  return true;
}

function hashWords(w: Int32Array, at: number): number {
  let h = Math.imul(w[at] ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w[at + 1], 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ w[at + 2], 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w[at + 3], 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class IdTable {
  /** four int32s per number holding a uuid */
  #words = new Int32Array(4 * 64);
  /** 1 where the number holds a uuid */
  #isUuid = new Uint8Array(64);
  /** numbers holding uuids, by hash; EMPTY marks a free cell */
  #table = new Int32Array(128).fill(EMPTY);
  #uuidCount = 0;
  #other = new Map<string, number>();
  #otherAt = new Map<number, string>();
  #key = new Int32Array(4);
  #chars: number[] = new Array<number>(UUID_LENGTH).fill(45);

  get size(): number {
    return this.#uuidCount + this.#other.size;
  }

  /** The number `id` is stored at, or undefined. */
  get(id: string): number | undefined {
    if (!parseUuid(id, this.#key)) return this.#other.get(id);
    const cell = this.#find(this.#key, 0);
    return cell < 0 ? undefined : this.#table[cell];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Stores `id` at number `n`, which must be free. */
  set(id: string, n: number): void {
    this.delete(id);
    if (!parseUuid(id, this.#key)) {
      this.#other.set(id, n);
      this.#otherAt.set(n, id);
      return;
    }
    if (n >= this.#isUuid.length) {
      const size = Math.max(n + 1, this.#isUuid.length * 2);
      const isUuid = new Uint8Array(size);
      isUuid.set(this.#isUuid);
      this.#isUuid = isUuid;
      const words = new Int32Array(size * 4);
      words.set(this.#words);
      this.#words = words;
    }
    this.#words.set(this.#key, n * 4);
    this.#isUuid[n] = 1;
    if ((this.#uuidCount + 1) * 2 > this.#table.length) this.#rehash(this.#table.length * 2);
    this.#table[~this.#find(this.#key, 0)] = n;
    this.#uuidCount++;
  }

  /** Removes `id`; returns the number it was stored at, or undefined. */
  delete(id: string): number | undefined {
    if (!parseUuid(id, this.#key)) {
      const n = this.#other.get(id);
      if (n === undefined) return undefined;
      this.#other.delete(id);
      this.#otherAt.delete(n);
      return n;
    }
    let cell = this.#find(this.#key, 0);
    if (cell < 0) return undefined;
    const n = this.#table[cell];
    this.#isUuid[n] = 0;
    this.#uuidCount--;
    // backward-shift deletion keeps every probe sequence unbroken without tombstones
    const mask = this.#table.length - 1;
    for (let next = (cell + 1) & mask; this.#table[next] !== EMPTY; next = (next + 1) & mask) {
      const home = hashWords(this.#words, this.#table[next] * 4) & mask;
      if (((next - home) & mask) >= ((next - cell) & mask)) {
        this.#table[cell] = this.#table[next];
        cell = next;
      }
    }
    this.#table[cell] = EMPTY;
    return n;
  }

  /** The id stored at number `n`, or null. */
  idOf(n: number): string | null {
    if (n < this.#isUuid.length && this.#isUuid[n] === 1) return this.#format(n);
    return this.#otherAt.get(n) ?? null;
  }

  /** Every stored id with its number. */
  *entries(): Generator<[string, number]> {
    for (let n = 0; n < this.#isUuid.length; n++) if (this.#isUuid[n] === 1) yield [this.#format(n), n];
    yield* this.#other;
  }

  // Cell holding the uuid whose words are `key[at..at+3]`, or ~(the free cell where it would go).
  #find(key: Int32Array, at: number): number {
    const mask = this.#table.length - 1;
    const words = this.#words;
    for (let cell = hashWords(key, at) & mask; ; cell = (cell + 1) & mask) {
      const n = this.#table[cell];
      if (n === EMPTY) return ~cell;
      const w = n * 4;
      if (words[w] === key[at] && words[w + 1] === key[at + 1] && words[w + 2] === key[at + 2] && words[w + 3] === key[at + 3]) return cell;
    }
  }

  #rehash(size: number): void {
    const old = this.#table;
    this.#table = new Int32Array(size).fill(EMPTY);
    for (const n of old) if (n !== EMPTY) this.#table[~this.#find(this.#words, n * 4)] = n;
  }

  #format(n: number): string {
    const chars = this.#chars;
    let at = 0;
    for (let k = 0; k < 4; k++) {
      const word = this.#words[n * 4 + k];
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (at === 8 || at === 13 || at === 18 || at === 23) at++;
        chars[at++] = HEX.charCodeAt((word >>> shift) & 15);
      }
    }
    // one flat string (concatenation would build a tree of pieces)
    return String.fromCharCode(...chars);
  }

  byteSize(): number {
    let other = 0;
    // the string and an entry in each map
    for (const id of this.#other.keys()) other += 16 + id.length + 2 * 40;
    return this.#words.byteLength + this.#isUuid.byteLength + this.#table.byteLength + other;
  }
}
