import { Link } from 'react-router';
import { listWebhooks } from '../../api/webhooks.ts';
import type { WebhookEndpoint } from '../../api/webhooks.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { isAutoDisabled } from './event-types.ts';
import './webhooks.css';

// Shown across the admin (for admins) while an endpoint the server switched off is still off, so a
// broken integration is noticed even by someone who did not get the email.
export function DisabledWebhooksBanner() {
  const { data } = useAsync((signal) => listWebhooks(signal).then((list) => list.items), []);
  return <DisabledWebhooksNotice endpoints={data ?? []} />;
}

export function DisabledWebhooksNotice({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  const disabled = endpoints.filter(isAutoDisabled);
  if (disabled.length === 0) return null;
  return (
    <div className="webhook-banner" data-testid="webhook-disabled-banner">
      <Alert tone="warning" title={disabled.length === 1 ? 'A webhook endpoint was disabled' : `${disabled.length} webhook endpoints were disabled`}>
        {disabled.map((endpoint) => (
          <p key={endpoint.id}>
            <Link to={`/admin/webhooks/${endpoint.id}`}>{endpoint.description || endpoint.url}</Link>:{' '}
            {endpoint.disabledReason === 'gone' ? 'the receiver answered 410 Gone.' : 'deliveries kept failing.'} Fix the receiver, enable
            it again and replay what it missed.
          </p>
        ))}
      </Alert>
    </div>
  );
}
