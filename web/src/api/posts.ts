import { http } from './client.ts';
import type { Page, Post, PostInput, PostPatch, PostQuery, PostSummary } from './types.ts';

const seg = encodeURIComponent;

export const listPosts = (query: PostQuery, signal?: AbortSignal) =>
  http.get<Page<PostSummary>>('/api/v1/posts', query, signal);

export const getPost = (id: string, signal?: AbortSignal) => http.get<Post>(`/api/v1/posts/${seg(id)}`, undefined, signal);

export const createPost = (input: PostInput) => http.post<Post>('/api/v1/posts', input);

export const updatePost = (id: string, patch: PostPatch) => http.patch<Post>(`/api/v1/posts/${seg(id)}`, patch);

export const deletePost = (id: string) => http.delete(`/api/v1/posts/${seg(id)}`);

export const restorePost = (id: string) => http.post<Post>(`/api/v1/posts/${seg(id)}/restore`);
