import type { Static } from 'typebox';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { EntryRow, LinkedPostRow } from './changelog.repo.ts';
import type { ChangelogEntrySchema, LinkedPostSchema } from './changelog.schemas.ts';

export type ChangelogEntryJson = Static<typeof ChangelogEntrySchema>;
export type LinkedPostJson = Static<typeof LinkedPostSchema>;
export type EntryPermissions = ChangelogEntryJson['can'];

/** What every view of an entry gets: the row, its visible linked posts, its public address and the actor's permissions. */
export type EntryDetail = { row: EntryRow; posts: LinkedPostRow[]; url: string; can: EntryPermissions };

/** The public address of an entry, used in the feed, emails and webhooks. */
export function entryUrl(publicUrl: string, entryId: string): string {
  return `${publicUrl}/changelog/${entryId}`;
}

function presentLinkedPost(p: LinkedPostRow): LinkedPostJson {
  return {
    id: p.id,
    title: p.title,
    board: { id: p.board_id, name: p.board_name, slug: p.board_slug },
    status: { id: p.status_id, name: p.status_name, slug: p.status_slug, kind: p.status_kind, color: p.status_color },
    voteCount: p.vote_count,
  };
}

export function presentEntry({ row, posts, url, can }: EntryDetail): ChangelogEntryJson {
  const moveStatus = row.publish_status_id && row.move_status_name && row.move_status_slug && row.move_status_kind && row.move_status_color
    ? { id: row.publish_status_id, name: row.move_status_name, slug: row.move_status_slug, kind: row.move_status_kind, color: row.move_status_color }
    : null;
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    type: row.type,
    state: row.state,
    scheduledFor: row.state === 'scheduled' ? (row.scheduled_for?.toISOString() ?? null) : null,
    moveLinkedPostsToStatus: row.state === 'scheduled' ? moveStatus : null,
    publishedAt: row.state === 'published' ? (row.published_at?.toISOString() ?? null) : null,
    author: row.author_name ? { name: row.author_name } : null,
    posts: posts.map(presentLinkedPost),
    url,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can,
  };
}
