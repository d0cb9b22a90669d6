import type { WebhookDeliveryStatus, WebhookDisabledReason, WebhookEndpoint, WebhookEventType } from '../../api/webhooks.ts';

// The event types the server emits (src/modules/events/event-types.ts), with what each one means.
export const eventTypeOptions: Array<{ value: WebhookEventType; label: string }> = [
  { value: 'post.created', label: 'A post is submitted' },
  { value: 'post.updated', label: 'A post is edited, retagged or moved' },
  { value: 'post.status_changed', label: 'A post changes status' },
  { value: 'post.merged', label: 'A post is merged into another' },
  { value: 'vote.created', label: 'Someone votes' },
  { value: 'vote.deleted', label: 'A vote is removed' },
  { value: 'comment.created', label: 'A comment is posted (internal ones too)' },
  { value: 'changelog.published', label: 'A changelog entry is published' },
];

export const disabledReasonLabels: Record<WebhookDisabledReason, string> = {
  manual: 'Disabled',
  gone: 'Disabled: receiver answered 410 Gone',
  failing: 'Disabled: kept failing',
};

export const deliveryStatusColors: Record<WebhookDeliveryStatus, string> = {
  queued: 'var(--text-subtle)',
  delivered: 'var(--success)',
  failed: 'var(--warning)',
  dead: 'var(--danger)',
};

export const deliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  queued: 'Queued',
  delivered: 'Delivered',
  failed: 'Retrying',
  dead: 'Failed',
};

/** Switched off by the server (not by an admin): worth a banner. */
export function isAutoDisabled(endpoint: WebhookEndpoint): boolean {
  return !endpoint.enabled && (endpoint.disabledReason === 'gone' || endpoint.disabledReason === 'failing');
}
