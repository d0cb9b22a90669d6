import { useEffect } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { getPost } from '../../api/posts.ts';
import { CommentThread } from '../../features/comments/CommentThread.tsx';
import { FollowButton } from '../../features/notifications/FollowButton.tsx';
import { PostActivitySparkline } from '../../features/demand/PostActivitySparkline.tsx';
import { SanitizedHtml } from '../../features/content/SanitizedHtml.tsx';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { VoteButton } from '../../features/votes/VoteButton.tsx';
import { describeError } from '../../lib/form-errors.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ArrowLeftIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { PostDetails } from './PostDetails.tsx';
import { StatusHistory } from './StatusHistory.tsx';
import { TeamPanel } from './TeamPanel.tsx';
import './post-page.css';

export function PostPage() {
  const { postId = '' } = useParams();
  const { isSignedIn, isMember } = useSession();
  const { data: post, error, setData } = useAsync((signal) => getPost(postId, signal), [postId]);
  usePageTitle(post?.title ?? 'Post');
  const { hash, state } = useLocation();
  const mergedFrom = (state as { mergedFrom?: string } | null)?.mergedFrom;
  const isLoaded = post?.id === postId;

  // Links to "#comments" (the comment count on a board) land on the thread once the post is rendered.
  useEffect(() => {
    if (isLoaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [isLoaded, hash]);

  if (isApiError(error, 404)) return <NotFoundPage what="post" />;
  if (error) return <Alert title="This post could not be loaded">{describeError(error)}</Alert>;
  if (!post || post.id !== postId) return <LoadingBlock label="Loading post…" />;
  // a merged post lives on in the post it was merged into: follow it there, saying where the reader came from
  if (post.mergedInto?.title) return <Navigate to={`/p/${post.mergedInto.id}`} replace state={{ mergedFrom: post.title }} />;

  // Visitors who are not signed in still see the controls: using them asks who they are first.
  const canVote = post.can.vote || !isSignedIn;
  const canComment = post.can.comment || !isSignedIn;

  return (
    <>
      <Link to={`/b/${post.board.slug}`} className="back-link">
        <ArrowLeftIcon size={14} /> {post.board.name}
      </Link>
      {mergedFrom ? (
        <div className="post-page__notice" data-testid="merged-from-notice">
          <Alert tone="info">“{mergedFrom}” was merged into this post: its votes and comments count here.</Alert>
        </div>
      ) : null}
      {post.mergedInto ? (
        <div className="post-page__notice" data-testid="merged-into-notice">
          <Alert tone="info">This post was merged into another post and is closed.</Alert>
        </div>
      ) : null}
      {post.deletedAt ? (
        <div className="post-page__notice">
          <Alert tone="warning">This post was deleted and is only visible to the team.</Alert>
        </div>
      ) : null}
      <div className="post-layout">
        <div className="post-layout__main">
          <article className="card post-card" aria-labelledby="post-title">
            <div className="post-card__head">
              <VoteButton
                postId={post.id}
                postTitle={post.title}
                voteCount={post.voteCount}
                hasVoted={post.hasVoted}
                size="lg"
                isDisabled={!canVote}
                onVoted={(result) => setData((current) => (current ? { ...current, ...result } : current))}
              />
              <div className="post-card__heading">
                <h1 id="post-title" className="post-card__title" data-testid="post-title">
                  {post.title}
                </h1>
                <p className="post-card__meta">
                  <StatusBadge status={post.status} />
                  <span className="subtle">
                    {post.author ? `${post.author.name} · ` : ''}
                    <time dateTime={post.createdAt}>{formatRelativeTime(post.createdAt)}</time>
                  </span>
                </p>
              </div>
            </div>
            {post.bodyHtml ? (
              <SanitizedHtml html={post.bodyHtml} className="post-card__body" />
            ) : (
              <p className="subtle post-card__body">No details were added.</p>
            )}
          </article>
          <div className="card post-comments">
            <CommentThread
              postId={post.id}
              canComment={canComment}
              canCommentInternal={post.can.comment_internal}
              canModerate={isMember}
              onCountChange={(delta) =>
                setData((current) => (current ? { ...current, commentCount: current.commentCount + delta } : current))
              }
            />
          </div>
        </div>
        <aside className="post-layout__aside">
          {post.can.changeStatus ? <TeamPanel post={post} onSaved={setData} /> : null}
          <section className="card post-aside-card" aria-label="Details">
            <PostDetails post={post} />
            <FollowButton postId={post.id} />
          </section>
          <section className="card post-aside-card" aria-labelledby="votes-over-time-title">
            <h2 id="votes-over-time-title" className="post-aside-card__title">
              Votes over time
            </h2>
            <PostActivitySparkline postId={post.id} refreshKey={post.voteCount} />
          </section>
          <section className="card post-aside-card" aria-labelledby="history-title">
            <h2 id="history-title" className="post-aside-card__title">
              Activity
            </h2>
            <StatusHistory history={post.history} />
          </section>
        </aside>
      </div>
    </>
  );
}
