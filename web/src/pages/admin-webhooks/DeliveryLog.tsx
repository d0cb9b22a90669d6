import { useState } from 'react';
import { listWebhookDeliveries, replayWebhookDelivery } from '../../api/webhooks.ts';
import type { WebhookDelivery } from '../../api/webhooks.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime, formatRelativeTime } from '../../lib/format.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { deliveryStatusColors, deliveryStatusLabels } from './event-types.ts';

type DeliveryLogProps = { endpointId: string; canReplay: boolean; refreshKey: number };

// Newest first; each row opens to the exact request (headers + body) and every attempt's answer.
export function DeliveryLog({ endpointId, canReplay, refreshKey }: DeliveryLogProps) {
  const list = usePagedList((cursor, signal) => listWebhookDeliveries(endpointId, cursor, signal), [endpointId, refreshKey]);
  if (list.isLoading && list.items.length === 0) return <LoadingBlock />;
  if (list.error && list.items.length === 0) return <LoadError error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return <EmptyState title="No deliveries yet" description="Events for this endpoint appear here. Send a test event to try it." />;
  }
  const replace = (updated: WebhookDelivery) => list.setItems((items) => items.map((d) => (d.id === updated.id ? updated : d)));
  return (
    <div>
      <ul className="delivery-list">
        {list.items.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} canReplay={canReplay} onReplayed={replace} />
        ))}
      </ul>
      {list.hasMore ? (
        <div className="list-footer">
          <Button onClick={list.loadMore} isLoading={list.isLoadingMore}>
            Load older deliveries
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function DeliveryRow({ delivery, canReplay, onReplayed }: { delivery: WebhookDelivery; canReplay: boolean; onReplayed: (d: WebhookDelivery) => void }) {
  const toast = useToast();
  const [isReplaying, setIsReplaying] = useState(false);
  const replay = async () => {
    setIsReplaying(true);
    try {
      onReplayed(await replayWebhookDelivery(delivery.id));
      toast.show({ message: 'Delivery queued again' });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    } finally {
      setIsReplaying(false);
    }
  };
  return (
    <li className="delivery" data-testid="webhook-delivery-row">
      <details>
        <summary className="delivery__summary">
          <Badge color={deliveryStatusColors[delivery.status]} hasDot>{deliveryStatusLabels[delivery.status]}</Badge>
          <code className="delivery__type">{delivery.eventType}</code>
          <span className="muted">
            {delivery.responseStatus !== null ? `HTTP ${delivery.responseStatus}` : delivery.lastError ? 'No response' : ''}
            {delivery.responseTimeMs !== null ? ` · ${delivery.responseTimeMs} ms` : ''}
            {` · ${delivery.attemptCount} ${delivery.attemptCount === 1 ? 'attempt' : 'attempts'}`}
          </span>
          <span className="subtle delivery__time" title={formatDateTime(delivery.createdAt)}>{formatRelativeTime(delivery.createdAt)}</span>
        </summary>
        <div className="delivery__details">
          <p className="subtle">
            Webhook id <code>{delivery.id}</code>
            {delivery.nextAttemptAt && delivery.status === 'failed' ? ` · next attempt ${formatRelativeTime(delivery.nextAttemptAt)}` : ''}
            {delivery.lastError ? ` · ${delivery.lastError}` : ''}
          </p>
          <h4 className="delivery__heading">Request</h4>
          <pre className="delivery__pre">{Object.entries(delivery.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
          <pre className="delivery__pre">{prettyJson(delivery.request.body)}</pre>
          <h4 className="delivery__heading">Attempts</h4>
          <ol className="delivery__attempts">
            {delivery.attempts.map((attempt) => (
              <li key={attempt.attemptNumber}>
                <span className={attempt.isSuccess ? 'delivery__ok' : 'delivery__fail'}>
                  #{attempt.attemptNumber} {attempt.responseStatus !== null ? `HTTP ${attempt.responseStatus}` : 'no response'}
                </span>{' '}
                <span className="muted">{formatDateTime(attempt.startedAt)} · {attempt.durationMs} ms</span>
                {attempt.error ? <div className="field__error">{attempt.error}</div> : null}
                {attempt.responseBody ? <pre className="delivery__pre">{attempt.responseBody}</pre> : null}
              </li>
            ))}
          </ol>
          {canReplay ? (
            <Button size="sm" onClick={replay} isLoading={isReplaying} data-testid="webhook-replay-button">
              Replay
            </Button>
          ) : null}
        </div>
      </details>
    </li>
  );
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
