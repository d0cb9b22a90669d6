// The demand score, in one place (docs/adr/0005-demand-score.md, README "Demand score"):
//   score = Σ contribution_i,  contribution_i = weight_i × normalized_i,  normalized_i = log2(1 + value_i / unit_i)
// Log scaling keeps one huge number (a $500k customer, a viral post) from drowning the others and makes
// each component read the same way: +1 normalized point per doubling. Every figure is rounded to 4
// decimals BEFORE it is summed, so the contributions an admin sees add up exactly to the score shown.

export const DEMAND_COMPONENT_KEYS = ['uniqueVoters', 'uniqueCompanies', 'monthlyRevenue', 'importanceWeightedVotes', 'momentum'] as const;
export type DemandComponentKey = (typeof DEMAND_COMPONENT_KEYS)[number];
export type DemandComponents = Record<DemandComponentKey, number>;
export type DemandWeights = Record<DemandComponentKey, number>;

/** What a workspace can tune: one weight per component and the revenue that counts as "one unit". */
export type DemandSettings = { weights: DemandWeights; revenueUnit: number };

/** A vote's weight by its importance, indexed 0 Low, 1 Normal (the default), 2 Important, 3 Critical. */
export const IMPORTANCE_WEIGHTS: readonly number[] = [0.5, 1, 2, 3];

/** Momentum: each voter of the last MOMENTUM_WINDOW_DAYS counts 0.5^(age in days / half-life). */
export const MOMENTUM_HALF_LIFE_DAYS = 7;
export const MOMENTUM_WINDOW_DAYS = 30;

/** A vote's weight for an importance as stored (clamped to 0–3, as the aggregate query does). */
export function importanceWeight(importance: number): number {
  return IMPORTANCE_WEIGHTS[Math.min(Math.max(Math.trunc(importance), 0), 3)]!;
}

/**
 * What a momentum figure computed at `from` is worth at `to`: every voter in it has aged by the same
 * time, so the sum halves every half-life. (Voters leaving the 30-day window meanwhile are only dropped
 * by a full computation: the hourly decay.) Never above 1, so a `to` before `from` changes nothing.
 */
export function momentumAgeFactor(from: Date, to: Date): number {
  const days = Math.max(0, to.getTime() - from.getTime()) / 86_400_000;
  return Math.pow(0.5, days / MOMENTUM_HALF_LIFE_DAYS);
}

/** The daily-votes sparkline covers the same window as momentum. */
export const SPARKLINE_DAYS = 30;

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;
export const REVENUE_UNIT_MIN = 1;
export const REVENUE_UNIT_MAX = 10_000_000;

// Sustained, broad demand first; momentum at half weight so a burst of votes lifts a post without
// outranking ideas that many customers have asked for over months.
export const DEFAULT_DEMAND_SETTINGS: DemandSettings = Object.freeze({
  weights: Object.freeze({ uniqueVoters: 1, uniqueCompanies: 1, monthlyRevenue: 1, importanceWeightedVotes: 1, momentum: 0.5 }),
  revenueUnit: 1000,
}) as DemandSettings;

export const DEMAND_COMPONENT_LABELS: Record<DemandComponentKey, string> = {
  uniqueVoters: 'Unique voters',
  uniqueCompanies: 'Unique companies',
  monthlyRevenue: 'Monthly revenue',
  importanceWeightedVotes: 'Importance-weighted votes',
  momentum: 'Momentum',
};

/** Voters are grouped by their company's segment; these two name the voters outside any segment. */
export const NO_COMPANY_SEGMENT = 'No company';
export const NO_SEGMENT = 'No segment';

export type DemandContribution = {
  key: DemandComponentKey;
  label: string;
  value: number;
  normalized: number;
  weight: number;
  contribution: number;
};

export type DemandScore = { score: number; contributions: DemandContribution[] };

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function unitOf(key: DemandComponentKey, settings: DemandSettings): number {
  return key === 'monthlyRevenue' ? settings.revenueUnit : 1;
}

/** The components of a post from its segments' parts (a company has exactly one segment, so sums are exact). */
export function sumComponents(parts: ReadonlyArray<{ voters: number; companies: number; monthlyRevenue: number; weightedVotes: number; momentum: number }>): DemandComponents {
  return {
    uniqueVoters: parts.reduce((n, s) => n + s.voters, 0),
    uniqueCompanies: parts.reduce((n, s) => n + s.companies, 0),
    monthlyRevenue: Math.round(parts.reduce((n, s) => n + s.monthlyRevenue, 0) * 100) / 100,
    importanceWeightedVotes: parts.reduce((n, s) => n + s.weightedVotes, 0),
    momentum: parts.reduce((n, s) => n + s.momentum, 0),
  };
}

/** The score and its explanation: one contribution per component, in a fixed order, summing to the score. */
export function scoreDemand(components: DemandComponents, settings: DemandSettings): DemandScore {
  const contributions = DEMAND_COMPONENT_KEYS.map((key): DemandContribution => {
    const value = Math.max(0, components[key]);
    const normalized = round4(Math.log2(1 + value / unitOf(key, settings)));
    const weight = settings.weights[key];
    return { key, label: DEMAND_COMPONENT_LABELS[key], value: round4(value), normalized, weight, contribution: round4(weight * normalized) };
  });
  return { score: round4(contributions.reduce((sum, c) => sum + c.contribution, 0)), contributions };
}

/**
 * Settings as stored in workspaces.demand_weights (null → defaults). Stored JSON is read defensively:
 * a missing or out-of-range value falls back to its default rather than breaking every score.
 */
export function parseDemandSettings(stored: unknown): DemandSettings {
  const defaults = DEFAULT_DEMAND_SETTINGS;
  const weights = { ...defaults.weights };
  if (!stored || typeof stored !== 'object') return { weights, revenueUnit: defaults.revenueUnit };
  const raw = stored as { weights?: Record<string, unknown>; revenueUnit?: unknown };
  for (const key of DEMAND_COMPONENT_KEYS) {
    const w = raw.weights?.[key];
    if (typeof w === 'number' && Number.isFinite(w) && w >= WEIGHT_MIN && w <= WEIGHT_MAX) weights[key] = w;
  }
  const unit = raw.revenueUnit;
  const revenueUnit = typeof unit === 'number' && Number.isFinite(unit) && unit >= REVENUE_UNIT_MIN && unit <= REVENUE_UNIT_MAX ? unit : defaults.revenueUnit;
  return { weights, revenueUnit };
}

export function isDefaultDemandSettings(settings: DemandSettings): boolean {
  const d = DEFAULT_DEMAND_SETTINGS;
  return settings.revenueUnit === d.revenueUnit && DEMAND_COMPONENT_KEYS.every((k) => settings.weights[k] === d.weights[k]);
}
