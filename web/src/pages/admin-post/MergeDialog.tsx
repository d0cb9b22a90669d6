import { useState } from 'react';
import { listPosts } from '../../api/posts.ts';
import type { Post, PostSummary } from '../../api/types.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { cx } from '../../lib/class-names.ts';
import { describeError } from '../../lib/form-errors.ts';
import { pluralize } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useMergePost } from './use-merge-post.ts';

type MergeDialogProps = { post: Post; isOpen: boolean; onClose: () => void; onMerged: (target: Post) => void };

// Pick the post a duplicate belongs to: search by title (the posts list's `q=`), choose, confirm.
// Without a search it offers the top posts of the same board, where duplicates usually are.
export function MergeDialog({ post, isOpen, onClose, onMerged }: MergeDialogProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<PostSummary | null>(null);
  const { isMerging, error, merge: requestMerge, clearError } = useMergePost();
  const candidates = useAsync(
    (signal) =>
      isOpen
        ? listPosts(query ? { q: query, sort: 'top', limit: 8 } : { boardId: post.boardId, sort: 'top', limit: 8 }, signal)
        : Promise.resolve({ items: [], nextCursor: null }),
    [isOpen, query, post.boardId],
  );
  const options = (candidates.data?.items ?? []).filter((item) => item.id !== post.id);

  const close = () => {
    setSelected(null);
    clearError();
    setQuery('');
    onClose();
  };

  const merge = async () => {
    if (!selected) return;
    const target = await requestMerge(post.id, selected.id);
    if (!target) return;
    setSelected(null);
    setQuery('');
    onMerged(target);
  };

  return (
    <Modal
      isOpen={isOpen}
      onClose={close}
      title="Merge into another post"
      description={`“${post.title}” becomes a read-only stub that points to the post you choose.`}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" onClick={merge} isLoading={isMerging} disabled={!selected} data-testid="merge-confirm-button">
            Merge
          </Button>
        </>
      }
    >
      <div className="stack">
        <SearchInput label="Search posts by title" value={query} onSearch={setQuery} placeholder="Search posts by title…" testId="merge-search-input" />
        {candidates.isLoading && !candidates.data ? <LoadingBlock label="Searching…" /> : null}
        {candidates.error ? <Alert>{describeError(candidates.error)}</Alert> : null}
        {candidates.data && options.length === 0 ? <p className="subtle">No other post matches.</p> : null}
        <ul className="merge-options" aria-label="Posts to merge into">
          {options.map((option) => (
            <li key={option.id}>
              <button
                type="button"
                className={cx('merge-option', selected?.id === option.id && 'merge-option--selected')}
                aria-pressed={selected?.id === option.id}
                onClick={() => setSelected(option)}
                data-testid="merge-target-option"
              >
                <span className="merge-option__title">{option.title}</span>
                <span className="subtle merge-option__meta">
                  <StatusBadge status={option.status} /> {option.board.name} · {pluralize(option.voteCount, 'vote')}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {selected ? (
          <Alert tone="info" title={`Merge into “${selected.title}”?`}>
            The {pluralize(post.voteCount, 'vote')} and {pluralize(post.commentCount, 'comment')} of this post count on it
            (each person once), its tags are added there, and it leaves its board. Nothing is moved or deleted: you can
            unmerge at any time.
          </Alert>
        ) : null}
        {error ? <Alert>{describeError(error)}</Alert> : null}
      </div>
    </Modal>
  );
}
