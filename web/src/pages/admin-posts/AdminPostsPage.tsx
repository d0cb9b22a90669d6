import { useCallback, useMemo } from 'react';
import { Outlet, useLocation, useMatch } from 'react-router';
import { listBoards } from '../../api/boards.ts';
import { listPosts } from '../../api/posts.ts';
import { listStatuses, listTags } from '../../api/taxonomy.ts';
import type { PostSummary, TeamPostSort } from '../../api/types.ts';
import { useAsync } from '../../lib/use-async.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { useSearchParamState } from '../../lib/use-search-param-state.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListStates } from '../../ui/ListStates.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import type { AdminPostsContext } from './admin-posts-context.ts';
import { AdminPostFilters } from './AdminPostFilters.tsx';
import type { AdminPostFilterValues } from './AdminPostFilters.tsx';
import { AdminPostRow } from './AdminPostRow.tsx';
import { RetryAlert } from '../../ui/RetryAlert.tsx';
import './admin-posts.css';

const defaults: AdminPostFilterValues = { board: '', status: '', tag: '', q: '', deleted: '', sort: 'new' };
const sorts: TeamPostSort[] = ['new', 'top', 'trending', 'demand'];

export function AdminPostsPage() {
  const [filters, setFilters] = useSearchParamState(defaults);
  const { search } = useLocation();
  const activeMatch = useMatch('/admin/posts/:postId');
  const lookups = useAsync(async (signal) => {
    const [boards, statuses, tags] = await Promise.all([listBoards(signal), listStatuses(signal), listTags(signal)]);
    return { boards: boards.items, statuses: statuses.items, tags: tags.items };
  }, []);
  const includeDeleted = filters.deleted === '1';
  const sort = sorts.includes(filters.sort as TeamPostSort) ? (filters.sort as TeamPostSort) : 'new';
  const posts = usePagedList<PostSummary>(
    (cursor, signal) =>
      listPosts(
        { boardId: filters.board, status: filters.status, tag: filters.tag, q: filters.q, includeDeleted, sort, limit: 50, cursor },
        signal,
      ),
    [filters.board, filters.status, filters.tag, filters.q, includeDeleted, sort],
  );

  const { setItems } = posts;
  const onPostChanged = useCallback(
    (changed: PostSummary) =>
      setItems((items) =>
        items
          .map((item) => (item.id === changed.id ? { ...item, ...changed } : item))
          // a post merged from the drawer becomes a stub, and stubs are not listed
          .filter((item) => (includeDeleted || !item.deletedAt) && !('mergedInto' in item && item.mergedInto)),
      ),
    [setItems, includeDeleted],
  );

  const context = useMemo<AdminPostsContext>(
    () => ({
      boards: lookups.data?.boards ?? [],
      statuses: lookups.data?.statuses ?? [],
      tags: lookups.data?.tags ?? [],
      closePath: `/admin/posts${search}`,
      onPostChanged,
    }),
    [lookups.data, search, onPostChanged],
  );
  const isFiltered = Boolean(filters.board || filters.status || filters.tag || filters.q);

  return (
    <>
      <AdminPageHeader title="Posts" description="Triage feedback from every board: update statuses, tag, merge votes and reply." />
      <section className="card admin-posts" aria-label="Posts">
        <AdminPostFilters
          values={filters}
          boards={lookups.data?.boards ?? []}
          statuses={lookups.data?.statuses ?? []}
          tags={lookups.data?.tags ?? []}
          onChange={setFilters}
        />
        <ListStates
          state={posts}
          count={posts.items.length}
          loadingLabel="Loading posts…"
          error={
            <div className="admin-posts__error">
              <RetryAlert error={posts.error} onRetry={posts.reload} />
            </div>
          }
          empty={
            <EmptyState
              title={isFiltered ? 'No posts match these filters' : 'No posts yet'}
              description={isFiltered ? 'Try a different search or clear the filters.' : 'Feedback submitted on your boards shows up here.'}
              action={isFiltered ? <Button onClick={() => setFilters({ board: '', status: '', tag: '', q: '' })}>Clear filters</Button> : null}
            />
          }
          pages={posts}
        >
          <ul className="admin-post-list" data-loading={posts.isLoading || undefined}>
            {posts.items.map((post) => (
              <AdminPostRow key={post.id} post={post} search={search} isActive={activeMatch?.params.postId === post.id} />
            ))}
          </ul>
        </ListStates>
      </section>
      <Outlet context={context} />
    </>
  );
}
