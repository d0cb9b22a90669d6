import { useState } from 'react';
import { deleteComment, listComments } from '../../api/comments.ts';
import type { Comment } from '../../api/types.ts';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import './comments.css';

type CommentThreadProps = {
  postId: string;
  canComment: boolean;
  canCommentInternal: boolean;
  canModerate: boolean;
  onCountChange?: (delta: number) => void;
};

// Comments are threaded one level deep: replies hang off top-level comments only.
export function CommentThread({ postId, canComment, canCommentInternal, canModerate, onCountChange }: CommentThreadProps) {
  const { data, error, isLoading, setData, reload } = useAsync(
    (signal) => listComments(postId, signal).then((page) => page.items),
    [postId],
  );
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Comment | null>(null);
  const comments = data ?? [];
  const ids = new Set(comments.map((comment) => comment.id));
  const roots = comments.filter((comment) => !comment.parentId || !ids.has(comment.parentId));
  const repliesTo = (id: string) => comments.filter((comment) => comment.parentId === id);
  const visibleCount = comments.filter((comment) => !comment.deletedAt).length;

  const addComment = (comment: Comment) => {
    setData((current) => [...(current ?? []), comment]);
    setReplyingTo(null);
    onCountChange?.(1);
  };

  const removeComment = async (comment: Comment) => {
    await deleteComment(comment.id);
    const deletedAt = new Date().toISOString();
    setData((current) => (current ?? []).map((item) => (item.id === comment.id ? { ...item, deletedAt } : item)));
    onCountChange?.(-1);
  };

  const actionsFor = (comment: Comment, isRoot: boolean) => (
    <>
      {/* a comment from a merged post stays on that post: replies to it are not taken here */}
      {isRoot && canComment && !comment.deletedAt && !comment.origin ? (
        <Button variant="ghost" size="sm" onClick={() => setReplyingTo(comment.id)} aria-expanded={replyingTo === comment.id}>
          Reply
        </Button>
      ) : null}
      {canModerate && !comment.deletedAt ? (
        <Button variant="ghost" size="sm" onClick={() => setDeleting(comment)}>
          Delete
        </Button>
      ) : null}
    </>
  );

  return (
    <section className="comment-thread" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="comment-thread__heading">
        Comments {data ? <span className="subtle">({visibleCount})</span> : null}
      </h2>
      {canComment ? (
        <CommentForm postId={postId} canCommentInternal={canCommentInternal} onCreated={addComment} />
      ) : null}
      {isLoading && !data ? <LoadingBlock label="Loading comments…" /> : null}
      {error ? (
        <Alert>
          Comments could not be loaded. {describeError(error)}{' '}
          <Button size="sm" variant="ghost" onClick={reload}>
            Retry
          </Button>
        </Alert>
      ) : null}
      {data && comments.length === 0 ? <p className="muted comment-thread__empty">No comments yet. Start the conversation.</p> : null}
      <ol className="comment-list">
        {roots.map((root) => (
          <li key={root.id}>
            <CommentItem comment={root} actions={actionsFor(root, true)}>
              {repliesTo(root.id).length > 0 || replyingTo === root.id ? (
                <ol className="comment-list comment-list--replies">
                  {repliesTo(root.id).map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} actions={actionsFor(reply, false)} />
                    </li>
                  ))}
                  {replyingTo === root.id ? (
                    <li>
                      <CommentForm
                        postId={postId}
                        parent={root}
                        canCommentInternal={canCommentInternal}
                        onCreated={addComment}
                        onCancel={() => setReplyingTo(null)}
                      />
                    </li>
                  ) : null}
                </ol>
              ) : null}
            </CommentItem>
          </li>
        ))}
      </ol>
      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete comment?"
        message="The comment will be replaced by “This comment was deleted.” Replies stay visible."
        confirmLabel="Delete comment"
        onConfirm={() => (deleting ? removeComment(deleting) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
