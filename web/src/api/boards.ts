import { http } from './client.ts';
import type { Board, BoardInput, ItemList } from './types.ts';

const seg = encodeURIComponent;

export const listBoards = (signal?: AbortSignal) => http.get<ItemList<Board>>('/api/v1/boards', undefined, signal);

export const getBoard = (idOrSlug: string, signal?: AbortSignal) =>
  http.get<Board>(`/api/v1/boards/${seg(idOrSlug)}`, undefined, signal);

export const createBoard = (input: BoardInput) => http.post<Board>('/api/v1/boards', input);

export const updateBoard = (id: string, patch: Partial<BoardInput>) => http.patch<Board>(`/api/v1/boards/${seg(id)}`, patch);

export const deleteBoard = (id: string) => http.delete(`/api/v1/boards/${seg(id)}`);
