import type { ReactNode } from 'react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { LoadError } from './LoadError.tsx';

type CollectionTableProps = {
  state: { data: unknown; error: unknown; isLoading: boolean; reload: () => void };
  count: number;
  empty: { title: string; description: string };
  /** Column headings; the last (actions) column is added, visually hidden. */
  columns: Array<{ label: ReactNode; className?: string }>;
  children: ReactNode;
};

// The card an admin list lives in: loading, error with retry, empty state, or the table.
export function CollectionTable({ state, count, empty, columns, children }: CollectionTableProps) {
  return (
    <section className="card table-wrap">
      {state.isLoading && !state.data ? <LoadingBlock /> : null}
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {state.data && count === 0 ? <EmptyState title={empty.title} description={empty.description} /> : null}
      {count > 0 ? (
        <table className="table">
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={column.className}>{column.label}</th>
              ))}
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      ) : null}
    </section>
  );
}
