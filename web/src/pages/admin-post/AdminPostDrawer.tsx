import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { getPost } from '../../api/posts.ts';
import type { Post, VoteResult } from '../../api/types.ts';
import { CommentThread } from '../../features/comments/CommentThread.tsx';
import { DemandPanel } from '../../features/demand/DemandPanel.tsx';
import { NotifiedSummary } from '../../features/notifications/NotifiedSummary.tsx';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { StatusChangeForm } from '../../features/posts/StatusChangeForm.tsx';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime, pluralize } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useAdminPostsContext } from '../admin-posts/admin-posts-context.ts';
import { EditPostForm } from './EditPostForm.tsx';
import { MergePanel } from './MergePanel.tsx';
import { PostLifecycle } from './PostLifecycle.tsx';
import { PostTagsForm } from './PostTagsForm.tsx';
import { VoteOnBehalfForm } from './VoteOnBehalfForm.tsx';
import { VotersList } from './VotersList.tsx';
import './admin-post.css';

export function AdminPostDrawer() {
  const { postId = '' } = useParams();
  const navigate = useNavigate();
  const context = useAdminPostsContext();
  const { data, error, setData } = useAsync((signal) => getPost(postId, signal), [postId]);
  const [votersVersion, setVotersVersion] = useState(0);
  const post = data?.id === postId ? data : undefined;

  const onSaved = (saved: Post) => {
    setData(saved);
    context.onPostChanged(saved);
  };
  const { search } = useLocation();
  // the merged post leaves the list (a stub is not listed); the drawer moves on to the target
  const onMerged = (target: Post) => {
    if (post) {
      const stub: Post = { ...post, mergedInto: { id: target.id, title: target.title } };
      context.onPostChanged(stub);
    }
    context.onPostChanged(target);
    navigate(`/admin/posts/${target.id}${search}`);
  };
  const onUnmerged = (restored: Post) => {
    onSaved(restored);
    setVotersVersion((version) => version + 1);
  };
  const onVotesChanged = (result: VoteResult) => {
    if (!post) return;
    onSaved({ ...post, voteCount: result.voteCount });
  };

  return (
    <Modal
      isOpen
      variant="drawer"
      onClose={() => navigate(context.closePath)}
      title={post?.title ?? 'Post'}
      description={
        post ? (
          <span className="row">
            <StatusBadge status={post.status} />
            {post.deletedAt ? <Badge color="var(--danger)">Deleted</Badge> : null}
            <span>
              {post.board.name} · {post.author?.name ?? 'Unknown author'} · {formatDateTime(post.createdAt)}
            </span>
          </span>
        ) : undefined
      }
      testId="admin-post-drawer"
    >
      {error ? <Alert title="This post could not be loaded">{describeError(error)}</Alert> : null}
      {!post && !error ? <LoadingBlock label="Loading post…" /> : null}
      {post ? (
        <div className="admin-post">
          <p className="admin-post__links">
            <Link to={`/p/${post.id}`}>View on portal ↗</Link>
            <span className="subtle">
              {pluralize(post.voteCount, 'vote')} · {pluralize(post.commentCount, 'comment')} · via {post.source}
            </span>
          </p>
          <section className="admin-post__section" aria-labelledby="drawer-demand">
            <h3 id="drawer-demand" className="admin-post__heading">
              Demand
            </h3>
            <DemandPanel postId={post.id} refreshKey={`${votersVersion}:${post.voteCount}`} />
          </section>
          <section className="admin-post__section" aria-labelledby="drawer-merge">
            <h3 id="drawer-merge" className="admin-post__heading">
              Duplicates
            </h3>
            <MergePanel post={post} search={search} onMerged={onMerged} onUnmerged={onUnmerged} />
          </section>
          {/* a merged post is a read-only stub: no triage until it is unmerged */}
          {post.mergedInto ? null : (
          <>
          <section className="admin-post__section" aria-labelledby="drawer-status">
            <h3 id="drawer-status" className="admin-post__heading">
              Status
            </h3>
            <StatusChangeForm key={`${post.id}:${post.status.id}`} post={post} statuses={context.statuses} onSaved={onSaved} />
          </section>
          <section className="admin-post__section" aria-labelledby="drawer-tags">
            <h3 id="drawer-tags" className="admin-post__heading">
              Tags
            </h3>
            <PostTagsForm key={post.id} post={post} tags={context.tags} onSaved={onSaved} />
          </section>
          <section className="admin-post__section" aria-labelledby="drawer-edit">
            <h3 id="drawer-edit" className="admin-post__heading">
              Content
            </h3>
            <EditPostForm key={post.id} post={post} boards={context.boards} onSaved={onSaved} />
          </section>
          </>
          )}
          <section className="admin-post__section" aria-labelledby="drawer-notified">
            <h3 id="drawer-notified" className="admin-post__heading">
              Notified
            </h3>
            <NotifiedSummary postId={post.id} refreshKey={`${post.status.id}:${post.commentCount}`} />
          </section>
          <section className="admin-post__section" aria-labelledby="drawer-votes">
            <h3 id="drawer-votes" className="admin-post__heading">
              Voters <span className="subtle">({post.voteCount})</span>
            </h3>
            {/* votes on a merged post are cast on its target: add them there */}
            {post.mergedInto ? null : (
              <VoteOnBehalfForm
                postId={post.id}
                onVoted={(result) => {
                  onVotesChanged(result);
                  setVotersVersion((version) => version + 1);
                }}
              />
            )}
            <VotersList postId={post.id} refreshKey={votersVersion} onVoteRemoved={onVotesChanged} mergedPosts={post.mergedPosts} canRemove={!post.mergedInto} />
          </section>
          <section className="admin-post__section">
            <CommentThread
              postId={post.id}
              canComment={post.can.comment}
              canCommentInternal={post.can.comment_internal}
              canModerate
              onCountChange={(delta) => onSaved({ ...post, commentCount: post.commentCount + delta })}
            />
          </section>
          <section className="admin-post__section" aria-labelledby="drawer-danger">
            <h3 id="drawer-danger" className="admin-post__heading">
              {post.deletedAt ? 'Restore' : 'Delete'}
            </h3>
            <PostLifecycle post={post} onSaved={onSaved} />
          </section>
        </div>
      ) : null}
    </Modal>
  );
}
