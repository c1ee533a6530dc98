import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import type { Granularity } from '../../../charts/formatters';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewTrendQuery } from '../graphql/overviewQueries';
import { toDetectionTrend } from '../transforms/toDetectionTrend';
import { toRepeatSeries } from '../transforms/toLoopSummary';
import { toMttrSeries } from '../transforms/toMttrSeries';
import { trendVariables } from '../transforms/overviewVariables';
import { toSeverityMixSeries } from '../transforms/toSeverityMixSeries';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

export function useTrendSeries(filter: MetricsFilterVars, granularity: Granularity) {
  const variables = trendVariables(filter, granularity);
  const requestPolicy = usePrefetchedPolicy(OverviewTrendQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewTrendQuery, variables, requestPolicy });
  const m = result.data?.reliabilityMetrics;
  // Derived once per answer: new arrays on every render would redraw every chart whenever any query answers.
  const series = useMemo(
    () => ({
      mttr: m ? toMttrSeries(m.trend, granularity) : [],
      severityMix: m ? toSeverityMixSeries(m.trend, granularity) : [],
      detection: toDetectionTrend(m?.trend ?? [], granularity),
      repeats: toRepeatSeries(m?.repeats.trend ?? [], granularity),
    }),
    [m, granularity],
  );
  const onRetry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    ...series,
    resolvedCount: m?.timeToResolve.count ?? null,
    resolvedSmallSample: m?.timeToResolve.smallSample ?? null,
    incidentCount: m?.incidentCount ?? null,
    fetching: result.fetching && !m,
    error: result.error ? errorMessage(result.error) : null,
    onRetry,
  };
}
