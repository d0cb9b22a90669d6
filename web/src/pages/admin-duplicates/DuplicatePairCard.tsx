import { Link } from 'react-router';
import type { DuplicatePair, DuplicatePost } from '../../api/similar.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { formatDate, pluralize } from '../../lib/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';

type DuplicatePairCardProps = {
  pair: DuplicatePair;
  isDismissing: boolean;
  onMerge: () => void;
  onDismiss: () => void;
};

function PostSide({ post, label }: { post: DuplicatePost; label: string }) {
  return (
    <div className="duplicate-pair__post">
      <span className="subtle duplicate-pair__label">{label}</span>
      <Link to={`/admin/posts/${post.id}`} className="duplicate-pair__title">
        {post.title}
      </Link>
      <span className="subtle duplicate-pair__meta">
        <StatusBadge status={post.status} /> {pluralize(post.voteCount, 'vote')} · {post.board.name} · {formatDate(post.createdAt)}
      </span>
    </div>
  );
}

/** One likely pair: both posts, the score, why they matched (the shared words), and the decisions. */
export function DuplicatePairCard({ pair, isDismissing, onMerge, onDismiss }: DuplicatePairCardProps) {
  return (
    <li className="duplicate-pair" data-testid="duplicate-pair" data-pair-id={pair.id}>
      <div className="duplicate-pair__posts">
        <PostSide post={pair.post} label="New" />
        <PostSide post={pair.similarPost} label="Looks like" />
      </div>
      <div className="duplicate-pair__why">
        <span className="duplicate-pair__score" title="Similarity score: higher is more alike" data-testid="duplicate-score">
          Score {pair.score.toLocaleString(undefined, { maximumFractionDigits: 2 })}
        </span>
        {pair.cluster.size > 2 ? <Badge title="Posts connected by likely-duplicate pairs">Cluster of {pair.cluster.size} posts</Badge> : null}
        <span className="subtle">Matched:</span>
        <ul className="duplicate-pair__terms" aria-label="Why they matched" data-testid="duplicate-matched">
          {pair.matched.map((term) => (
            <li key={term}>
              <Badge>{term}</Badge>
            </li>
          ))}
        </ul>
      </div>
      <div className="duplicate-pair__actions">
        <Button variant="primary" size="sm" onClick={onMerge} data-testid="duplicate-merge-button">
          Merge…
        </Button>
        <Button variant="ghost" size="sm" onClick={onDismiss} isLoading={isDismissing} data-testid="duplicate-dismiss-button">
          Not a duplicate
        </Button>
      </div>
    </li>
  );
}
