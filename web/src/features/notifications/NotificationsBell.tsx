import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { listNotifications, markNotificationsRead, type AppNotification } from '../../api/notifications.ts';
import { cx } from '../../lib/class-names.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { Spinner } from '../../ui/Spinner.tsx';
import './notifications.css';

// New notifications show up without a reload; a cheap request (10 rows and a count) twice a minute.
const POLL_MS = 30_000;

function BellIcon() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header bell of the portal and the admin: unread badge and a dropdown of recent notifications. */
export function NotificationsBell({ preferencesPath = '/preferences', align = 'end' }: { preferencesPath?: string; align?: 'start' | 'end' }) {
  const navigate = useNavigate();
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    setIsLoading(true);
    try {
      const inbox = await listNotifications({ limit: 10 }, signal);
      setItems(inbox.items);
      setUnread(inbox.unreadCount);
      setError(null);
    } catch (reason) {
      if (!signal?.aborted) setError(describeError(reason));
    } finally {
      if (!signal?.aborted) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [load]);

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  const toggle = () => {
    setIsOpen((open) => !open);
    if (!isOpen) void load();
  };

  const open = async (item: AppNotification) => {
    setIsOpen(false);
    if (!item.isRead) {
      setItems((current) => current.map((n) => (n.id === item.id ? { ...n, isRead: true } : n)));
      setUnread((count) => Math.max(0, count - 1));
      markNotificationsRead({ ids: [item.id] }).then((r) => setUnread(r.unreadCount), () => {});
    }
    const url = new URL(item.url, window.location.origin);
    if (url.origin === window.location.origin) navigate(`${url.pathname}${url.search}${url.hash}`);
    else window.location.assign(url.toString());
  };

  const markAll = async () => {
    try {
      const result = await markNotificationsRead({ all: true });
      setUnread(result.unreadCount);
      setItems((current) => current.map((n) => ({ ...n, isRead: true })));
    } catch (reason) {
      setError(describeError(reason));
    }
  };

  return (
    <div className="bell" ref={rootRef}>
      <button
        type="button"
        className="icon-button bell__button"
        data-testid="notifications-bell"
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={toggle}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="bell__count" data-testid="notifications-unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {isOpen ? (
        <div id={panelId} className={cx('bell__panel card', align === 'start' && 'bell__panel--start')} role="region" aria-label="Notifications">
          <div className="bell__head">
            <strong>Notifications</strong>
            {isLoading ? <Spinner size={14} /> : null}
            <button type="button" className="link-button" onClick={markAll} disabled={unread === 0} data-testid="notifications-mark-all">
              Mark all as read
            </button>
          </div>
          {error ? <p className="bell__empty">{error}</p> : null}
          {!error && items.length === 0 ? <p className="bell__empty">Nothing yet. You will hear here when posts you follow change.</p> : null}
          <ul className="bell__list">
            {items.map((item) => (
              <li key={item.id}>
                <button type="button" className={cx('bell__item', !item.isRead && 'bell__item--unread')} onClick={() => void open(item)} data-testid="notification-item">
                  <span className="bell__title">{item.title}</span>
                  {item.excerpt ? <span className="bell__excerpt">{item.excerpt}</span> : null}
                  <time className="bell__time" dateTime={item.createdAt}>
                    {formatRelativeTime(item.createdAt)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
          <div className="bell__foot">
            <Link to={preferencesPath} onClick={() => setIsOpen(false)}>
              Email preferences
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
