import { useSearchParams, useParams } from 'react-router';
import { getBoard } from '../../api/boards.ts';
import { isApiError } from '../../api/client.ts';
import { listPosts } from '../../api/posts.ts';
import { listStatuses, listTags } from '../../api/taxonomy.ts';
import type { Post, PostSummary } from '../../api/types.ts';
import { usePageTitle } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LockIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { BoardToolbar } from './BoardToolbar.tsx';
import { PostFeed } from './PostFeed.tsx';
import { SubmitFeedbackCard } from './SubmitFeedbackCard.tsx';
import { useBoardFilters } from './use-board-filters.ts';
import './board-page.css';

const pageSize = 20;

export function BoardPage() {
  const { boardSlug = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const [filters, setFilters] = useBoardFilters();
  const toast = useToast();
  const boardState = useAsync(
    (signal) => getBoard(boardSlug, signal).then((board) => ({ requested: boardSlug, board })),
    [boardSlug],
  );
  const taxonomy = useAsync(
    async (signal) => {
      const [statuses, tags] = await Promise.all([listStatuses(signal), listTags(signal)]);
      return { statuses: statuses.items, tags: tags.items };
    },
    [],
  );
  // Only the board this URL asked for: while switching boards the previous one is not shown.
  const board = boardState.data?.requested === boardSlug ? boardState.data.board : undefined;
  const boardId = board?.id;
  const posts = usePagedList<PostSummary>(
    (cursor, signal) =>
      boardId
        ? listPosts(
            { boardId, sort: filters.sort, status: filters.status, tag: filters.tag, q: filters.q, limit: pageSize, cursor },
            signal,
          )
        : Promise.resolve({ items: [], nextCursor: null }),
    [boardId, filters.sort, filters.status, filters.tag, filters.q],
  );
  usePageTitle(board?.name ?? 'Board');

  if (isApiError(boardState.error, 404)) return <NotFoundPage what="board" />;
  if (boardState.error) return <Alert title="This board could not be loaded">{describeError(boardState.error)}</Alert>;
  if (!board) return <LoadingBlock label="Loading board…" />;

  // ?submit=1 (the magic-link return address) opens the form once; closing it must not reopen it on reload.
  const clearSubmitParam = () => {
    if (!searchParams.has('submit')) return;
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('submit');
        return next;
      },
      { replace: true },
    );
  };

  const onCreated = (post: Post) => {
    posts.setItems((items) => [post, ...items.filter((item) => item.id !== post.id)]);
    toast.show({ tone: 'success', message: 'Thanks! Your feedback was posted.', action: { label: 'View', to: `/p/${post.id}` } });
  };

  return (
    <>
      <header className="page-header">
        <div className="row">
          <h1 className="page-header__title">{board.name}</h1>
          {board.visibility === 'private' ? (
            <Badge title="Only visible to the team">
              <LockIcon size={11} /> Private
            </Badge>
          ) : null}
        </div>
        {board.description ? <p className="page-header__lead">{board.description}</p> : null}
      </header>
      <div className="board-layout">
        <aside className="board-layout__aside">
          <SubmitFeedbackCard
            board={board}
            isInitiallyOpen={searchParams.has('submit')}
            onCreated={onCreated}
            onClosed={clearSubmitParam}
          />
        </aside>
        <section className="board-layout__main card" aria-label="Posts">
          <BoardToolbar
            filters={filters}
            statuses={taxonomy.data?.statuses ?? []}
            tags={taxonomy.data?.tags ?? []}
            onChange={setFilters}
          />
          <PostFeed
            list={posts}
            isFiltered={Boolean(filters.q || filters.status || filters.tag)}
            onClearFilters={() => setFilters({ q: '', status: '', tag: '' })}
          />
        </section>
      </div>
    </>
  );
}
