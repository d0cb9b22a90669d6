import { DEFAULT_OPTIONS, FEATURE_NAMES, resolveOptions, type EngineOptions } from './engine/index.ts';

// Calibrated engine options are stored per workspace as JSON (similar_settings.options). Reading
// them back keeps only known keys of the right type, so a stored value from an older engine
// version can never break ranking: anything unknown falls back to the default.

const NUMBER_KEYS = Object.entries(DEFAULT_OPTIONS).filter(([, v]) => typeof v === 'number').map(([k]) => k) as Array<keyof EngineOptions>;
const BOOLEAN_KEYS = Object.entries(DEFAULT_OPTIONS).filter(([, v]) => typeof v === 'boolean').map(([k]) => k) as Array<keyof EngineOptions>;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The options to configure an index with, or null when nothing usable is stored. */
export function parseStoredOptions(json: Record<string, unknown> | null): EngineOptions | null {
  if (json === null || typeof json !== 'object') return null;
  const picked: Record<string, unknown> = {};
  for (const key of NUMBER_KEYS) if (isNumber(json[key]) && (json[key] as number) >= 0) picked[key] = json[key];
  for (const key of BOOLEAN_KEYS) if (typeof json[key] === 'boolean') picked[key] = json[key];
  const weights: Record<string, number> = {};
  const stored = json.weights as Record<string, unknown> | undefined;
  if (stored && typeof stored === 'object') {
    for (const name of FEATURE_NAMES) if (isNumber(stored[name]) && (stored[name] as number) >= 0) weights[name] = stored[name] as number;
  }
  return resolveOptions({ ...(picked as Partial<EngineOptions>), weights: { ...DEFAULT_OPTIONS.weights, ...weights } });
}

/** A plain JSON copy of every option: stored in full, so a later change of defaults does not alter a calibrated workspace. */
export function storableOptions(options: EngineOptions): Record<string, unknown> {
  return { ...options, weights: { ...options.weights } };
}
