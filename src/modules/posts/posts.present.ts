import { markdownExcerpt, renderMarkdown } from '../../lib/markdown.ts';
import type { StatusKind } from '../../db/schema.ts';
import type { PostPermissions } from './posts.policy.ts';
import { EXCERPT_SOURCE_CHARS, type HistoryRow, type PostRow, type TagRef } from './posts.repo.ts';
import type { MergedPostRow, MergeLogRow } from './post-group.repo.ts';

export type StatusRefJson = { id: string; name: string; slug: string; kind: StatusKind; color: string };

export type PostSummaryJson = {
  id: string;
  boardId: string;
  board: { id: string; name: string; slug: string };
  title: string;
  excerpt: string;
  status: StatusRefJson;
  tags: TagRef[];
  author: { id: string; name: string } | null;
  voteCount: number;
  commentCount: number;
  hasVoted: boolean;
  source: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  demandScore?: number;
};

export type StatusChangeJson = {
  id: string;
  from: StatusRefJson | null;
  to: StatusRefJson;
  message: string | null;
  bodyHtml: string | null;
  actor: { name: string } | null;
  createdAt: string;
};

export type MergeLogEntryJson = {
  id: string;
  sourceId: string;
  sourceTitle: string;
  targetId: string;
  actor: { name: string } | null;
  createdAt: string;
  undoneAt: string | null;
};

export type MergedPostJson = { id: string; title: string; voteCount: number; commentCount: number; mergedAt: string | null };

export type PostJson = PostSummaryJson & {
  body: string;
  bodyHtml: string;
  history: StatusChangeJson[];
  can: PostPermissions;
  mergedInto: { id: string; title: string | null } | null;
  mergedPosts: MergedPostJson[];
  merges: MergeLogEntryJson[];
};

/** What list views get per post: the row plus the batched extras. */
export type PostListItem = { row: PostRow; tags: TagRef[]; hasVoted: boolean; demandScore?: number };
export type PostDetail = PostListItem & {
  history: HistoryRow[];
  can: PostPermissions;
  mergedInto: { id: string; title: string | null } | null;
  mergedPosts: MergedPostRow[];
  merges: MergeLogRow[];
};

// Rendering markdown for an excerpt costs ~60-90 µs, which dominates a 50-post list. Excerpts are a
// pure function of the body's head, so a bounded memo (insertion-ordered Map as an LRU) serves the
// hot lists from memory and can never go stale.
const EXCERPT_MEMO_SIZE = 5000;
const excerptMemo = new Map<string, string>();

export function excerptOf(bodyHead: string): string {
  const hit = excerptMemo.get(bodyHead);
  if (hit !== undefined) {
    excerptMemo.delete(bodyHead);
    excerptMemo.set(bodyHead, hit);
    return hit;
  }
  const excerpt = markdownExcerpt(bodyHead);
  excerptMemo.set(bodyHead, excerpt);
  if (excerptMemo.size > EXCERPT_MEMO_SIZE) excerptMemo.delete(excerptMemo.keys().next().value as string);
  return excerpt;
}

// A person who never gave a name is shown without revealing their email address.
const UNNAMED = 'Anonymous';

function presentAuthor(row: PostRow): PostSummaryJson['author'] {
  if (row.author_person_id) return { id: row.author_person_id, name: row.person_name || UNNAMED };
  if (row.author_member_id) return { id: row.author_member_id, name: row.member_name ?? 'Team' };
  return null;
}

export function presentPostSummary({ row, tags, hasVoted, demandScore }: PostListItem): PostSummaryJson {
  return {
    id: row.id,
    boardId: row.board_id,
    board: { id: row.board_id, name: row.board_name, slug: row.board_slug },
    title: row.title,
    excerpt: excerptOf(row.body.slice(0, EXCERPT_SOURCE_CHARS)),
    status: { id: row.status_id, name: row.status_name, slug: row.status_slug, kind: row.status_kind, color: row.status_color },
    tags,
    author: presentAuthor(row),
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    hasVoted,
    source: row.source,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    ...(demandScore !== undefined ? { demandScore } : {}),
  };
}

function presentStatusChange(h: HistoryRow): StatusChangeJson {
  return {
    id: h.id,
    from: h.from_id && h.from_name && h.from_slug && h.from_kind && h.from_color
      ? { id: h.from_id, name: h.from_name, slug: h.from_slug, kind: h.from_kind, color: h.from_color }
      : null,
    to: { id: h.to_id, name: h.to_name, slug: h.to_slug, kind: h.to_kind, color: h.to_color },
    message: h.message,
    bodyHtml: h.message ? renderMarkdown(h.message) : null,
    actor: h.actor_name ? { name: h.actor_name } : null,
    createdAt: h.created_at.toISOString(),
  };
}

export function presentPost(detail: PostDetail): PostJson {
  return {
    ...presentPostSummary(detail),
    body: detail.row.body,
    bodyHtml: renderMarkdown(detail.row.body),
    history: detail.history.map(presentStatusChange),
    can: detail.can,
    mergedInto: detail.mergedInto,
    mergedPosts: detail.mergedPosts.map((p) => ({
      id: p.id, title: p.title, voteCount: p.vote_count, commentCount: p.comment_count, mergedAt: p.merged_at?.toISOString() ?? null,
    })),
    merges: detail.merges.map((m) => ({
      id: m.id,
      sourceId: m.source_post_id,
      sourceTitle: m.source_title,
      targetId: m.target_post_id,
      actor: m.actor_name ? { name: m.actor_name } : null,
      createdAt: m.created_at.toISOString(),
      undoneAt: m.undone_at?.toISOString() ?? null,
    })),
  };
}
