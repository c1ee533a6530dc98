import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseFilterParams, writeFilterParams, type FilterState } from '../transforms/filterParams';

/** Filters live in the URL so a view can be shared as a link. */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseFilterParams(params), [params]);
  const update = useCallback(
    (patch: Partial<FilterState>) => setParams((p) => writeFilterParams(p, patch), { replace: true }),
    [setParams],
  );
  /** Sets several plain params in one navigation (two calls in one tick would overwrite each other). */
  const setValues = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setParam = useCallback((key: string, value: string | null) => setValues({ [key]: value }), [setValues]);
  return { state, params, update, setParam, setValues };
}
