import { http } from './client.ts';
import type { Page, StatusRef } from './types.ts';

const seg = encodeURIComponent;

export type ChangelogType = 'new' | 'improved' | 'fixed';
export type ChangelogState = 'draft' | 'scheduled' | 'published';
export type LinkedPost = { id: string; title: string; board: { id: string; name: string; slug: string }; status: StatusRef; voteCount: number };
export type ChangelogEntry = {
  id: string;
  title: string;
  body: string;
  bodyHtml: string;
  type: ChangelogType;
  state: ChangelogState;
  scheduledFor: string | null;
  moveLinkedPostsToStatus: StatusRef | null;
  publishedAt: string | null;
  author: { name: string } | null;
  posts: LinkedPost[];
  url: string;
  createdAt: string;
  updatedAt: string;
  can: { edit: boolean; publish: boolean };
};
export type ChangelogInput = { title: string; body: string; type: ChangelogType; postIds: string[] };

export const listChangelog = (query: { state?: ChangelogState; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  http.get<Page<ChangelogEntry>>('/api/v1/changelog', query, signal);

export const getChangelogEntry = (id: string, signal?: AbortSignal) =>
  http.get<ChangelogEntry>(`/api/v1/changelog/${seg(id)}`, undefined, signal);

export const createChangelogEntry = (input: ChangelogInput) => http.post<ChangelogEntry>('/api/v1/changelog', input);

export const updateChangelogEntry = (id: string, patch: Partial<ChangelogInput>) =>
  http.patch<ChangelogEntry>(`/api/v1/changelog/${seg(id)}`, patch);

export const deleteChangelogEntry = (id: string) => http.delete(`/api/v1/changelog/${seg(id)}`);

export const publishChangelogEntry = (id: string, moveLinkedPostsToStatus?: string) =>
  http.post<ChangelogEntry>(`/api/v1/changelog/${seg(id)}/publish`, moveLinkedPostsToStatus ? { moveLinkedPostsToStatus } : {});

export const scheduleChangelogEntry = (id: string, at: string, moveLinkedPostsToStatus?: string) =>
  http.post<ChangelogEntry>(`/api/v1/changelog/${seg(id)}/schedule`, moveLinkedPostsToStatus ? { at, moveLinkedPostsToStatus } : { at });

export const unscheduleChangelogEntry = (id: string) => http.post<ChangelogEntry>(`/api/v1/changelog/${seg(id)}/unschedule`);

export const unpublishChangelogEntry = (id: string) => http.post<ChangelogEntry>(`/api/v1/changelog/${seg(id)}/unpublish`);

/** Renders markdown exactly as the published entry will (server-side, sanitized). */
export const previewChangelogBody = (body: string) => http.post<{ bodyHtml: string }>('/api/v1/changelog/preview', { body });
