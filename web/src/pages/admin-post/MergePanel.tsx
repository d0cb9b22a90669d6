import { useState } from 'react';
import { Link } from 'react-router';
import { unmergePost } from '../../api/merges.ts';
import type { Post } from '../../api/types.ts';
import { formatDateTime, pluralize } from '../../lib/format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import './merge.css';

type MergePanelProps = {
  post: Post;
  /** Query string of the posts list, kept when the drawer moves to another post. */
  search: string;
  onMerged: (target: Post) => void;
  onUnmerged: (post: Post) => void;
};

// Merging a duplicate and undoing it (README "Merging duplicates"). A merged post shows where it
// went and the way back; any other post the way in and the posts already merged into it.
export function MergePanel({ post, search, onMerged, onUnmerged }: MergePanelProps) {
  const toast = useToast();
  const [isChoosing, setIsChoosing] = useState(false);
  const [isConfirmingUnmerge, setIsConfirmingUnmerge] = useState(false);

  const unmerge = async () => {
    const restored = await unmergePost(post.id);
    toast.show({ tone: 'success', message: 'Post unmerged: it stands on its own again' });
    onUnmerged(restored);
  };

  const merge = post.merges.find((entry) => entry.sourceId === post.id && !entry.undoneAt);
  return (
    <>
      {post.mergedInto ? (
        <div className="stack">
          <Alert tone="info" title="Merged">
            This post was merged into{' '}
            <Link to={`/admin/posts/${post.mergedInto.id}${search}`}>{post.mergedInto.title ?? 'another post'}</Link>
            {merge ? ` by ${merge.actor?.name ?? 'the team'} on ${formatDateTime(merge.createdAt)}` : ''}. Its votes and comments
            count there; it is read-only until you unmerge it.
          </Alert>
          <div className="row">
            <Button onClick={() => setIsConfirmingUnmerge(true)} disabled={!post.can.unmerge} data-testid="unmerge-button">
              Unmerge
            </Button>
          </div>
        </div>
      ) : (
        <div className="row">
          <p className="muted">A duplicate? Merge it: its voters and comments count on the other post.</p>
          <Button size="sm" onClick={() => setIsChoosing(true)} disabled={!post.can.merge} data-testid="merge-button">
            Merge into…
          </Button>
        </div>
      )}
      {post.mergedPosts.length > 0 ? (
        <div className="stack">
          <p className="subtle">Merged into this post ({post.mergedPosts.length}):</p>
          <ul className="merged-posts" data-testid="merged-posts-list">
            {post.mergedPosts.map((merged) => (
              <li key={merged.id} className="merged-posts__item" data-testid="merged-post">
                <Link to={`/admin/posts/${merged.id}${search}`}>{merged.title}</Link>
                <span className="subtle">
                  {pluralize(merged.voteCount, 'vote')} · {pluralize(merged.commentCount, 'comment')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <MergeDialog
        post={post}
        isOpen={isChoosing}
        onClose={() => setIsChoosing(false)}
        onMerged={(target) => {
          setIsChoosing(false);
          toast.show({ tone: 'success', message: `Merged into “${target.title}”` });
          onMerged(target);
        }}
      />
      <ConfirmDialog
        isOpen={isConfirmingUnmerge}
        title="Unmerge this post?"
        message={`“${post.title}” gets back its status and its own place on the board; its votes and comments stop counting on the other post.`}
        confirmLabel="Unmerge"
        tone="primary"
        onConfirm={unmerge}
        onClose={() => setIsConfirmingUnmerge(false)}
      />
    </>
  );
}
