/** Every event type Backboard emits; webhooks subscribe to these names. */
export const EVENT_TYPES = [
  'post.created',
  'post.updated',
  'post.status_changed',
  'post.merged',
  'vote.created',
  'vote.deleted',
  'comment.created',
  'changelog.published',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
