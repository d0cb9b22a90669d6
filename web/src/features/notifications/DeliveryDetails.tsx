import { getEventDeliveries } from '../../api/notifications.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { describeDeliveryState } from './delivery-text.ts';
import './notifications.css';

/** Who was notified of one event, on which channel, when, and why not. */
export function DeliveryDetails({ eventId }: { eventId: string }) {
  const { data, error } = useAsync((signal) => getEventDeliveries(eventId, signal), [eventId]);
  if (error) return <Alert title="The deliveries could not be loaded">{describeError(error)}</Alert>;
  if (!data) return <LoadingBlock label="Loading deliveries…" />;
  const emails = data.items.filter((d) => d.channel === 'email');
  const inApp = new Map(data.items.filter((d) => d.channel === 'in_app').map((d) => [d.recipient.id, d]));
  return (
    <table className="deliveries" data-testid="delivery-details">
      <thead>
        <tr>
          <th scope="col">Recipient</th>
          <th scope="col">Email</th>
          <th scope="col">In-app</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((d) => (
          <tr key={d.id} data-testid="delivery-row" data-state={d.state}>
            <td>
              <span className="deliveries__who">{d.recipient.name || d.recipient.email || 'Unknown'}</span>
              <span className="subtle deliveries__address">{d.address ?? d.recipient.email ?? 'no address'}{d.recipient.kind === 'member' ? ' · team' : ''}</span>
            </td>
            <td className={`deliveries__state deliveries__state--${d.state}`}>
              {describeDeliveryState(d)}
              {d.lastError && d.state !== 'sent' ? <span className="deliveries__error">{d.lastError}</span> : null}
            </td>
            <td>{inApp.get(d.recipient.id) ? describeDeliveryState(inApp.get(d.recipient.id)!) : '—'}</td>
            <td className="subtle">{formatDateTime(d.sentAt ?? d.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
