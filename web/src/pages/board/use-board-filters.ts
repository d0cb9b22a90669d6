import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { PostSort } from '../../api/types.ts';

export type BoardFilters = { sort: PostSort; status: string; tag: string; q: string };
const sorts: PostSort[] = ['top', 'new', 'trending'];

// Filters live in the URL so a filtered board can be shared and survives reloads.
export function useBoardFilters(): [BoardFilters, (patch: Partial<BoardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as PostSort | null;
  const filters: BoardFilters = {
    sort: sortParam && sorts.includes(sortParam) ? sortParam : 'top',
    status: params.get('status') ?? '',
    tag: params.get('tag') ?? '',
    q: params.get('q') ?? '',
  };

  const update = useCallback(
    (patch: Partial<BoardFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value && !(key === 'sort' && value === 'top')) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [filters, update];
}
