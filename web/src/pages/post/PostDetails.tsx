import { Link } from 'react-router';
import type { Post } from '../../api/types.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { TagList } from '../../features/posts/TagList.tsx';
import { formatDate, pluralize } from '../../lib/format.ts';

export function PostDetails({ post }: { post: Post }) {
  return (
    <dl className="post-details">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={post.status} />
        </dd>
      </div>
      <div>
        <dt>Board</dt>
        <dd>
          <Link to={`/b/${post.board.slug}`}>{post.board.name}</Link>
        </dd>
      </div>
      {post.tags.length > 0 ? (
        <div>
          <dt>Tags</dt>
          <dd>
            <TagList tags={post.tags} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Votes</dt>
        <dd>{pluralize(post.voteCount, 'vote')}</dd>
      </div>
      <div>
        <dt>Posted</dt>
        <dd>
          <time dateTime={post.createdAt}>{formatDate(post.createdAt)}</time>
          {post.author ? ` by ${post.author.name}` : ''}
        </dd>
      </div>
    </dl>
  );
}
