import type { StatusChange } from '../../api/types.ts';
import { SanitizedHtml } from '../../features/content/SanitizedHtml.tsx';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { formatDateTime, formatRelativeTime } from '../../lib/format.ts';

export function StatusHistory({ history }: { history: StatusChange[] }) {
  if (history.length === 0) return <p className="subtle">No status changes yet.</p>;
  return (
    <ol className="status-history">
      {history.map((change) => (
        <li key={change.id} className="status-history__item">
          <span className="status-history__dot" style={{ background: change.to.color }} aria-hidden="true" />
          <div className="status-history__content">
            <p className="status-history__line">
              {change.actor ? (
                <>
                  <strong>{change.actor.name}</strong> {change.from ? 'moved this to' : 'set'}
                </>
              ) : change.from ? 'Moved to' : 'Set to'}{' '}
              <StatusBadge status={change.to} />
            </p>
            {change.bodyHtml ? (
              <SanitizedHtml html={change.bodyHtml} className="status-history__message" />
            ) : change.message ? (
              <p className="status-history__message">{change.message}</p>
            ) : null}
            <time className="subtle" dateTime={change.createdAt} title={formatDateTime(change.createdAt)}>
              {formatRelativeTime(change.createdAt)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
