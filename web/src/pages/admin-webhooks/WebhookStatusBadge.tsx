import type { WebhookEndpoint } from '../../api/webhooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { disabledReasonLabels } from './event-types.ts';

export function WebhookStatusBadge({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (endpoint.enabled) {
    return endpoint.consecutiveFailures > 0 ? (
      <Badge color="var(--warning)" hasDot title={`${endpoint.consecutiveFailures} failed attempts in a row`}>Enabled · failing</Badge>
    ) : (
      <Badge color="var(--success)" hasDot>Enabled</Badge>
    );
  }
  const label = endpoint.disabledReason ? disabledReasonLabels[endpoint.disabledReason] : 'Disabled';
  return <Badge color={endpoint.disabledReason === 'manual' ? null : 'var(--danger)'} hasDot title={endpoint.disabledDetail ?? undefined}>{label}</Badge>;
}
