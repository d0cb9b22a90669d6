export type Doc = { id: string; title: string; body: string; createdAt?: number /* ms since epoch */ };

export type SearchQuery = {
  title: string;
  body?: string;
  limit?: number;
  /** only documents created strictly before this time (ms) are eligible; undated ones stay eligible */
  before?: number;
  /** reference time for the recency prior (ms); defaults to `before`, then to now */
  now?: number;
  exclude?: ReadonlySet<string>;
  filter?: (id: string) => boolean;
};

export type SearchHit = { id: string; score: number; matched: string[] };

/** How much each kind of evidence counts in the final score (all ≥ 0). */
export type FeatureWeights = {
  /** BM25F over title and body, all query words */
  text: number;
  /** query title words found in the candidate's title */
  titleMatch: number;
  /** adjacent word pairs (bigrams) shared with the query */
  phrase: number;
  /** typo-corrected and synonym terms */
  expansion: number;
  /** pseudo-relevance feedback terms from the best first-pass matches */
  feedback: number;
  /** closeness in time: 1 for a post created just now, 0.5 after `recencyDays` */
  recency: number;
};

export type EngineOptions = {
  /** BM25 term-frequency saturation */
  k1: number;
  /** BM25F field weights and length normalisation */
  titleWeight: number;
  bodyWeight: number;
  titleB: number;
  bodyB: number;
  /** weight of a query word by where it occurs in the query */
  queryTitleWeight: number;
  queryBodyWeight: number;
  /** the highest-value query terms kept (bounds latency on long bodies) */
  maxQueryTerms: number;
  /** query terms with at most this many documents get typo candidates */
  fuzzyMaxDf: number;
  synonyms: boolean;
  /** first-stage candidates re-ranked with phrase and feedback evidence */
  rerankDepth: number;
  feedbackDocs: number;
  feedbackTerms: number;
  recencyDays: number;
  weights: FeatureWeights;
  /** score at or above which a pair is proposed as a likely duplicate */
  threshold: number;
};

export const FEATURE_NAMES = ['text', 'titleMatch', 'phrase', 'expansion', 'feedback', 'recency'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export const DEFAULT_OPTIONS: EngineOptions = {
  k1: 1.2,
  titleWeight: 3,
  bodyWeight: 1,
  titleB: 0.5,
  bodyB: 0.75,
  queryTitleWeight: 2,
  queryBodyWeight: 1,
  maxQueryTerms: 32,
  fuzzyMaxDf: 2,
  synonyms: true,
  rerankDepth: 20,
  feedbackDocs: 5,
  feedbackTerms: 10,
  recencyDays: 30,
  weights: { text: 1, titleMatch: 0.25, phrase: 0.3, expansion: 0.5, feedback: 0, recency: 0.2 },
  threshold: 0.5,
};

export function resolveOptions(opts?: Partial<EngineOptions>): EngineOptions {
  return { ...DEFAULT_OPTIONS, ...opts, weights: { ...DEFAULT_OPTIONS.weights, ...opts?.weights } };
}
