import { http } from './client.ts';
import type { ApiKey, ApiKeyScope, CreatedApiKey, ItemList, MemberInput, MemberRole, TeamMember } from './types.ts';

const seg = encodeURIComponent;

export const listMembers = (signal?: AbortSignal) => http.get<ItemList<TeamMember>>('/api/v1/members', undefined, signal);
export const createMember = (input: MemberInput) => http.post<TeamMember>('/api/v1/members', input);
export const updateMember = (id: string, patch: { role?: MemberRole; name?: string }) =>
  http.patch<TeamMember>(`/api/v1/members/${seg(id)}`, patch);
export const deleteMember = (id: string) => http.delete(`/api/v1/members/${seg(id)}`);

export const listApiKeys = (signal?: AbortSignal) => http.get<ItemList<ApiKey>>('/api/v1/api-keys', undefined, signal);
export const createApiKey = (input: { name: string; scope: ApiKeyScope }) =>
  http.post<CreatedApiKey>('/api/v1/api-keys', input);
export const revokeApiKey = (id: string) => http.delete(`/api/v1/api-keys/${seg(id)}`);
