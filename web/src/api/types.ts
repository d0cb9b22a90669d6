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
};
export type Post = PostSummary & {
  body: string;
  bodyHtml: string;
  history: StatusChange[];
  can: PostPermissions;
};
export type PostQuery = {
  boardId?: string;
  sort?: PostSort;
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
