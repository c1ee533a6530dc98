import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewCausesQuery } from '../graphql/overviewQueries';
import { toParetoSeries } from '../transforms/toParetoSeries';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

export function useCauseSeries(filter: MetricsFilterVars, metric: 'count' | 'downtime', level: 'cause' | 'category') {
  const variables = { filter };
  const requestPolicy = usePrefetchedPolicy(OverviewCausesQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewCausesQuery, variables, requestPolicy });
  const m = result.data?.reliabilityMetrics;
  const rows = m ? (level === 'cause' ? m.byRootCause : m.byRootCategory) : null;
  const tagged = (rows ?? []).reduce((sum, r) => sum + r.incidentCount, 0);
  const pareto = useMemo(() => toParetoSeries(rows ?? [], metric), [rows, metric]);
  const onRetry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    pareto,
    incidentCount: m?.incidentCount ?? null,
    taggedCount: tagged,
    fetching: result.fetching && !m,
    error: result.error ? errorMessage(result.error) : null,
    onRetry,
  };
}
