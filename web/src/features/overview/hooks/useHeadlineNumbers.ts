import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewHeadlineQuery } from '../graphql/overviewQueries';
import { toChanges } from '../transforms/toChanges';
import { toHeadlineNumbers, type HeadlineInput } from '../transforms/toHeadlineNumbers';

interface HeadlineData extends Omit<HeadlineInput, 'bySeverity'> {
  severityBuckets: readonly { bySeverity: readonly { severity: string; count: number }[] }[];
}

/** The trend's quarters summed into the period's count per severity. */
function withSeverities<T extends HeadlineData>(m: T): T & HeadlineInput {
  const counts = new Map<string, number>();
  for (const b of m.severityBuckets) for (const s of b.bySeverity) counts.set(s.severity, (counts.get(s.severity) ?? 0) + s.count);
  return { ...m, bySeverity: [...counts].map(([severity, count]) => ({ severity, count })) };
}

/**
 * Headline numbers and "what changed" against the previous period: the API's period just before (none for
 * an open-start period), or `previousFilter` when given (the report compares with the whole previous quarter).
 */
export function useHeadlineNumbers(filter: MetricsFilterVars, previousFilter?: MetricsFilterVars) {
  const [result, reexecute] = useQuery({
    query: OverviewHeadlineQuery,
    variables: {
      filter,
      withPrevious: !previousFilter && !!filter.from,
      previousFilter: previousFilter ?? filter,
      withPreviousFilter: !!previousFilter,
    },
  });
  const m = result.data?.reliabilityMetrics;
  const current = m ? withSeverities(m) : null;
  const prev = previousFilter ? result.data?.explicitPrevious : m?.previous;
  const previous = prev ? withSeverities(prev) : null;
  return {
    numbers: current ? toHeadlineNumbers(current, previous) : null,
    changes: current ? toChanges(current, previous) : null,
    hasPrevious: !!previous,
    periodStart: m?.periodStart ?? null,
    periodEnd: m?.periodEnd ?? null,
    fetching: result.fetching && !m,
    error: result.error ? errorMessage(result.error) : null,
    onRetry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
