import { http } from './client.ts';
import type { ItemList, Status, StatusInput, Tag, TagInput } from './types.ts';

const seg = encodeURIComponent;

export const listTags = (signal?: AbortSignal) => http.get<ItemList<Tag>>('/api/v1/tags', undefined, signal);
export const createTag = (input: TagInput) => http.post<Tag>('/api/v1/tags', input);
export const updateTag = (id: string, patch: Partial<TagInput>) => http.patch<Tag>(`/api/v1/tags/${seg(id)}`, patch);
export const deleteTag = (id: string) => http.delete(`/api/v1/tags/${seg(id)}`);

export const listStatuses = (signal?: AbortSignal) => http.get<ItemList<Status>>('/api/v1/statuses', undefined, signal);
export const createStatus = (input: StatusInput) => http.post<Status>('/api/v1/statuses', input);
export const updateStatus = (id: string, patch: Partial<StatusInput>) =>
  http.patch<Status>(`/api/v1/statuses/${seg(id)}`, patch);
export const deleteStatus = (id: string) => http.delete(`/api/v1/statuses/${seg(id)}`);
