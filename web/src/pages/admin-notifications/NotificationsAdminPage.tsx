import { useState } from 'react';
import { Link } from 'react-router';
import { getNotificationLog, getPreferences, type LogEntry } from '../../api/notifications.ts';
import { DeliveryDetails } from '../../features/notifications/DeliveryDetails.tsx';
import { PreferencesForm } from '../../features/notifications/PreferencesForm.tsx';
import { describeSummary, EVENT_LABELS } from '../../features/notifications/delivery-text.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import '../../features/notifications/notifications.css';

/** The notification log (every event that notified someone, with who and why not) and your own email settings. */
export function NotificationsAdminPage() {
  return (
    <>
      <AdminPageHeader title="Notifications" description="Who was told about what, on which channel, and why some people were not." />
      <NotificationLog />
      <MyEmailSettings />
    </>
  );
}

function NotificationLog() {
  const [more, setMore] = useState<LogEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const first = useAsync(async (signal) => {
    const page = await getNotificationLog({ limit: 20 }, signal);
    setMore([]);
    setCursor(page.nextCursor);
    return page.items;
  }, []);
  const loadMore = async () => {
    const page = await getNotificationLog({ limit: 20, cursor });
    setMore((current) => [...current, ...page.items]);
    setCursor(page.nextCursor);
  };
  if (first.error) return <Alert title="The log could not be loaded">{describeError(first.error)}</Alert>;
  if (!first.data) return <LoadingBlock label="Loading the log…" />;
  const entries = [...first.data, ...more];
  return (
    <section className="card admin-section" aria-labelledby="log-title">
      <div className="admin-section__header">
        <h2 id="log-title" className="admin-section__title">
          Recent notifications
        </h2>
        <Button size="sm" variant="ghost" onClick={first.reload}>
          Refresh
        </Button>
      </div>
      {entries.length === 0 ? <EmptyState title="Nothing sent yet" description="Status changes, team replies and changelog entries will show up here." /> : null}
      <ul className="notification-log">
        {entries.map((entry) => (
          <li key={entry.id} className="notification-log__item" data-testid="notification-log-item">
            <div className="notified__row">
              <strong>{EVENT_LABELS[entry.type] ?? entry.type}</strong>
              {entry.postId ? <Link to={`/admin/posts/${entry.postId}`}>{entry.postTitle}</Link> : <span>{entry.headline}</span>}
              <span className="subtle">{formatDateTime(entry.createdAt)}</span>
            </div>
            <div className="notified__row">
              <span>Notified: {describeSummary(entry.summary)}</span>
              <button type="button" className="link-button" aria-expanded={openId === entry.id} onClick={() => setOpenId(openId === entry.id ? null : entry.id)}>
                {openId === entry.id ? 'Hide details' : 'Details'}
              </button>
            </div>
            {openId === entry.id ? <DeliveryDetails eventId={entry.id} /> : null}
          </li>
        ))}
      </ul>
      {cursor ? (
        <Button size="sm" onClick={() => void loadMore()}>
          Show older
        </Button>
      ) : null}
    </section>
  );
}

function MyEmailSettings() {
  const { data, error, setData } = useAsync((signal) => getPreferences({}, signal), []);
  return (
    <section className="card admin-section" aria-labelledby="my-email-title">
      <h2 id="my-email-title" className="admin-section__title">
        Your email
      </h2>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {data ? <PreferencesForm view={data} onSaved={setData} /> : null}
    </section>
  );
}
