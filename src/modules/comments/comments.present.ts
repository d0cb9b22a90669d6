import { renderMarkdown } from '../../lib/markdown.ts';
import type { CommentRow } from './comments.repo.ts';

export type CommentJson = {
  id: string;
  parentId: string | null;
  bodyHtml: string;
  body: string;
  internal: boolean;
  author: { name: string; isTeam: boolean };
  createdAt: string;
  deletedAt: string | null;
  /** Set when the comment was made on a post merged into the one whose thread is shown. */
  origin: { postId: string; title: string } | null;
};

function presentAuthor(row: CommentRow): CommentJson['author'] {
  if (row.author_person_id) return { name: row.person_name || 'Anonymous', isTeam: false };
  if (row.author_member_id) return { name: row.member_name ?? 'Team', isTeam: true };
  // written with an API key (or by a member since removed): the team speaking
  return { name: 'Team', isTeam: true };
}

/** A deleted comment kept as a thread anchor shows no text. */
export function presentComment(row: CommentRow & { origin?: CommentJson['origin'] }): CommentJson {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    parentId: row.parent_id,
    bodyHtml: deleted ? '' : renderMarkdown(row.body),
    body: deleted ? '' : row.body,
    internal: row.internal,
    author: presentAuthor(row),
    createdAt: row.created_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    origin: row.origin ?? null,
  };
}
