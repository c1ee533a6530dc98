import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewDistributionQuery } from '../graphql/overviewQueries';
import { toDetectionSeries } from '../transforms/toDetectionSeries';
import { toHistogramSeries } from '../transforms/toHistogramSeries';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

export function useDistributionSeries(filter: MetricsFilterVars) {
  const variables = { filter };
  const requestPolicy = usePrefetchedPolicy(OverviewDistributionQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewDistributionQuery, variables, requestPolicy });
  const m = result.data?.reliabilityMetrics;
  const histogram = useMemo(() => (m ? toHistogramSeries(m.durationHistogram) : []), [m]);
  const detection = useMemo(() => (m ? toDetectionSeries(m.detection) : []), [m]);
  const onRetry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    histogram,
    detection,
    resolvedCount: m?.timeToResolve.count ?? null,
    resolvedSmallSample: m?.timeToResolve.smallSample ?? null,
    incidentCount: m?.incidentCount ?? null,
    fetching: result.fetching && !m,
    error: result.error ? errorMessage(result.error) : null,
    onRetry,
  };
}
