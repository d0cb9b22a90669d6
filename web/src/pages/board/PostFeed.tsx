import type { PostSummary, VoteResult } from '../../api/types.ts';
import { PostRow } from '../../features/posts/PostRow.tsx';
import { describeError } from '../../lib/form-errors.ts';
import type { PagedList } from '../../lib/use-paged-list.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { RetryAlert } from '../../ui/RetryAlert.tsx';

type PostFeedProps = { list: PagedList<PostSummary>; isFiltered: boolean; onClearFilters: () => void };

export function PostFeed({ list, isFiltered, onClearFilters }: PostFeedProps) {
  const onVoted = (postId: string, result: VoteResult) => {
    list.setItems((items) => items.map((post) => (post.id === postId ? { ...post, ...result } : post)));
  };

  if (list.isLoading && list.items.length === 0) return <LoadingBlock label="Loading posts…" />;
  if (list.error && list.items.length === 0) {
    return (
      <div className="post-feed__error">
        <RetryAlert title="Posts could not be loaded" error={list.error} onRetry={list.reload} />
      </div>
    );
  }
  if (list.items.length === 0) {
    return isFiltered ? (
      <EmptyState
        title="No posts match"
        description="Try another search or clear the filters."
        action={<Button onClick={onClearFilters}>Clear filters</Button>}
      />
    ) : (
      <EmptyState title="No feedback yet" description="Be the first to share an idea on this board." />
    );
  }
  return (
    <>
      <ul className="post-list" aria-busy={list.isLoading} data-loading={list.isLoading || undefined}>
        {list.items.map((post) => (
          <PostRow key={post.id} post={post} onVoted={onVoted} />
        ))}
      </ul>
      {list.error ? (
        <div className="post-feed__error">
          <Alert>{describeError(list.error)}</Alert>
        </div>
      ) : null}
      {list.hasMore ? (
        <div className="post-feed__more">
          <Button onClick={list.loadMore} isLoading={list.isLoadingMore} data-testid="load-more-button">
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}
