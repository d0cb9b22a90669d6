import { useEffect, useState } from 'react';
import { getNotificationLog } from '../../api/notifications.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DeliveryDetails } from './DeliveryDetails.tsx';
import { describeSummary, EVENT_LABELS } from './delivery-text.ts';
import './notifications.css';

/**
 * The post drawer's "Notified: 12 sent · 3 skipped (unsubscribed 2, no email 1)" for its recent
 * events, each with the per-recipient details. Notifications go out in the background, so after a
 * change (refreshKey) it looks again a moment later.
 */
export function NotifiedSummary({ postId, refreshKey }: { postId: string; refreshKey?: string }) {
  const { data, error, reload } = useAsync((signal) => getNotificationLog({ postId, limit: 5 }, signal), [postId, refreshKey]);
  const [openEventId, setOpenEventId] = useState<string | null>(null);
  useEffect(() => {
    if (refreshKey === undefined) return;
    const timer = window.setTimeout(reload, 2000);
    return () => window.clearTimeout(timer);
  }, [refreshKey, reload]);

  if (error) return <Alert title="Notifications could not be loaded">{describeError(error)}</Alert>;
  if (!data) return null;
  if (data.items.length === 0) return <p className="subtle">Nobody has been notified about this post yet.</p>;
  return (
    <div className="notified" data-testid="notified-summary">
      {data.items.map((entry) => (
        <div key={entry.id}>
          <div className="notified__row">
            <strong>{EVENT_LABELS[entry.type] ?? entry.type}</strong>
            <span className="subtle">{formatRelativeTime(entry.createdAt)}</span>
            <span data-testid="notified-line">Notified: {describeSummary(entry.summary)}</span>
            <button type="button" className="link-button" aria-expanded={openEventId === entry.id} onClick={() => setOpenEventId(openEventId === entry.id ? null : entry.id)}>
              {openEventId === entry.id ? 'Hide details' : 'Details'}
            </button>
          </div>
          {openEventId === entry.id ? <DeliveryDetails eventId={entry.id} /> : null}
        </div>
      ))}
    </div>
  );
}
