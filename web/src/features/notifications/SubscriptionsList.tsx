import { useState } from 'react';
import { Link } from 'react-router';
import { listMySubscriptions, unfollowPost, type Subscription } from '../../api/notifications.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';

const REASONS = { author: 'you posted it', voter: 'you voted', commenter: 'you commented', manual: 'you followed it' } as const;

/** The posts someone follows, each with an Unfollow button. */
export function SubscriptionsList({ token }: { token?: string | null }) {
  const [extra, setExtra] = useState<Subscription[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const first = useAsync(async (signal) => {
    const page = await listMySubscriptions({ token }, signal);
    setExtra([]);
    setCursor(page.nextCursor);
    return page.items;
  }, [token]);
  const items = [...(first.data ?? []), ...extra];

  const loadMore = async () => {
    try {
      const page = await listMySubscriptions({ token, cursor });
      setExtra((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (reason) {
      setError(describeError(reason));
    }
  };

  const unfollow = async (item: Subscription) => {
    setBusyId(item.id);
    try {
      await unfollowPost(item.postId, { token });
      first.setData((current) => current?.filter((s) => s.id !== item.id));
      setExtra((current) => current.filter((s) => s.id !== item.id));
    } catch (reason) {
      setError(describeError(reason));
    } finally {
      setBusyId(null);
    }
  };

  if (first.error) return <Alert title="Followed posts could not be loaded">{describeError(first.error)}</Alert>;
  if (!first.data) return <LoadingBlock label="Loading followed posts…" />;
  if (items.length === 0) return <p className="subtle">You do not follow any posts.</p>;
  return (
    <>
      <ul className="subscriptions" data-testid="subscriptions-list">
        {items.map((item) => (
          <li key={item.id} className="subscriptions__item" data-testid="subscription-item">
            <div>
              <Link to={item.url}>{item.title}</Link>
              <p className="subtle subscriptions__meta">
                Since {formatDate(item.createdAt)}, because {REASONS[item.reason]}
              </p>
            </div>
            <Button size="sm" variant="ghost" isLoading={busyId === item.id} onClick={() => void unfollow(item)} data-testid="unfollow-button">
              Unfollow
            </Button>
          </li>
        ))}
      </ul>
      {cursor ? (
        <Button size="sm" onClick={() => void loadMore()}>
          Show more
        </Button>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </>
  );
}
