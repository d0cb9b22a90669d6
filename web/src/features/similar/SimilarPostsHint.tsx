import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { findSimilarPosts, type SimilarPost } from '../../api/similar.ts';
import { addVote } from '../../api/votes.ts';
import { describeError } from '../../lib/form-errors.ts';
import { pluralize } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { Button } from '../../ui/Button.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useIdentity } from '../identity/IdentityProvider.tsx';
import { StatusBadge } from '../posts/StatusBadge.tsx';
import { useSession } from '../session/session-context.ts';
import './similar-posts.css';

type SimilarPostsHintProps = {
  title: string;
  /** after "Vote for this instead" succeeded, with the post's new count */
  onVotedInstead: (post: SimilarPost) => void;
};

const DEBOUNCE_MS = 250;
const MIN_CHARS = 3;
const LIMIT = 4;

// While a visitor types the title of a new idea, the ideas already posted that read alike, each
// with one click to vote for it instead of posting a duplicate (issue 3 §1 "while typing").
export function SimilarPostsHint({ title, onVotedInstead }: SimilarPostsHintProps) {
  const query = useDebouncedValue(title.trim(), DEBOUNCE_MS);
  const [items, setItems] = useState<SimilarPost[]>([]);
  const [votingId, setVotingId] = useState<string | null>(null);
  const { requestIdentity } = useIdentity();
  const { me } = useSession();
  const toast = useToast();

  useEffect(() => {
    if (query.length < MIN_CHARS) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    findSimilarPosts({ q: query, limit: LIMIT }, controller.signal).then(
      (page) => setItems(page.items),
      // a hint, not the form: when it fails the visitor can still post
      () => {
        if (!controller.signal.aborted) setItems([]);
      },
    );
    return () => controller.abort();
  }, [query]);

  const voteInstead = async (post: SimilarPost) => {
    if (votingId) return;
    // team members vote for a customer from the admin (as VoteButton explains)
    if (me.member && !me.person) {
      toast.show({ message: 'Team members vote on behalf of a customer from the admin.', action: { label: 'Open in admin', to: `/admin/posts/${post.id}` } });
      return;
    }
    setVotingId(post.id);
    try {
      const isIdentified = await requestIdentity('Add your name and email to vote — we will let you know when it ships.');
      if (!isIdentified) return;
      const result = await addVote(post.id);
      onVotedInstead({ ...post, voteCount: result.voteCount, hasVoted: result.hasVoted });
    } catch (error) {
      toast.show({ tone: 'error', message: `Your vote was not saved. ${describeError(error)}` });
    } finally {
      setVotingId(null);
    }
  };

  if (items.length === 0) return null;
  return (
    <section className="similar-posts" aria-label="Similar ideas" aria-live="polite" data-testid="similar-posts">
      <p className="similar-posts__lead">Already suggested? Vote for it instead of posting it again.</p>
      <ul className="similar-posts__list">
        {items.map((post) => (
          <li key={post.id} className="similar-posts__item" data-testid="similar-post" data-post-id={post.id}>
            <div className="similar-posts__main">
              <Link to={`/p/${post.id}`} target="_blank" rel="noopener" className="similar-posts__title">
                {post.title}
              </Link>
              <div className="similar-posts__meta subtle">
                <StatusBadge status={post.status} />
                <span data-testid="similar-vote-count">{pluralize(post.voteCount, 'vote')}</span>
                <span>{post.board.name}</span>
              </div>
            </div>
            <Button
              size="sm"
              variant={post.hasVoted ? 'ghost' : 'secondary'}
              data-testid="similar-vote-button"
              disabled={post.hasVoted}
              isLoading={votingId === post.id}
              onClick={() => voteInstead(post)}
            >
              {post.hasVoted ? 'You voted' : 'Vote for this instead'}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
