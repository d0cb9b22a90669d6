// The kinds of notification mail a recipient can switch off one by one (plus "all").
import type { NotificationKind } from '../../db/schema.ts';

export const CATEGORIES = ['status_updates', 'comment_replies', 'changelog'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  status_updates: 'status changes and team replies on posts you follow',
  comment_replies: 'replies to your comments',
  changelog: 'changelog announcements for posts you follow',
};

const CATEGORY_OF_KIND: Record<NotificationKind, Category> = {
  status_changed: 'status_updates',
  official_reply: 'status_updates',
  comment_reply: 'comment_replies',
  changelog: 'changelog',
};

export function categoryOfKind(kind: NotificationKind): Category {
  return CATEGORY_OF_KIND[kind];
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
