import { PostingPool } from './postings.ts';

// Typo tolerance through character trigrams over the vocabulary (not over documents): a query
// word that the index has (almost) never seen is compared with known words of similar length
// that share enough trigrams, then confirmed by edit distance. Only lowercase ASCII words of
// 4–24 letters take part, which keeps the trigram lists short.

const MIN_LENGTH = 4;
const MAX_LENGTH = 24;
const WORD = /^[a-z]+$/;

function trigramCodes(word: string): number[] {
  const padded = `{${word}{`; // '{' follows 'z' in ASCII: codes stay within 27 symbols
  const codes: number[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) {
    codes.push(((padded.charCodeAt(i) - 97) * 27 + (padded.charCodeAt(i + 1) - 97)) * 27 + (padded.charCodeAt(i + 2) - 97));
  }
  return codes;
}

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1];
}

/** Whether typo tolerance applies to this term (plain lowercase words of 4–24 letters). */
export function isTypoCandidate(word: string): boolean {
  return word.length >= MIN_LENGTH && word.length <= MAX_LENGTH && WORD.test(word);
}

export function maxTypos(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

export class TrigramIndex {
  // key = trigram code * 32 + word length → list number; the lists (term ids, in the increasing
  // order they were added) live in a posting pool: about 2 bytes an entry, where arrays of
  // numbers cost 8 plus headers and growth slack.
  #listOf = new Map<number, number>();
  #lists = new PostingPool();
  #ids = new Int32Array(256);
  #unused = new Uint16Array(256);

  add(word: string, termId: number): void {
    if (!isTypoCandidate(word)) return;
    for (const code of new Set(trigramCodes(word))) {
      const key = code * 32 + word.length;
      let list = this.#listOf.get(key);
      if (list === undefined) {
        list = this.#listOf.size;
        this.#listOf.set(key, list);
      }
      this.#lists.append(list, termId, 0, 1);
    }
  }

  /** Known words within the typo budget of `word`, as [termId, distance], closest first. */
  near(word: string, wordOf: (termId: number) => string): Array<[number, number]> {
    if (!isTypoCandidate(word)) return [];
    const max = maxTypos(word);
    const codes = [...new Set(trigramCodes(word))];
    // q-gram lemma: one edit destroys at most 3 padded trigrams, an adjacent transposition 4.
    const needed = Math.max(1, codes.length - 4 * max);
    const found: Array<[number, number]> = [];
    for (let len = Math.max(MIN_LENGTH, word.length - max); len <= Math.min(MAX_LENGTH, word.length + max); len++) {
      const hits = new Map<number, number>();
      for (const code of codes) {
        const list = this.#listOf.get(code * 32 + len);
        if (list === undefined) continue;
        const length = this.#lists.length(list);
        if (this.#ids.length < length) {
          this.#ids = new Int32Array(length * 2);
          this.#unused = new Uint16Array(length * 2);
        }
        const count = this.#lists.read(list, this.#ids, this.#unused);
        for (let i = 0; i < count; i++) hits.set(this.#ids[i], (hits.get(this.#ids[i]) ?? 0) + 1);
      }
      for (const [id, count] of hits) {
        if (count < needed) continue;
        const candidate = wordOf(id);
        if (candidate === word) continue;
        const distance = editDistance(word, candidate, max);
        if (distance <= max) found.push([id, distance]);
      }
    }
    return found.sort((x, y) => x[1] - y[1]);
  }

  /** Trims the lists to their exact size (after a bulk load). */
  pack(): void {
    this.#lists.pack();
  }

  byteSize(): number {
    return this.#lists.byteSize() + this.#listOf.size * 40;
  }
}
