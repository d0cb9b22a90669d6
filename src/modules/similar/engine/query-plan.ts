import { analyzePost } from './analyze.ts';
import { FIELD } from './forward-store.ts';
import { isTypoCandidate } from './fuzzy.ts';
import type { IndexState } from './index-state.ts';
import { pairKey } from './pair-sketch.ts';
import { synonymsOf } from './synonyms.ts';
import type { EngineOptions } from './types.ts';

export type PlanTerm = { id: number; weight: number; idf: number; inTitle: boolean; surface: string };
export type PlanPhrase = { key: number; weight: number; idf: number; surface: string };

/** A query turned into weighted term ids, ready to score against the postings. */
export type QueryPlan = {
  words: PlanTerm[];
  expansions: PlanTerm[];
  phrases: PlanPhrase[];
  /** Σ weight·idf over every query word, including words no document has (they lower the match share) */
  wordMass: number;
  /** Σ idf over the words of the query title */
  titleMass: number;
  phraseMass: number;
};

type WordInput = { term: string; id: number; title: number; body: number; surface: string };
type PairInput = { key: number; inTitle: boolean; inBody: boolean; surface: string };

const MAX_EXPANSIONS = 24;
const MAX_TYPO_CANDIDATES = 2;
// Typo lookups per query: enough for what people type in a title, bounded for pasted logs;
// body words are looked up only in short posts (a long body carries its topic many times over).
const MAX_TYPO_LOOKUPS = 8;
const SHORT_POST_WORDS = 40;

export function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function queryWeight(inTitle: number, inBody: number, opts: EngineOptions): number {
  return (inTitle > 0 ? opts.queryTitleWeight : 0) + (inBody > 0 ? opts.queryBodyWeight * (1 + Math.log(inBody)) : 0);
}

function byValue(a: { weight: number; idf: number }, b: { weight: number; idf: number }): number {
  return b.weight * b.idf - a.weight * a.idf;
}

function expand(state: IndexState, words: WordInput[], opts: EngineOptions, selfDf: number, n: number): PlanTerm[] {
  const vocab = state.vocab;
  const out: PlanTerm[] = [];
  const seen = new Set(words.map((w) => w.id));
  let typoLookups = 0;
  const bodyTypos = words.length <= SHORT_POST_WORDS;
  const push = (id: number, weight: number, surface: string, inTitle: boolean): void => {
    if (id < 0 || seen.has(id) || vocab.df(id) <= 0) return;
    seen.add(id);
    out.push({ id, weight, idf: idfOf(vocab.df(id), n), inTitle, surface });
  };
  for (const word of words) {
    const weight = queryWeight(word.title, word.body, opts);
    const typoEligible = (word.title > 0 || bodyTypos) && vocab.df(word.id) - selfDf <= opts.fuzzyMaxDf && isTypoCandidate(word.term);
    if (typoEligible && typoLookups++ < MAX_TYPO_LOOKUPS) {
      // Closest first, then the more common word (what people more likely meant), then by spelling.
      const near = vocab.typos.near(word.term, (id) => vocab.wordOf(id))
        .filter(([id]) => vocab.df(id) > 0)
        .sort(([a, da], [b, db]) => da - db || vocab.df(b) - vocab.df(a) || (vocab.wordOf(a) < vocab.wordOf(b) ? -1 : 1))
        .slice(0, MAX_TYPO_CANDIDATES);
      for (const [id, distance] of near) push(id, weight / distance, `${word.surface}~${vocab.wordOf(id)}`, word.title > 0);
    }
    if (opts.synonyms) {
      for (const synonym of synonymsOf(word.term)) push(vocab.lookup(synonym), weight, `${word.surface}~${synonym}`, word.title > 0);
    }
  }
  return out.sort(byValue).slice(0, MAX_EXPANSIONS);
}

