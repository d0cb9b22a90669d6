import { Type, type Static, type TSchema } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';
import { REVENUE_UNIT_MAX, REVENUE_UNIT_MIN, WEIGHT_MAX, WEIGHT_MIN } from './demand-formula.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Weight = Type.Number({ minimum: WEIGHT_MIN, maximum: WEIGHT_MAX });

export const DemandWeightsSchema = Type.Object({
  uniqueVoters: Weight,
  uniqueCompanies: Weight,
  monthlyRevenue: Weight,
  importanceWeightedVotes: Weight,
  momentum: Weight,
});

const RevenueUnit = Type.Number({ minimum: REVENUE_UNIT_MIN, maximum: REVENUE_UNIT_MAX });

export const DemandSettingsSchema = Type.Object({
  weights: DemandWeightsSchema,
  /** The monthly revenue that counts as one unit before log scaling (in your billing currency). */
  revenueUnit: Type.Number(),
  isDefault: Type.Boolean(),
  defaults: Type.Object({ weights: DemandWeightsSchema, revenueUnit: Type.Number() }),
  /** The fixed parts of the formula, so clients can explain a score without hard-coding them. */
  formula: Type.Object({
    score: Type.String(),
    normalized: Type.String(),
    importanceWeights: Type.Object({ low: Type.Number(), normal: Type.Number(), important: Type.Number(), critical: Type.Number() }),
    momentumHalfLifeDays: Type.Number(),
    momentumWindowDays: Type.Number(),
  }),
});

export const PutDemandWeightsBody = Type.Object({
  weights: DemandWeightsSchema,
  revenueUnit: Type.Optional(RevenueUnit),
});
export type PutDemandWeightsInput = Static<typeof PutDemandWeightsBody>;

export const DemandComponentsSchema = Type.Object({
  uniqueVoters: Type.Integer(),
  uniqueCompanies: Type.Integer(),
  monthlyRevenue: Type.Number(),
  importanceWeightedVotes: Type.Number(),
  momentum: Type.Number(),
});

const ContributionSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Type.Number(),
  normalized: Type.Number(),
  weight: Type.Number(),
  contribution: Type.Number(),
});

const SegmentSchema = Type.Object({
  segment: Type.String(),
  voters: Type.Integer(),
  companies: Type.Integer(),
  monthlyRevenue: Type.Number(),
  importanceWeightedVotes: Type.Number(),
  momentum: Type.Number(),
  score: Type.Number(),
});

export const SparklineSchema = Type.Array(Type.Object({ date: Type.String({ format: 'date' }), votes: Type.Integer() }));

export const PostDemandSchema = Type.Object({
  postId: Uuid,
  boardId: Uuid,
  /** Set when this post was merged: it is a stub and its votes count on that post. */
  mergedIntoId: Nullable(Uuid),
  /** The posts merged into this one, whose voters count here (each person once). */
  mergedPostIds: Type.Array(Uuid),
  score: Type.Number(),
  /** Position in its board by demand (1 = highest); null for deleted posts and merge stubs. */
  rank: Nullable(Type.Integer()),
  /** How many posts the rank is out of (live, unmerged posts of the board). */
  rankedPosts: Type.Integer(),
  components: DemandComponentsSchema,
  contributions: Type.Array(ContributionSchema),
  segments: Type.Array(SegmentSchema),
  weights: DemandWeightsSchema,
  revenueUnit: Type.Number(),
  sparkline: SparklineSchema,
  computedAt: Timestamp,
});

export const PostActivitySchema = Type.Object({
  postId: Uuid,
  mergedIntoId: Nullable(Uuid),
  days: Type.Integer(),
  sparkline: SparklineSchema,
});

export const TopDemandQuery = Type.Object({
  /** Rank by the score of this segment's voters only (a company segment, "No segment" or "No company"). */
  segment: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  boardId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type TopDemandInput = Static<typeof TopDemandQuery>;

export const TopDemandItemSchema = Type.Object({
  rank: Type.Integer(),
  post: Type.Object({
    id: Uuid,
    title: Type.String(),
    board: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
    status: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), kind: Type.String(), color: Type.String() }),
    voteCount: Type.Integer(),
  }),
  /** The score that ranks the list: the segment's when filtered, else the post's. */
  score: Type.Number(),
  /** The post's demand score over all its voters. */
  totalScore: Type.Number(),
  segment: Nullable(Type.String()),
  components: DemandComponentsSchema,
});

export const DemandSegmentsSchema = Type.Object({
  items: Type.Array(Type.Object({ segment: Type.String(), companies: Type.Integer() })),
});
