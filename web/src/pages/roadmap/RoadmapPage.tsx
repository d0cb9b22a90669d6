import { useId, useState } from 'react';
import { listBoards } from '../../api/boards.ts';
import { isApiError } from '../../api/client.ts';
import { getRoadmap, type RoadmapKind } from '../../api/roadmap.ts';
import { usePageTitle } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSearchParamState } from '../../lib/use-search-param-state.ts';
import { Select } from '../../ui/Select.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { RoadmapColumn } from './RoadmapColumn.tsx';
import { RetryAlert } from '../../ui/RetryAlert.tsx';
import './roadmap-page.css';

const filterDefaults = { board: '' };

export function RoadmapPage() {
  const [filters, setFilters] = useSearchParamState(filterDefaults);
  const toast = useToast();
  const selectId = useId();
  const boards = useAsync((signal) => listBoards(signal).then((page) => page.items), []);
  const roadmap = useAsync(
    (signal) => getRoadmap({ boardId: filters.board || undefined }, signal).then((data) => ({ board: filters.board, data })),
    [filters.board],
  );
  const [loadingKind, setLoadingKind] = useState<RoadmapKind | null>(null);
  usePageTitle('Roadmap');

  const current = roadmap.data?.board === filters.board ? roadmap.data.data : undefined;

  const loadMore = async (kind: RoadmapKind, cursor: string) => {
    setLoadingKind(kind);
    try {
      const next = await getRoadmap({ boardId: filters.board || undefined, cursor });
      const more = next.columns.find((column) => column.kind === kind);
      if (!more) return;
      roadmap.setData((previous) =>
        previous && previous.board === filters.board
          ? {
              ...previous,
              data: {
                ...previous.data,
                columns: previous.data.columns.map((column) =>
                  column.kind === kind ? { ...column, items: [...column.items, ...more.items], nextCursor: more.nextCursor } : column,
                ),
              },
            }
          : previous,
      );
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    } finally {
      setLoadingKind(null);
    }
  };

  if (isApiError(roadmap.error, 404)) return <NotFoundPage what="board" />;

  return (
    <>
      <header className="page-header roadmap-page__header">
        <div>
          <h1 className="page-header__title">Roadmap</h1>
          <p className="page-header__lead">What we are planning, building and have recently shipped. Vote for what matters to you.</p>
        </div>
        {boards.data && boards.data.length > 1 ? (
          <div className="roadmap-page__filter">
            <label htmlFor={selectId} className="visually-hidden">
              Board
            </label>
            <Select
              id={selectId}
              value={filters.board}
              data-testid="roadmap-board-filter"
              onChange={(event) => setFilters({ board: event.target.value })}
            >
              <option value="">All boards</option>
              {boards.data.map((board) => (
                <option key={board.id} value={board.slug}>
                  {board.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
      </header>
      {roadmap.error ? (
        <RetryAlert title="The roadmap could not be loaded" error={roadmap.error} onRetry={roadmap.reload} />
      ) : null}
      {!current && !roadmap.error ? <LoadingBlock label="Loading the roadmap…" /> : null}
      {current ? (
        <div className="roadmap-board">
          {current.columns.map((column) => (
            <RoadmapColumn
              key={column.kind}
              column={column}
              showBoard={!current.board}
              isLoadingMore={loadingKind === column.kind}
              onLoadMore={() => column.nextCursor && void loadMore(column.kind, column.nextCursor)}
            />
          ))}
        </div>
      ) : null}
    </>
  );
}
