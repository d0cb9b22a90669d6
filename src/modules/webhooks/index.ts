export { dispatchWebhooks } from './dispatch-webhooks.ts';
export { webhookTasks } from './webhook-tasks.ts';
export { attemptWebhookDelivery } from './attempt-webhook-delivery.ts';
export { createWebhook } from './create-webhook.ts';
export { listWebhooks, getWebhook } from './list-webhooks.ts';
export { DELIVER_WEBHOOK_TASK, WEBHOOK_DISABLED_EMAIL_TASK, type WebhookDeps } from './webhook-deps.ts';
export { presentWebhookEndpoint, type WebhookEndpointJson } from './webhooks.present.ts';
