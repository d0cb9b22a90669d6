// Public surface of the duplicate-detection engine (issue 3 §1): a pure, in-memory library.
export { createIndex, type SimilarIndex } from './similar-index.ts';
export { IdTable } from './id-table.ts';
export { calibrate, type CalibrationSettings, type LabelledPair } from './calibrate.ts';
export type { Features } from './rank.ts';
export { tokenizeText, type Token } from './tokenize.ts';
export { stemWord } from './porter2.ts';
export {
  DEFAULT_OPTIONS, FEATURE_NAMES, resolveOptions,
  type Doc, type EngineOptions, type FeatureName, type FeatureWeights, type SearchHit, type SearchQuery,
} from './types.ts';
