// Notifications, follows, email preferences, the delivery audit and mail settings (API v1).
import { apiRequest, http } from './client.ts';
import type { Page } from './types.ts';

const seg = encodeURIComponent;

export type NotificationKind = 'status_changed' | 'official_reply' | 'comment_reply' | 'changelog';
export type AppNotification = {
  id: string;
  kind: NotificationKind;
  title: string;
  excerpt: string;
  url: string;
  postId: string | null;
  isRead: boolean;
  createdAt: string;
};
export type Inbox = Page<AppNotification> & { unreadCount: number };

export const listNotifications = (query: { cursor?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
  http.get<Inbox>('/api/v1/notifications', query, signal);
export const markNotificationsRead = (input: { ids: string[] } | { all: true }) =>
  http.post<{ unreadCount: number }>('/api/v1/notifications/read', input);

export type SubscriptionReason = 'author' | 'voter' | 'commenter' | 'manual';
export type FollowState = { isFollowing: boolean; reason: SubscriptionReason | null; canFollow: boolean };
type TokenQuery = { token?: string | null };

export const getFollowState = (postId: string, signal?: AbortSignal) =>
  http.get<FollowState>(`/api/v1/posts/${seg(postId)}/subscription`, undefined, signal);
export const followPost = (postId: string) => apiRequest<FollowState>('PUT', `/api/v1/posts/${seg(postId)}/subscription`, { body: {} });
export const unfollowPost = (postId: string, query: TokenQuery = {}) =>
  http.delete<FollowState>(`/api/v1/posts/${seg(postId)}/subscription`, query);

export type Subscription = { id: string; postId: string; title: string; url: string; reason: SubscriptionReason; mergedIntoId: string | null; createdAt: string };
export const listMySubscriptions = (query: TokenQuery & { cursor?: string | null }, signal?: AbortSignal) =>
  http.get<Page<Subscription>>('/api/v1/me/subscriptions', query, signal);

export type Digest = 'off' | 'daily' | 'weekly';
export type Category = 'status_updates' | 'comment_replies' | 'changelog';
export type Preferences = { statusUpdates: boolean; commentReplies: boolean; changelog: boolean; unsubscribedAll: boolean; digest: Digest };
export type TokenScope = { type: 'post' | 'category' | 'all'; postId?: string; postTitle?: string | null; category?: Category };
export type PreferencesView = {
  recipient: { kind: 'person' | 'member'; email: string; name: string | null };
  preferences: Preferences;
  scope: TokenScope | null;
};

export const getPreferences = (query: TokenQuery, signal?: AbortSignal) => http.get<PreferencesView>('/api/v1/preferences', query, signal);
export const updatePreferences = (change: Partial<Preferences>, query: TokenQuery = {}) =>
  apiRequest<PreferencesView>('PATCH', '/api/v1/preferences', { body: change, query });
export const unsubscribeWithToken = (token: string) =>
  http.post<{ ok: true; message: string }>('/api/v1/unsubscribe', {}, { token });

export type SkipReason = 'unsubscribed' | 'no_email' | 'private_board' | 'self' | 'preference_off';
export type DeliverySummary = {
  email: { sent: number; queued: number; failed: number; skipped: number; skippedByReason: Partial<Record<SkipReason, number>> };
  inApp: { sent: number; skipped: number };
};
export type Delivery = {
  id: string;
  channel: 'email' | 'in_app';
  kind: NotificationKind;
  recipient: { kind: 'person' | 'member'; id: string; name: string | null; email: string | null };
  address: string | null;
  state: 'queued' | 'sent' | 'failed' | 'skipped';
  skipReason: SkipReason | null;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
};
/** One page of an event's recipients (email delivery, then in-app ones); `summary` counts all of them. */
export type EventDeliveries = Page<Delivery> & { event: { id: string; type: string; postId: string | null; createdAt: string }; summary: DeliverySummary };
export type DeliveryState = Delivery['state'];
export type EventDeliveriesQuery = { state?: DeliveryState; q?: string; cursor?: string | null; limit?: number };
export type LogEntry = { id: string; type: string; postId: string | null; postTitle: string | null; headline: string | null; createdAt: string; summary: DeliverySummary };

export const getEventDeliveries = (eventId: string, query: EventDeliveriesQuery = {}, signal?: AbortSignal) =>
  http.get<EventDeliveries>(`/api/v1/events/${seg(eventId)}/deliveries`, query, signal);
export const getNotificationLog = (query: { postId?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  http.get<Page<LogEntry>>('/api/v1/notifications/log', query, signal);

export type MailSettings = {
  adapter: 'smtp' | 'file';
  from: string;
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null } | null;
  directory: string | null;
  retry: { baseMs: number; maxMs: number; maxAttempts: number; scheduleMs: number[] };
};
export type TestMailResult = { ok: boolean; adapter: 'smtp' | 'file'; messageId: string | null; location: string | null; error: string | null };

export const getMailSettings = (signal?: AbortSignal) => http.get<MailSettings>('/api/v1/mail/settings', undefined, signal);
export const sendTestMail = (to: string) => http.post<TestMailResult>('/api/v1/mail/test', { to });
