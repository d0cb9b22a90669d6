import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

// Screen state kept in the query string (filters, sort) so it survives reloads and can be shared.
// A value equal to its default is left out of the URL.
export function useSearchParamState<K extends string>(
  defaults: Record<K, string>,
): [Record<K, string>, (patch: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();

  const values = useMemo(() => {
    const current = new URLSearchParams(serialized);
    const result = { ...defaults };
    for (const key of Object.keys(defaults) as K[]) result[key] = current.get(key) ?? defaults[key];
    return result;
    // `defaults` is a constant object per screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serialized]);

  const update = useCallback(
    (patch: Partial<Record<K, string>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch) as Array<[K, string | undefined]>) {
            if (value && value !== defaults[key]) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setParams],
  );

  return [values, update];
}
