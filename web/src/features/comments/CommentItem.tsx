import type { ReactNode } from 'react';
import type { Comment } from '../../api/types.ts';
import { cx } from '../../lib/class-names.ts';
import { formatDateTime, formatRelativeTime } from '../../lib/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { LockIcon } from '../../ui/icons.tsx';
import { SanitizedHtml } from '../content/SanitizedHtml.tsx';

type CommentItemProps = {
  comment: Comment;
  actions?: ReactNode;
  children?: ReactNode;
};

export function CommentItem({ comment, actions, children }: CommentItemProps) {
  const isDeleted = comment.deletedAt !== null;
  return (
    <article
      className={cx('comment', comment.internal && 'comment--internal', isDeleted && 'comment--deleted')}
      data-testid="comment"
      aria-label={`Comment by ${comment.author.name}`}
    >
      <div className="comment__avatar" aria-hidden="true">
        {comment.author.name.trim().charAt(0).toUpperCase() || '?'}
      </div>
      <div className="comment__main">
        <header className="comment__header">
          <span className="comment__author">{comment.author.name}</span>
          {comment.author.isTeam ? <Badge color="var(--accent)">Team</Badge> : null}
          {comment.internal ? (
            <Badge color="var(--internal)" className="comment__internal-badge">
              <LockIcon size={11} /> Internal – team only
            </Badge>
          ) : null}
          {comment.origin ? (
            <span className="subtle comment__origin" data-testid="comment-origin">
              on “{comment.origin.title}” (merged)
            </span>
          ) : null}
          <time className="subtle" dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
            {formatRelativeTime(comment.createdAt)}
          </time>
        </header>
        {isDeleted ? (
          <p className="comment__deleted">This comment was deleted.</p>
        ) : (
          <SanitizedHtml html={comment.bodyHtml} className="comment__body" />
        )}
        {actions ? <div className="comment__actions">{actions}</div> : null}
        {children}
      </div>
    </article>
  );
}
