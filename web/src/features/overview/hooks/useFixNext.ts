import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewFixNextQuery } from '../graphql/overviewQueries';
import { toFixNext } from '../transforms/toFixNext';
import { toFixesThatDidNotHold } from '../transforms/toLoopSummary';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

export function useFixNext(filter: MetricsFilterVars, params: URLSearchParams) {
  const variables = { filter };
  const requestPolicy = usePrefetchedPolicy(OverviewFixNextQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewFixNextQuery, variables, requestPolicy });
  const m = result.data?.reliabilityMetrics;
  const items = useMemo(
    () => (m ? toFixNext({ gaps: m.redundancyGaps, causes: m.byRootCause, overdueActionItems: m.actionItems.overdue, params }) : null),
    [m, params],
  );
  const fixes = useMemo(() => (m ? toFixesThatDidNotHold(m.fixesThatDidNotHold) : null), [m]);
  const onRetry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    items,
    fixes,
    fetching: result.fetching && !m,
    error: result.error ? errorMessage(result.error) : null,
    onRetry,
  };
}
