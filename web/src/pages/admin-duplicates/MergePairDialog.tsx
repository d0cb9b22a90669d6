import { useState } from 'react';
import type { DuplicatePair, DuplicatePost } from '../../api/similar.ts';
import type { Post } from '../../api/types.ts';
import { cx } from '../../lib/class-names.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDate, pluralize } from '../../lib/format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useMergePost } from '../admin-post/use-merge-post.ts';

type MergePairDialogProps = { pair: DuplicatePair | null; onClose: () => void; onMerged: (target: Post, sourceId: string) => void };

/** The post kept by default: the one with more votes, else the older (the original). */
function defaultKeep(pair: DuplicatePair): DuplicatePost {
  const { post, similarPost } = pair;
  if (post.voteCount !== similarPost.voteCount) return post.voteCount > similarPost.voteCount ? post : similarPost;
  return post.createdAt <= similarPost.createdAt ? post : similarPost;
}

// Merging a pair from the queue: choose which post lives on; the other becomes a stub pointing to
// it (POST /api/v1/posts/{id}/merge, the same merge as from the post page).
export function MergePairDialog({ pair, onClose, onMerged }: MergePairDialogProps) {
  const [keepId, setKeepId] = useState<string | null>(null);
  const { isMerging, error, merge: requestMerge, clearError } = useMergePost();
  if (!pair) return null;
  const keep = [pair.post, pair.similarPost].find((p) => p.id === keepId) ?? defaultKeep(pair);
  const source = keep.id === pair.post.id ? pair.similarPost : pair.post;

  const close = () => {
    setKeepId(null);
    clearError();
    onClose();
  };

  const merge = async () => {
    const target = await requestMerge(source.id, keep.id);
    if (!target) return;
    setKeepId(null);
    onMerged(target, source.id);
  };

  return (
    <Modal
      isOpen
      onClose={close}
      title="Merge these duplicates"
      description="Choose the post to keep. The other becomes a read-only stub pointing to it; its votes and comments count on the kept post. You can unmerge later."
      testId="duplicate-merge-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" onClick={merge} isLoading={isMerging} data-testid="duplicate-merge-confirm">
            Merge into “{keep.title}”
          </Button>
        </>
      }
    >
      <fieldset className="stack duplicate-keep">
        <legend className="subtle">Keep</legend>
        {[pair.post, pair.similarPost].map((candidate) => (
          <label key={candidate.id} className={cx('merge-option', 'duplicate-keep__option', candidate.id === keep.id && 'merge-option--selected')}>
            <span>
              <input
                type="radio"
                name="duplicate-keep"
                value={candidate.id}
                checked={candidate.id === keep.id}
                onChange={() => setKeepId(candidate.id)}
                data-testid="duplicate-keep-option"
              />{' '}
              <span className="merge-option__title">{candidate.title}</span>
            </span>
            <span className="subtle">
              {pluralize(candidate.voteCount, 'vote')} · {candidate.board.name} · posted {formatDate(candidate.createdAt)}
            </span>
          </label>
        ))}
      </fieldset>
      {error ? <Alert>{describeError(error)}</Alert> : null}
    </Modal>
  );
}
