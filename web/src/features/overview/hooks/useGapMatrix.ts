import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewGapsQuery } from '../graphql/overviewQueries';
import { toGapMatrix } from '../transforms/toGapMatrix';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

export function useGapMatrix(filter: MetricsFilterVars) {
  const variables = { filter };
  const requestPolicy = usePrefetchedPolicy(OverviewGapsQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewGapsQuery, variables, requestPolicy });
  const gaps = result.data?.reliabilityMetrics.redundancyGaps;
  const matrix = useMemo(() => toGapMatrix(gaps ?? []), [gaps]);
  const onRetry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    /** The gaps as answered (null until then): the "fix next" list ranks them too. */
    rows: gaps ?? null,
    matrix,
    gapCount: gaps ? gaps.reduce((s, g) => s + g.gapCount, 0) : null,
    fetching: result.fetching && !gaps,
    error: result.error ? errorMessage(result.error) : null,
    onRetry,
  };
}
