import { useState } from 'react';
import { deletePost, restorePost } from '../../api/posts.ts';
import type { Post } from '../../api/types.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useToast } from '../../ui/Toast.tsx';

type PostLifecycleProps = { post: Post; onSaved: (post: Post) => void };

// Deleting is soft: the post disappears from the portal and can be restored here.
export function PostLifecycle({ post, onSaved }: PostLifecycleProps) {
  const toast = useToast();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isRestoring, setIsRestoring] = useState(false);

  const restore = async () => {
    setIsRestoring(true);
    try {
      onSaved(await restorePost(post.id));
      toast.show({ tone: 'success', message: 'Post restored' });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    } finally {
      setIsRestoring(false);
    }
  };

  const remove = async () => {
    await deletePost(post.id);
    onSaved({ ...post, deletedAt: new Date().toISOString() });
    toast.show({ message: 'Post deleted' });
  };

  if (post.deletedAt) {
    return (
      <div className="row">
        <p className="muted">This post is deleted and hidden from the portal.</p>
        <Button onClick={restore} isLoading={isRestoring} data-testid="restore-post-button">
          Restore post
        </Button>
      </div>
    );
  }
  return (
    <>
      <div className="row">
        <p className="muted">Hide this post from the portal. You can restore it later.</p>
        <Button variant="danger" size="sm" onClick={() => setIsConfirming(true)} disabled={!post.can.delete} data-testid="delete-post-button">
          Delete post
        </Button>
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title="Delete this post?"
        message={`“${post.title}” will be hidden from the portal. Votes and comments are kept, and you can restore it from the posts list with “Include deleted”.`}
        confirmLabel="Delete post"
        onConfirm={remove}
        onClose={() => setIsConfirming(false)}
      />
    </>
  );
}
