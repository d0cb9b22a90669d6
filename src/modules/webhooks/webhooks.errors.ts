import { conflict, invalid, notFound } from '../../lib/errors.ts';

export const webhookNotFound = () => notFound('Webhook endpoint', 'webhook_not_found');
export const webhookDeliveryNotFound = () => notFound('Webhook delivery', 'webhook_delivery_not_found');
export const invalidWebhookUrl = (message: string) => invalid('url', message, 'invalid_webhook_url');
export const invalidCursor = () => invalid('cursor', 'is not a cursor from a previous page', 'invalid_cursor');
export const webhookDisabled = () => conflict('webhook_disabled', 'The endpoint is disabled: enable it first');
export const tooManyWebhooks = (max: number) =>
  conflict('too_many_webhooks', `A workspace can have at most ${max} webhook endpoints`);
