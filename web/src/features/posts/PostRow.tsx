import { Link } from 'react-router';
import type { PostSummary, VoteResult } from '../../api/types.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { CommentIcon } from '../../ui/icons.tsx';
import { VoteButton } from '../votes/VoteButton.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TagList } from './TagList.tsx';
import './posts.css';

type PostRowProps = { post: PostSummary; onVoted: (postId: string, result: VoteResult) => void; showBoard?: boolean };

export function PostRow({ post, onVoted, showBoard = false }: PostRowProps) {
  return (
    <li className="post-row" data-testid="post-row" data-post-id={post.id}>
      <VoteButton
        postId={post.id}
        postTitle={post.title}
        voteCount={post.voteCount}
        hasVoted={post.hasVoted}
        onVoted={(result) => onVoted(post.id, result)}
      />
      <div className="post-row__main">
        <Link to={`/p/${post.id}`} className="post-row__title">
          {post.title}
        </Link>
        {post.excerpt ? <p className="post-row__excerpt">{post.excerpt}</p> : null}
        <div className="post-row__meta">
          <StatusBadge status={post.status} />
          <TagList tags={post.tags} />
          {showBoard ? <span className="subtle">{post.board.name}</span> : null}
          <span className="subtle">
            {post.author ? `${post.author.name} · ` : ''}
            <time dateTime={post.createdAt}>{formatRelativeTime(post.createdAt)}</time>
          </span>
        </div>
      </div>
      <Link
        to={`/p/${post.id}#comments`}
        className="post-row__comments"
        aria-label={`${post.commentCount} ${post.commentCount === 1 ? 'comment' : 'comments'}`}
      >
        <CommentIcon size={15} />
        <span>{post.commentCount}</span>
      </Link>
    </li>
  );
}
