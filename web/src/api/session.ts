import { http } from './client.ts';
import type { Me, SessionMember, SessionPerson, Workspace } from './types.ts';

const seg = encodeURIComponent;

export const getMe = (signal?: AbortSignal) => http.get<Me>('/api/v1/me', undefined, signal);

export const checkSetupToken = (token: string, signal?: AbortSignal) =>
  http.get<{ valid: boolean }>(`/api/v1/auth/setup/${seg(token)}`, undefined, signal);

export const setupOwner = (input: { token: string; name: string; email: string; password: string }) =>
  http.post<{ member: SessionMember }>('/api/v1/auth/setup', input);

export const logIn = (input: { email: string; password: string }) =>
  http.post<{ member: SessionMember }>('/api/v1/auth/login', input);

export const logOut = () => http.post<void>('/api/v1/auth/logout');

export const requestMagicLink = (input: { email: string; name?: string; returnTo?: string }) =>
  http.post<{ sent: boolean }>('/api/v1/auth/magic-link', input);

export const verifyMagicLink = (token: string) =>
  http.post<{ person: SessionPerson; returnTo: string }>('/api/v1/auth/magic-link/verify', { token });

export const identify = (input: { email: string; name: string }) =>
  http.post<{ person: SessionPerson }>('/api/v1/auth/identify', input);

export const getWorkspace = (signal?: AbortSignal) => http.get<Workspace>('/api/v1/workspace', undefined, signal);

export const updateWorkspace = (patch: { name?: string; allowAnonymous?: boolean }) =>
  http.patch<Workspace>('/api/v1/workspace', patch);
