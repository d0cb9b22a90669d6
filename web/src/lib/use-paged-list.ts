import { useCallback, useEffect, useRef, useState } from 'react';
import type { DependencyList, Dispatch, SetStateAction } from 'react';
import type { Page } from '../api/types.ts';

export type PagedList<T> = {
  items: T[];
  error: unknown;
  isLoading: boolean;
  isLoadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  setItems: Dispatch<SetStateAction<T[]>>;
};

// Cursor pagination ("load more"): the first page is replaced when the inputs change, later pages
// are appended. Each change aborts whatever is still in flight.
export function usePagedList<T>(
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
  deps: DependencyList,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current?.abort();
    controllerRef.current = controller;
    setIsLoading(true);
    setIsLoadingMore(false);
    setError(null);
    loadRef.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setIsLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setIsLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list the inputs of `load`
  }, [...deps, generation]);

  const loadMore = useCallback(() => {
    if (!cursor || isLoadingMore) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    setIsLoadingMore(true);
    setError(null);
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((previous) => [...previous, ...page.items]);
        setCursor(page.nextCursor);
        setIsLoadingMore(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setIsLoadingMore(false);
      },
    );
  }, [cursor, isLoadingMore]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { items, error, isLoading, isLoadingMore, hasMore: cursor !== null, loadMore, reload, setItems };
}
