import { TrigramIndex } from './fuzzy.ts';

// Term dictionary: words and identifiers to dense ids, with live document frequencies and the
// trigram index used for typo tolerance.

export class Vocabulary {
  #unigrams = new Map<string, number>();
  /** word of each term id */
  #words: string[] = [];
  #df = new Int32Array(1 << 12);
  readonly typos = new TrigramIndex();

  get size(): number {
    return this.#words.length;
  }

  #newId(word: string): number {
    const id = this.#words.length;
    this.#words.push(word);
    if (id >= this.#df.length) {
      const df = new Int32Array(this.#df.length * 2);
      df.set(this.#df);
      this.#df = df;
    }
    return id;
  }

  lookup(term: string): number {
    return this.#unigrams.get(term) ?? -1;
  }

  intern(term: string): number {
    let id = this.#unigrams.get(term);
    if (id === undefined) {
      id = this.#newId(term);
      this.#unigrams.set(term, id);
      this.typos.add(term, id);
    }
    return id;
  }

  wordOf(id: number): string {
    return this.#words[id] ?? '';
  }

  df(id: number): number {
    return id >= 0 && id < this.#words.length ? this.#df[id] : 0;
  }

  addDf(id: number, delta: number): void {
    this.#df[id] += delta;
  }

  /** Approximate heap bytes: typed arrays exactly, Map entries and strings by typical V8 sizes. */
  byteEstimate(): number {
    let stringBytes = 0;
    for (const word of this.#unigrams.keys()) stringBytes += 16 + word.length;
    return this.#df.byteLength + this.#words.length * 8 + this.#unigrams.size * 28 + stringBytes + this.typos.byteSize();
  }
}
