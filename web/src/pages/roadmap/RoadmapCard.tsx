import { Link } from 'react-router';
import type { RoadmapCard as RoadmapCardData } from '../../api/roadmap.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { TagList } from '../../features/posts/TagList.tsx';
import { VoteButton } from '../../features/votes/VoteButton.tsx';
import { CommentIcon } from '../../ui/icons.tsx';

type RoadmapCardProps = { card: RoadmapCardData; showBoard: boolean };

export function RoadmapCard({ card, showBoard }: RoadmapCardProps) {
  return (
    <li className="roadmap-card" data-testid="roadmap-card" data-post-id={card.id}>
      <VoteButton postId={card.id} postTitle={card.title} voteCount={card.voteCount} hasVoted={card.hasVoted} />
      <div className="roadmap-card__main">
        <Link to={`/p/${card.id}`} className="roadmap-card__title">
          {card.title}
        </Link>
        <div className="roadmap-card__meta">
          <StatusBadge status={card.status} />
          <TagList tags={card.tags} />
          {showBoard ? <span className="subtle">{card.board.name}</span> : null}
          <span className="roadmap-card__comments subtle" aria-label={`${card.commentCount} ${card.commentCount === 1 ? 'comment' : 'comments'}`}>
            <CommentIcon size={13} /> {card.commentCount}
          </span>
        </div>
      </div>
    </li>
  );
}
