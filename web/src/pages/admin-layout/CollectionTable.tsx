import type { ReactNode } from 'react';
import type { PagedList } from '../../lib/use-paged-list.ts';
import { cx } from '../../lib/class-names.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListStates } from '../../ui/ListStates.tsx';
import { LoadError } from './LoadError.tsx';

type CollectionTableProps = {
  /** A `useAsync`/`useAdminCollection` result (`data` is its last result) or a `usePagedList` one (no `data`). */
  state: { data?: unknown; error: unknown; isLoading: boolean; reload: () => void };
  count: number;
  empty: { title: string; description: string };
  /** Column headings; unless `hasRowActions` is false, a last (actions) column is added, visually hidden. */
  columns: Array<{ label: ReactNode; className?: string }>;
  hasRowActions?: boolean;
  /** The accessible name of the card. */
  label?: string;
  loadingLabel?: string;
  /** Keep the loading block above the table while a reload replaces it (by default only an empty table shows it). */
  isLoadingShownOverList?: boolean;
  tableClassName?: string;
  /** On a phone each row becomes a small card (cells flow, the first on its own line); off for tables that fold columns their own way. */
  stackOnPhone?: boolean;
  /** Filters above the table (a search field…). */
  toolbar?: ReactNode;
  /** With a label, the toolbar is a search landmark of that name. */
  toolbarLabel?: string;
  /** A paged list: a "Load more" button below the table while there are more pages. */
  pages?: Pick<PagedList<unknown>, 'hasMore' | 'isLoadingMore' | 'loadMore'>;
  children: ReactNode;
};

// The card an admin list lives in: loading, error with retry, empty state, or the table (`data-loading` while it reloads).
export function CollectionTable({
  state,
  count,
  empty,
  columns,
  hasRowActions = true,
  label,
  loadingLabel,
  isLoadingShownOverList,
  tableClassName,
  stackOnPhone = true,
  toolbar,
  toolbarLabel,
  pages,
  children,
}: CollectionTableProps) {
  const states = (
    <ListStates
      state={state}
      count={count}
      loadingLabel={loadingLabel}
      isLoadingShownOverList={isLoadingShownOverList}
      error={<LoadError error={state.error} onRetry={state.reload} />}
      empty={<EmptyState title={empty.title} description={empty.description} />}
      pages={pages}
      bodyClassName={toolbar ? 'table-wrap' : undefined}
    >
      <table className={cx('table', stackOnPhone && 'table--stack', tableClassName)} data-loading={state.isLoading || undefined}>
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
    </ListStates>
  );

  if (!toolbar) {
    return (
      <section className="card table-wrap" aria-label={label}>
        {states}
      </section>
    );
  }
  return (
    <section className="card" aria-label={label}>
      <div className="admin-filters" role={toolbarLabel ? 'search' : undefined} aria-label={toolbarLabel}>
        {toolbar}
      </div>
      {states}
    </section>
  );
}
