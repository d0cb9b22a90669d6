import { useRef, useState } from 'react';
import { addVote, removeVote } from '../../api/votes.ts';
import type { VoteResult } from '../../api/types.ts';
import { cx } from '../../lib/class-names.ts';
import { describeError } from '../../lib/form-errors.ts';
import { ChevronUpIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useIdentity } from '../identity/IdentityProvider.tsx';
import { useSession } from '../session/session-context.ts';
import './vote-button.css';

type VoteButtonProps = {
  postId: string;
  postTitle: string;
  voteCount: number;
  hasVoted: boolean;
  size?: 'md' | 'lg';
  isDisabled?: boolean;
  onVoted?: (result: VoteResult) => void;
};

type VoteState = { count: number; voted: boolean };

// Optimistic toggle: the count moves at once and rolls back if the server refuses.
export function VoteButton({ postId, postTitle, voteCount, hasVoted, size = 'md', isDisabled, onVoted }: VoteButtonProps) {
  const { requestIdentity } = useIdentity();
  const { me } = useSession();
  const toast = useToast();
  const [state, setState] = useState<VoteState>({ count: voteCount, voted: hasVoted });
  const [seenProps, setSeenProps] = useState<VoteState>({ count: voteCount, voted: hasVoted });
  const [isPending, setIsPending] = useState(false);
  const pendingRef = useRef(false);

  // A parent that reloads the post passes new numbers; adopt them unless a vote is in flight.
  if (!isPending && (seenProps.count !== voteCount || seenProps.voted !== hasVoted)) {
    setSeenProps({ count: voteCount, voted: hasVoted });
    setState({ count: voteCount, voted: hasVoted });
  }

  const toggle = async () => {
    if (pendingRef.current || isDisabled) return;
    // A team member is not a customer: their votes are recorded for someone, from the admin.
    if (me.member && !me.person) {
      toast.show({
        message: 'Team members vote on behalf of a customer from the admin.',
        action: { label: 'Open in admin', to: `/admin/posts/${postId}` },
      });
      return;
    }
    pendingRef.current = true;
    try {
      const isIdentified = await requestIdentity('Add your name and email to vote — we will let you know when it ships.');
      if (!isIdentified) return;
      setIsPending(true);
      const previous = state;
      const willVote = !previous.voted;
      setState({ voted: willVote, count: Math.max(0, previous.count + (willVote ? 1 : -1)) });
      try {
        const result = willVote ? await addVote(postId) : await removeVote(postId);
        setState({ count: result.voteCount, voted: result.hasVoted });
        onVoted?.(result);
      } catch (error) {
        setState(previous);
        toast.show({ tone: 'error', message: `Your vote was not saved. ${describeError(error)}` });
      }
    } finally {
      pendingRef.current = false;
      setIsPending(false);
    }
  };

  return (
    <button
      type="button"
      className={cx('vote-button', `vote-button--${size}`, state.voted && 'vote-button--voted')}
      aria-pressed={state.voted}
      aria-label={`Upvote “${postTitle}”, ${state.count} ${state.count === 1 ? 'vote' : 'votes'}`}
      aria-busy={isPending || undefined}
      disabled={isDisabled}
      data-testid="vote-button"
      data-voted={state.voted ? 'true' : 'false'}
      onClick={toggle}
    >
      <ChevronUpIcon size={size === 'lg' ? 20 : 16} strokeWidth={2.5} />
      <span className="vote-button__count" data-testid="vote-count">
        {state.count.toLocaleString()}
      </span>
    </button>
  );
}
