import { useMemo, useState } from 'react';
import { useFilters } from '../../filters/hooks/useFilters';
import { toOverviewFilter } from '../transforms/overviewVariables';

/** The metrics filter for the current URL (the previous period is asked of the API itself). */
export function useOverviewFilter() {
  const filters = useFilters();
  const [now] = useState(() => new Date());
  const current = useMemo(() => toOverviewFilter(filters.state, now), [filters.state, now]);
  return { ...filters, current };
}
