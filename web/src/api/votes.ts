import { http } from './client.ts';
import type { CustomerRef, Importance, Page, Vote, VoteResult } from './types.ts';

const seg = encodeURIComponent;

export const addVote = (postId: string, input: { voter?: CustomerRef; importance?: Importance } = {}) =>
  http.post<VoteResult>(`/api/v1/posts/${seg(postId)}/votes`, input);

// Without an email the signed-in end user removes their own vote; members pass the customer's email.
export const removeVote = (postId: string, email?: string) =>
  http.delete<VoteResult>(`/api/v1/posts/${seg(postId)}/votes`, { email });

export const listVotes = (postId: string, cursor?: string | null, signal?: AbortSignal) =>
  http.get<Page<Vote>>(`/api/v1/posts/${seg(postId)}/votes`, { cursor }, signal);
