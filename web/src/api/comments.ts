import { http } from './client.ts';
import type { Comment, CommentInput, ItemList } from './types.ts';

const seg = encodeURIComponent;

export const listComments = (postId: string, signal?: AbortSignal) =>
  http.get<ItemList<Comment>>(`/api/v1/posts/${seg(postId)}/comments`, undefined, signal);

export const createComment = (postId: string, input: CommentInput) =>
  http.post<Comment>(`/api/v1/posts/${seg(postId)}/comments`, input);

export const deleteComment = (id: string) => http.delete(`/api/v1/comments/${seg(id)}`);