function buildPlan(state: IndexState, words: WordInput[], pairs: PairInput[], opts: EngineOptions, selfDf: number): QueryPlan {
  const n = Math.max(state.liveCount, 1);
  const vocab = state.vocab;
  let wordMass = 0;
  let titleMass = 0;
  const matched: PlanTerm[] = [];
  for (const word of words) {
    const df = Math.max(vocab.df(word.id) - selfDf, 0);
    const idf = idfOf(df, n);
    const weight = queryWeight(word.title, word.body, opts);
    wordMass += weight * idf;
    if (word.title > 0) titleMass += idf;
    if (df > 0) matched.push({ id: word.id, weight, idf, inTitle: word.title > 0, surface: word.surface });
  }
  const phrases: PlanPhrase[] = [];
  let phraseMass = 0;
  for (const pair of pairs) {
    const df = pair.key < 0 ? 0 : Math.max(state.pairs.count(pair.key) - selfDf, 0);
    const weight = (pair.inTitle ? opts.queryTitleWeight : 0) + (pair.inBody ? opts.queryBodyWeight : 0);
    const idf = idfOf(df, n);
    phraseMass += weight * idf;
    if (df > 0) phrases.push({ key: pair.key, weight, idf, surface: pair.surface });
  }
  return {
    words: matched.sort(byValue).slice(0, opts.maxQueryTerms),
    expansions: expand(state, words, opts, selfDf, n),
    phrases: phrases.sort(byValue).slice(0, opts.maxQueryTerms),
    wordMass,
    titleMass,
    phraseMass,
  };
}

// Collects the distinct adjacent pairs of a chain with the fields they occur in.
function collectPairs(ids: ArrayLike<number>, surfaces: readonly string[] | null, titleEnd: number): PairInput[] {
  const pairs = new Map<number, PairInput>();
  for (let i = 1; i < ids.length; i++) {
    const a = ids[i - 1];
    const b = ids[i];
    if (a === b || a === FIELD || b === FIELD || a === -1 || b === -1) continue;
    // Pairs with an unknown word cannot match, yet they still count in the phrase mass.
    const key = a < -2 || b < -2 ? -i : pairKey(a, b);
    const pair = pairs.get(key) ?? { key, inTitle: false, inBody: false, surface: surfaces === null ? '' : `${surfaces[i - 1]} ${surfaces[i]}` };
    if (i < titleEnd) pair.inTitle = true;
    else pair.inBody = true;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

/** Plan for a post being written: its text is analysed exactly like an indexed post. */
export function planFromText(state: IndexState, title: string, body: string, opts: EngineOptions): QueryPlan {
  const analysis = analyzePost(title, body);
  const vocab = state.vocab;
  const words: WordInput[] = [];
  for (const [term, stats] of analysis.words) {
    words.push({ term, id: vocab.lookup(term), title: stats.title, body: stats.body, surface: stats.surface });
  }
  // Unknown words get distinct ids below -2 so that pairs containing them stay distinct.
  const chain = analysis.chain.map((term, i) => {
    if (i === analysis.titleChainLength - 1) return FIELD;
    if (term === null) return -1;
    const id = vocab.lookup(term);
    return id >= 0 ? id : -3 - i;
  });
  return buildPlan(state, words, collectPairs(chain, analysis.chainSurfaces, analysis.titleChainLength), opts, 0);
}

/** Plan for a post already in the index (used to score labelled pairs): its own count is discounted. */
export function planFromSlot(state: IndexState, slot: number, opts: EngineOptions): QueryPlan {
  const terms = state.forward.terms(slot);
  const tfs = state.forward.tfs(slot);
  const vocab = state.vocab;
  const words: WordInput[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = vocab.wordOf(terms[i]);
    words.push({ term, id: terms[i], title: tfs[i] >>> 8, body: tfs[i] & 255, surface: term });
  }
  const chain = state.forward.chain(slot);
  const titleEnd = chain.indexOf(FIELD) + 1;
  return buildPlan(state, words, collectPairs(chain, null, titleEnd), opts, 1);
}
