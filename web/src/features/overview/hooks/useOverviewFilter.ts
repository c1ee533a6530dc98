import { useMemo, useState } from 'react';
import type { Severity } from '../../../gql/graphql';
import { useFilters } from '../../filters/hooks/useFilters';
import { periodRange, previousPeriodRange, toMetricsFilter } from '../../filters/transforms/filterParams';

const severe: Severity[] = ['SEV1', 'SEV2'];

/** The metrics filters for the current URL: this period, the one before, and their SEV1–2 variants. */
export function useOverviewFilter() {
  const filters = useFilters();
  const [now] = useState(() => new Date());
  const value = useMemo(() => {
    const { state } = filters;
    const current = toMetricsFilter(state, periodRange(state, now));
    const prevRange = previousPeriodRange(state, now);
    const previous = prevRange ? toMetricsFilter(state, prevRange) : null;
    const severities = state.severities.length ? state.severities.filter((s) => severe.includes(s)) : severe;
    return {
      current,
      previous,
      severeCurrent: severities.length ? { ...current, severities } : null,
      severePrevious: previous && severities.length ? { ...previous, severities } : null,
    };
  }, [filters, now]);
  return { ...filters, ...value };
}
