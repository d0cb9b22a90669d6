import type { WebhookDeps } from './webhook-deps.ts';
import { DELIVER_WEBHOOK_TASK, WEBHOOK_DISABLED_EMAIL_TASK } from './webhook-deps.ts';
import { attemptWebhookDelivery } from './attempt-webhook-delivery.ts';
import { sendWebhookDisabledEmail, type WebhookDisabledEmailPayload } from './send-webhook-disabled-email.ts';

type Task = (payload: unknown) => Promise<void>;

/** The job handlers of this module, registered by src/task-list.ts. */
export function webhookTasks(deps: WebhookDeps): Record<string, Task> {
  return {
    [DELIVER_WEBHOOK_TASK]: async (payload) => attemptWebhookDelivery(deps, (payload as { deliveryId: string }).deliveryId),
    [WEBHOOK_DISABLED_EMAIL_TASK]: async (payload) => sendWebhookDisabledEmail(deps, payload as WebhookDisabledEmailPayload),
  };
}
