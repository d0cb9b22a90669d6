import type { ReactNode } from 'react';
import type { PagedList } from '../../lib/use-paged-list.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { LoadError } from './LoadError.tsx';

type CollectionTableProps = {
  /** A `useAsync`/`useAdminCollection` result (`data` is its last result) or a `usePagedList` one (no `data`). */
  state: { data?: unknown; error: unknown; isLoading: boolean; reload: () => void };
  count: number;
  empty: { title: string; description: string };
  /** Column headings; unless `hasRowActions` is false, a last (actions) column is added, visually hidden. */
  columns: Array<{ label: ReactNode; className?: string }>;
  hasRowActions?: boolean;
  /** Filters above the table (a search field…). */
  toolbar?: ReactNode;
  /** A paged list: a "Load more" button below the table while there are more pages. */
  pages?: Pick<PagedList<unknown>, 'hasMore' | 'isLoadingMore' | 'loadMore'>;
  children: ReactNode;
};

// The card an admin list lives in: loading, error with retry, empty state, or the table.
export function CollectionTable({ state, count, empty, columns, hasRowActions = true, toolbar, pages, children }: CollectionTableProps) {
  // Something has loaded: `data` arrived (it stays while reloading), or a paged list's first page did.
  const hasLoaded = state.data !== undefined || (!state.isLoading && !state.error);
  const body = (
    <>
      {state.isLoading && !hasLoaded && count === 0 ? <LoadingBlock /> : null}
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {hasLoaded && count === 0 ? <EmptyState title={empty.title} description={empty.description} /> : null}
      {count > 0 ? (
        <table className="table">
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={column.className}>{column.label}</th>
              ))}
              {hasRowActions ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      ) : null}
    </>
  );
  const footer = pages?.hasMore ? (
    <div className="list-footer">
      <Button onClick={pages.loadMore} isLoading={pages.isLoadingMore}>
        Load more
      </Button>
    </div>
  ) : null;

  if (!toolbar) {
    return (
      <section className="card table-wrap">
        {body}
        {footer}
      </section>
    );
  }
  return (
    <section className="card">
      <div className="admin-filters">{toolbar}</div>
      <div className="table-wrap">{body}</div>
      {footer}
    </section>
  );
}
