// Shapes of the HTTP API v1 (docs: /work/briefs/api.md, served as /api/openapi.json).

export type Page<T> = { items: T[]; nextCursor: string | null };
export type ItemList<T> = { items: T[] };

export type Workspace = { id: string; name: string; slug: string; allowAnonymous: boolean };
export type MemberRole = 'owner' | 'admin' | 'member';
export type SessionMember = { id: string; email: string; name: string; role: MemberRole };
// People who never gave a name have none; show their email instead.
export type SessionPerson = { id: string; email: string; name: string | null };

export type Me = {
  workspace: Workspace;
  member: SessionMember | null;
  person: SessionPerson | null;
  csrfToken: string;
  needsSetup: boolean;
};

export type Visibility = 'public' | 'private';
export type Board = {
  id: string;
  name: string;
  slug: string;
  description: string;
  visibility: Visibility;
  postCount: number;
  createdAt: string;
};
export type BoardInput = { name: string; slug?: string; description?: string; visibility: Visibility };

export type Tag = { id: string; name: string; color: string };
export type TagInput = { name: string; color?: string };

export const statusKinds = [
  'open',
  'under_review',
  'planned',
  'in_progress',
  'shipped',
  'declined',
  'duplicate',
] as const;
export type StatusKind = (typeof statusKinds)[number];
export type Status = {
  id: string;
  name: string;
  slug: string;
  kind: StatusKind;
  color: string;
  position: number;
  isDefault: boolean;
};
export type StatusRef = Pick<Status, 'id' | 'name' | 'slug' | 'kind' | 'color'>;
export type StatusInput = { name: string; kind: StatusKind; color?: string; isDefault?: boolean };

export type PostSort = 'top' | 'new' | 'trending';
// sort=demand is for the team only (the order reflects customers' revenue)
export type TeamPostSort = PostSort | 'demand';
export type PostSummary = {
  id: string;
  boardId: string;
  board: { id: string; name: string; slug: string };
  title: string;
  excerpt: string;
  status: StatusRef;
  tags: Tag[];
  author: { id: string; name: string } | null;
  voteCount: number;
  commentCount: number;
  hasVoted: boolean;
  source: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** In lists, for the team only. */
  demandScore?: number;
};
export type StatusChange = {
  id: string;
  from: StatusRef | null;
  to: StatusRef;
  message: string | null;
  bodyHtml?: string | null;
  actor: { name: string } | null;
  createdAt: string;
};
export type PostPermissions = {
  edit: boolean;
  delete: boolean;
  changeStatus: boolean;
  vote: boolean;
  comment: boolean;
  comment_internal: boolean;
  merge: boolean;
  unmerge: boolean;
};
// Merging duplicates (README "Merging duplicates").
export type MergedPost = { id: string; title: string; voteCount: number; commentCount: number; mergedAt: string | null };
export type MergeLogEntry = {
  id: string;
  sourceId: string;
  sourceTitle: string;
  targetId: string;
  actor: { name: string } | null;
  createdAt: string;
  undoneAt: string | null;
};
export type Post = PostSummary & {
  body: string;
  bodyHtml: string;
  history: StatusChange[];
  can: PostPermissions;
  /** Set on a merged post (a read-only stub); title is null when you cannot see the target. */
  mergedInto: { id: string; title: string | null } | null;
  mergedPosts: MergedPost[];
  merges: MergeLogEntry[];
};
export type PostQuery = {
  boardId?: string;
  sort?: TeamPostSort;
  status?: string;
  tag?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
  includeDeleted?: boolean;
};
export type CustomerRef = { email: string; name?: string };
export type PostInput = { boardId: string; title: string; body?: string; author?: CustomerRef; tags?: string[] };
export type PostPatch = {
  title?: string;
  body?: string;
  status?: string;
  statusMessage?: string;
  tags?: string[];
  boardId?: string;
};

export type Importance = 0 | 1 | 2 | 3;
export type VoteResult = { voteCount: number; hasVoted: boolean };
export type Vote = {
  id: string;
  person: { id: string; name: string; email: string; company: { id: string; name: string } | null };
  importance: Importance;
  votedBy: { id: string; name: string } | null;
  createdAt: string;
  /** The merged post this person voted on, when they did not vote on this post itself. */
  viaPostId: string | null;
};

export type Comment = {
  id: string;
  parentId: string | null;
  bodyHtml: string;
  body: string;
  internal: boolean;
  author: { name: string; isTeam: boolean };
  createdAt: string;
  deletedAt: string | null;
  /** Set when the comment was made on a post merged into the one shown. */
  origin: { postId: string; title: string } | null;
};
export type CommentInput = { body: string; parentId?: string; author?: CustomerRef; internal?: boolean };

export type TeamMember = { id: string; email: string; name: string; role: MemberRole; createdAt: string };
export type MemberInput = { email: string; name: string; role: MemberRole; password: string };

export type Company = {
  id: string;
  name: string;
  domain: string | null;
  monthlyRevenue: number;
  segment: string | null;
  peopleCount: number;
};
export type CompanyInput = {
  name: string;
  domain?: string | null;
  monthlyRevenue?: number;
  segment?: string | null;
};
export type PersonRecord = {
  id: string;
  email: string;
  name: string | null;
  externalId: string | null;
  company: { id: string; name: string } | null;
  createdAt: string;
};

export type ApiKeyScope = 'read' | 'write' | 'admin';
export type ApiKey = {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};
export type CreatedApiKey = ApiKey & { key: string };

// Demand score (README "Demand score"): team-only except the activity sparkline.
export type DemandComponentKey = 'uniqueVoters' | 'uniqueCompanies' | 'monthlyRevenue' | 'importanceWeightedVotes' | 'momentum';
export type DemandComponents = Record<DemandComponentKey, number>;
export type DemandWeights = Record<DemandComponentKey, number>;
export type DemandContribution = {
  key: DemandComponentKey;
  label: string;
  value: number;
  normalized: number;
  weight: number;
  contribution: number;
};
export type DemandSegment = {
  segment: string;
  voters: number;
  companies: number;
  monthlyRevenue: number;
  importanceWeightedVotes: number;
  momentum: number;
  score: number;
};
export type SparklinePoint = { date: string; votes: number };
export type PostDemand = {
  postId: string;
  boardId: string;
  mergedIntoId: string | null;
  mergedPostIds: string[];
  score: number;
  rank: number | null;
  rankedPosts: number;
  components: DemandComponents;
  contributions: DemandContribution[];
  segments: DemandSegment[];
  weights: DemandWeights;
  revenueUnit: number;
  sparkline: SparklinePoint[];
  computedAt: string;
};
export type PostActivity = { postId: string; mergedIntoId: string | null; days: number; sparkline: SparklinePoint[] };
export type TopDemandItem = {
  rank: number;
  post: { id: string; title: string; board: { id: string; name: string; slug: string }; status: StatusRef; voteCount: number };
  score: number;
  totalScore: number;
  segment: string | null;
  components: DemandComponents;
};
export type DemandSettings = {
  weights: DemandWeights;
  revenueUnit: number;
  isDefault: boolean;
  defaults: { weights: DemandWeights; revenueUnit: number };
  formula: {
    score: string;
    normalized: string;
    importanceWeights: { low: number; normal: number; important: number; critical: number };
    momentumHalfLifeDays: number;
    momentumWindowDays: number;
  };
};
