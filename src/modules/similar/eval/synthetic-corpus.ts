import type { EvalItem } from './load-dataset.ts';

// A deterministic synthetic workspace for latency and memory measurements at sizes the real
// datasets do not reach. Words follow a Zipf law (as natural text does); each post belongs to a
// topic whose characteristic words it mixes with background words, and a duplicate is a new
// post on the same topic written with a fresh sample of words — so there is a ground truth too.

export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cl', 'dr', 'fl', 'gr', 'pl', 'st', 'tr', 'sh', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 't', 'm', 'nd', 'st', 'ck'];

function makeWord(random: () => number): string {
  const syllables = 1 + Math.floor(random() * 3);
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += ONSETS[Math.floor(random() * ONSETS.length)] + VOWELS[Math.floor(random() * VOWELS.length)];
  }
  return word + CODAS[Math.floor(random() * CODAS.length)];
}

export type SyntheticOptions = { docs: number; queries: number; vocabulary?: number; topics?: number; seed?: number };

export type SyntheticWorkspace = { corpus: EvalItem[]; queries: EvalItem[]; relevant: Map<string, Set<string>> };

export type SyntheticWriter = {
  /** the `i`-th post of the workspace and its topic; posts must be written in order, before any query */
  post(i: number): { item: EvalItem; topic: number };
  /** a new post duplicating the posts of `topic` (written with a fresh sample of its words) */
  query(i: number, topic: number): EvalItem;
  random: () => number;
};

/**
 * The workspace's posts one at a time, so a measurement can feed a build page by page (as the
 * server reads them) without holding the whole corpus; the same seed gives the same posts as
 * createSyntheticWorkspace.
 */
export function createSyntheticWriter(opts: SyntheticOptions): SyntheticWriter {
  const random = createRandom(opts.seed ?? 42);
  const vocabularySize = opts.vocabulary ?? 60_000;
  const topicCount = opts.topics ?? Math.max(10, Math.floor(opts.docs / 20));
  const words = new Set<string>();
  while (words.size < vocabularySize) words.add(makeWord(random));
  const vocabulary = [...words];
  // Zipf(1.0) sampling through the cumulative distribution.
  const cumulative = new Float64Array(vocabularySize);
  let total = 0;
  for (let i = 0; i < vocabularySize; i++) cumulative[i] = total += 1 / (i + 1);
  const background = (): string => {
    const x = random() * total;
    let lo = 0;
    let hi = vocabularySize - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  const topics = Array.from({ length: topicCount }, () =>
    Array.from({ length: 12 }, () => vocabulary[200 + Math.floor(random() * (vocabularySize - 200))]));
  const lengthOf = (median: number): number => Math.max(1, Math.round(median * Math.exp((random() - 0.5) * 2)));
  const write = (topic: string[], length: number, topicShare: number): string =>
    Array.from({ length }, () => (random() < topicShare ? topic[Math.floor(random() * topic.length)] : background())).join(' ');
  const span = 3 * 365 * 86_400_000;
  const start = Date.UTC(2022, 0, 1);
  return {
    random,
    post(i) {
      const topic = Math.floor(random() * topicCount);
      return {
        topic,
        item: {
          id: `s${i}`,
          title: write(topics[topic], lengthOf(7), 0.6),
          body: write(topics[topic], lengthOf(40), 0.25),
          created: start + Math.floor((i / opts.docs) * span),
        },
      };
    },
    query(i, topic) {
      return { id: `q${i}`, title: write(topics[topic], lengthOf(7), 0.5), body: write(topics[topic], lengthOf(40), 0.2), created: start + span + 1 };
    },
  };
}

export function createSyntheticWorkspace(opts: SyntheticOptions): SyntheticWorkspace {
  const writer = createSyntheticWriter(opts);
  const corpus: EvalItem[] = [];
  const topicOf: number[] = [];
  for (let i = 0; i < opts.docs; i++) {
    const { item, topic } = writer.post(i);
    topicOf.push(topic);
    corpus.push(item);
  }
  const membersOf = new Map<number, Set<string>>();
  for (let j = 0; j < corpus.length; j++) {
    const members = membersOf.get(topicOf[j]) ?? new Set<string>();
    members.add(corpus[j].id);
    membersOf.set(topicOf[j], members);
  }
  const queries: EvalItem[] = [];
  const relevant = new Map<string, Set<string>>();
  for (let i = 0; i < opts.queries; i++) {
    const original = Math.floor(writer.random() * opts.docs);
    const query = writer.query(i, topicOf[original]);
    queries.push(query);
    relevant.set(query.id, membersOf.get(topicOf[original]) ?? new Set());
  }
  return { corpus, queries, relevant };
}
