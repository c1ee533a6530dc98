import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { parseFilterParams, writeFilterParams, type FilterState } from '../transforms/filterParams';

/** Filters live in the URL so a view can be shared as a link. */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseFilterParams(params), [params]);
  // react-router hands a functional update the params of the last render, so two changes before the next render
  // (two quick ticks) would lose the first: build on the params last written until a render brings newer ones.
  const latest = useRef({ rendered: params, written: params });
  if (latest.current.rendered !== params) latest.current = { rendered: params, written: params };
  const write = useCallback(
    (next: (p: URLSearchParams) => URLSearchParams) => {
      const written = next(latest.current.written);
      latest.current = { ...latest.current, written };
      setParams(written, { replace: true });
    },
    [setParams],
  );
  const update = useCallback((patch: Partial<FilterState>) => write((p) => writeFilterParams(p, patch)), [write]);
  /** Sets several plain params in one navigation. */
  const setValues = useCallback(
    (patch: Record<string, string | null>) =>
      write((p) => {
        const next = new URLSearchParams(p);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      }),
    [write],
  );
  const setParam = useCallback((key: string, value: string | null) => setValues({ [key]: value }), [setValues]);
  return { state, params, update, setParam, setValues };
}
