import type { ReactNode } from 'react';
import type { PagedList } from '../lib/use-paged-list.ts';
import { Button } from './Button.tsx';
import { LoadingBlock } from './Spinner.tsx';

type ListStatesProps = {
  /** A `usePagedList` result, or a `useAsync` one (`data` is its last result and stays while reloading). */
  state: { data?: unknown; error: unknown; isLoading: boolean };
  count: number;
  loadingLabel?: string;
  /** Keep the loading block above a list that a reload is replacing (by default it shows only while the list is empty). */
  isLoadingShownOverList?: boolean;
  /** Shown while `state.error` is set (an alert with a retry button). */
  error: ReactNode;
  /** Shown once something has loaded and the list is empty. */
  empty: ReactNode;
  /** The list itself, rendered while it has items. */
  children: ReactNode;
  /** A paged list: a button below the list loads the next page while there is one. */
  pages?: Pick<PagedList<unknown>, 'hasMore' | 'isLoadingMore' | 'loadMore'>;
  moreLabel?: string;
  footerClassName?: string;
  /** Wraps everything but the "load more" footer (`table-wrap` for a table under a toolbar). */
  bodyClassName?: string;
};

// The states every list page goes through, in one place: loading, error, empty, the list, "load more".
export function ListStates({
  state,
  count,
  loadingLabel,
  isLoadingShownOverList = false,
  error,
  empty,
  children,
  pages,
  moreLabel = 'Load more',
  footerClassName = 'list-footer',
  bodyClassName,
}: ListStatesProps) {
  // Something has loaded: `data` arrived (it stays while reloading), or a paged list's first page did.
  const hasLoaded = state.data !== undefined || (!state.isLoading && !state.error);
  const isLoadingShown = state.isLoading && !hasLoaded && (count === 0 || isLoadingShownOverList);
  const body = (
    <>
      {isLoadingShown ? <LoadingBlock label={loadingLabel} /> : null}
      {state.error ? error : null}
      {hasLoaded && count === 0 ? empty : null}
      {count > 0 ? children : null}
    </>
  );
  return (
    <>
      {bodyClassName ? <div className={bodyClassName}>{body}</div> : body}
      {pages?.hasMore ? (
        <div className={footerClassName}>
          <Button onClick={pages.loadMore} isLoading={pages.isLoadingMore}>
            {moreLabel}
          </Button>
        </div>
      ) : null}
    </>
  );
}
