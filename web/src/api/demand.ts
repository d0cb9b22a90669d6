import { http } from './client.ts';
import type { DemandSettings, DemandWeights, ItemList, Page, PostActivity, PostDemand, TopDemandItem } from './types.ts';

const seg = encodeURIComponent;

export const getPostDemand = (postId: string, signal?: AbortSignal) =>
  http.get<PostDemand>(`/api/v1/posts/${seg(postId)}/demand`, undefined, signal);

export const getPostActivity = (postId: string, signal?: AbortSignal) =>
  http.get<PostActivity>(`/api/v1/posts/${seg(postId)}/activity`, undefined, signal);

export const listTopDemand = (query: { segment?: string; boardId?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  http.get<Page<TopDemandItem>>('/api/v1/demand/top', query, signal);

export const listDemandSegments = (signal?: AbortSignal) =>
  http.get<ItemList<{ segment: string; companies: number }>>('/api/v1/demand/segments', undefined, signal);

export const getDemandWeights = (signal?: AbortSignal) => http.get<DemandSettings>('/api/v1/workspace/demand-weights', undefined, signal);

export const updateDemandWeights = (input: { weights: DemandWeights; revenueUnit?: number }) =>
  http.put<DemandSettings>('/api/v1/workspace/demand-weights', input);

export const resetDemandWeights = () => http.delete<DemandSettings>('/api/v1/workspace/demand-weights');
