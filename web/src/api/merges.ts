import { http } from './client.ts';
import type { Post } from './types.ts';

const seg = encodeURIComponent;

// Merging a duplicate answers with the target (it now carries the combined votes); unmerging with the post itself.
export const mergePost = (id: string, into: string) => http.post<Post>(`/api/v1/posts/${seg(id)}/merge`, { into });

export const unmergePost = (id: string) => http.post<Post>(`/api/v1/posts/${seg(id)}/unmerge`);
