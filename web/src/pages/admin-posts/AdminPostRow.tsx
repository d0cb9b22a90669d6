import { Link } from 'react-router';
import type { PostSummary } from '../../api/types.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { TagList } from '../../features/posts/TagList.tsx';
import { cx } from '../../lib/class-names.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ChevronUpIcon, CommentIcon } from '../../ui/icons.tsx';

type AdminPostRowProps = { post: PostSummary; search: string; isActive: boolean };

export function AdminPostRow({ post, search, isActive }: AdminPostRowProps) {
  return (
    <li
      className={cx('admin-post-row', isActive && 'admin-post-row--active', post.deletedAt && 'admin-post-row--deleted')}
      data-testid="post-row"
      data-post-id={post.id}
    >
      <span className="admin-post-row__votes" title={`${post.voteCount} votes`}>
        <ChevronUpIcon size={14} strokeWidth={2.5} />
        {post.voteCount}
      </span>
      <div className="admin-post-row__main">
        <Link to={`/admin/posts/${post.id}${search}`} className="admin-post-row__title" aria-current={isActive ? 'true' : undefined}>
          {post.title}
        </Link>
        <div className="admin-post-row__meta">
          <span>{post.board.name}</span>
          <span aria-hidden="true">·</span>
          <span>{post.author?.name ?? 'Unknown author'}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={post.createdAt}>{formatRelativeTime(post.createdAt)}</time>
          <TagList tags={post.tags} />
        </div>
      </div>
      <div className="admin-post-row__side">
        {post.deletedAt ? <Badge color="var(--danger)">Deleted</Badge> : null}
        {post.demandScore !== undefined && post.demandScore > 0 ? (
          <span className="admin-post-row__demand subtle" title="Demand score">
            {post.demandScore.toLocaleString(undefined, { maximumFractionDigits: 1 })}
          </span>
        ) : null}
        <StatusBadge status={post.status} />
        <span className="admin-post-row__comments" title={`${post.commentCount} comments`}>
          <CommentIcon size={14} /> {post.commentCount}
        </span>
      </div>
    </li>
  );
}
