import { useState } from 'react';
import { getEventDeliveries, type Delivery, type DeliveryState, type DeliverySummary } from '../../api/notifications.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { Select } from '../../ui/Select.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { describeDeliveryState } from './delivery-text.ts';
import './notifications.css';

/** Above this many recipients the table gets a state filter and a search box. */
const FILTERS_FROM = 10;
const STATE_OPTIONS: { value: DeliveryState; label: string }[] = [
  { value: 'failed', label: 'Failed' },
  { value: 'queued', label: 'Pending' },
  { value: 'sent', label: 'Sent' },
  { value: 'skipped', label: 'Skipped' },
];

/**
 * Who was notified of one event, on which channel, when, and why not. Recipients come a page at a
 * time (failed and pending first); a big fan-out can be narrowed to one state or searched by name.
 */
export function DeliveryDetails({ eventId }: { eventId: string }) {
  const [state, setState] = useState<DeliveryState | ''>('');
  const [q, setQ] = useState('');
  const [summary, setSummary] = useState<DeliverySummary | null>(null);
  const deliveries = usePagedList<Delivery>(async (cursor, signal) => {
    const page = await getEventDeliveries(eventId, { cursor, state: state || undefined, q: q || undefined }, signal);
    setSummary(page.summary);
    return page;
  }, [eventId, state, q]);

  if (deliveries.isLoading && !summary) return <LoadingBlock label="Loading deliveries…" />;
  if (deliveries.error && !summary) return <Alert title="The deliveries could not be loaded">{describeError(deliveries.error)}</Alert>;
  const total = summary ? summary.email.sent + summary.email.queued + summary.email.failed + summary.email.skipped : 0;
  const emails = deliveries.items.filter((d) => d.channel === 'email');
  const inApp = new Map(deliveries.items.filter((d) => d.channel === 'in_app').map((d) => [d.recipient.id, d]));
  const isFiltered = state !== '' || q !== '';

  return (
    <div className="delivery-details">
      {total > FILTERS_FROM || isFiltered ? (
        <div className="delivery-details__filters">
          <label className="visually-hidden" htmlFor={`delivery-state-${eventId}`}>Email state</label>
          <Select id={`delivery-state-${eventId}`} value={state} onChange={(event) => setState(event.target.value as DeliveryState | '')}>
            <option value="">All recipients ({total})</option>
            {STATE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>{option.label} ({summary?.email[option.value] ?? 0})</option>
            ))}
          </Select>
          <SearchInput label="Search recipients" placeholder="Name or email" value={q} onSearch={setQ} testId="delivery-search" />
        </div>
      ) : null}
      {deliveries.error ? <Alert title="The deliveries could not be loaded">{describeError(deliveries.error)}</Alert> : null}
      {deliveries.isLoading ? <LoadingBlock label="Loading deliveries…" /> : emails.length === 0 ? (
        <p className="subtle">{isFiltered ? 'No recipient matches.' : 'Nobody was notified.'}</p>
      ) : (
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
      )}
      {deliveries.hasMore && !deliveries.isLoading ? (
        <Button size="sm" onClick={deliveries.loadMore} isLoading={deliveries.isLoadingMore}>
          Show more recipients
        </Button>
      ) : null}
    </div>
  );
}
