import { useState } from 'react';
import { listVotes, removeVote } from '../../api/votes.ts';
import type { MergedPost, Vote, VoteResult } from '../../api/types.ts';
import { defaultImportance, describeImportance, importanceColor } from '../../features/votes/importance.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';

type VotersListProps = {
  postId: string;
  refreshKey: number;
  onVoteRemoved: (result: VoteResult) => void;
  /** Posts merged into this one: voters who came from one of them say so. */
  mergedPosts?: MergedPost[];
  /** False on a merged post (read-only: its voters are taken back on the post it was merged into). */
  canRemove?: boolean;
};

export function VotersList({ postId, refreshKey, onVoteRemoved, mergedPosts = [], canRemove = true }: VotersListProps) {
  const mergedTitle = (id: string) => mergedPosts.find((merged) => merged.id === id)?.title ?? 'a merged post';
  const voters = usePagedList<Vote>((cursor, signal) => listVotes(postId, cursor, signal), [postId, refreshKey]);
  const [removing, setRemoving] = useState<Vote | null>(null);

  const remove = async (vote: Vote) => {
    const result = await removeVote(postId, vote.person.email);
    voters.setItems((items) => items.filter((item) => item.id !== vote.id));
    onVoteRemoved(result);
  };

  if (voters.isLoading && voters.items.length === 0) return <LoadingBlock label="Loading voters…" />;
  if (voters.error) return <Alert>{describeError(voters.error)}</Alert>;
  if (voters.items.length === 0) return <p className="subtle">Nobody has voted yet.</p>;

  return (
    <>
      <ul className="voter-list" data-testid="voters-list">
        {voters.items.map((vote) => (
          <li key={vote.id} className="voter">
            <div className="voter__main">
              <span className="voter__name">{vote.person.name || vote.person.email}</span>
              <span className="subtle voter__detail">
                {vote.person.email}
                {vote.person.company ? ` · ${vote.person.company.name}` : ''}
                {' · '}
                {formatRelativeTime(vote.createdAt)}
                {vote.votedBy ? ` · added by ${vote.votedBy.name}` : ''}
                {vote.viaPostId ? ` · via “${mergedTitle(vote.viaPostId)}”` : ''}
              </span>
            </div>
            {vote.importance !== defaultImportance ? (
              <Badge color={importanceColor(vote.importance)}>{describeImportance(vote.importance)}</Badge>
            ) : null}
            {canRemove ? (
              <Button variant="ghost" size="sm" onClick={() => setRemoving(vote)} aria-label={`Remove vote by ${vote.person.email}`}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {voters.hasMore ? (
        <Button size="sm" onClick={voters.loadMore} isLoading={voters.isLoadingMore}>
          Show more voters
        </Button>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title="Remove this vote?"
        message={
          removing
            ? `${removing.person.email} will no longer be counted as a voter${mergedPosts.length ? ' (their votes on the merged posts go too)' : ''}.`
            : ''
        }
        confirmLabel="Remove vote"
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
