import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { toDefinitionLookup } from '../../definitions/transforms/explainMetric';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewHeadlineQuery } from '../graphql/overviewQueries';
import { toChanges } from '../transforms/toChanges';
import { headlineVariables } from '../transforms/overviewVariables';
import { toHeadlineNumbers, type HeadlineInput } from '../transforms/toHeadlineNumbers';
import { toRepeatSummary, toReviewSummary } from '../transforms/toLoopSummary';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

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
 * Headline numbers and "what changed" against the API's previous period (`ReliabilityMetrics.previous`: the period
 * just before, of equal length or the same calendar months, so a quarter — running or not — is compared with the
 * whole quarter before). An open-start period (all time) is compared with nothing.
 */
export function useHeadlineNumbers(filter: MetricsFilterVars, { withLoop = false } = {}) {
  const variables = headlineVariables(filter, withLoop);
  const requestPolicy = usePrefetchedPolicy(OverviewHeadlineQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewHeadlineQuery, variables, requestPolicy });
  const m = result.data?.reliabilityMetrics;
  const list = result.data?.metricDefinitions;
  // The API's published definitions, fetched with the numbers; the page's other explanations are made from them too.
  const definitions = useMemo(() => toDefinitionLookup(list), [list]);
  // Derived once per answer, so the panels fed from it are not redrawn when another of the page's queries answers.
  const derived = useMemo(() => {
    const current = m ? withSeverities(m) : null;
    const previous = m?.previous ? withSeverities(m.previous) : null;
    return {
      numbers: current ? toHeadlineNumbers(current, previous, definitions) : null,
      loop:
        m?.reviews && m.repeats
          ? {
              reviews: toReviewSummary(m.reviews, m.previous?.reviews ?? null),
              repeats: toRepeatSummary(m.repeats, m.previous?.repeats ?? null),
            }
          : null,
      changes: current ? toChanges(current, previous) : null,
      hasPrevious: !!previous,
    };
  }, [m, definitions]);
  const onRetry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    numbers: derived.numbers,
    /** Closing the loop (only when asked for `withLoop`): review completion and repeats, against the previous period. */
    loop: derived.loop,
    changes: derived.changes,
    hasPrevious: derived.hasPrevious,
    definitions,
    /** The published list in its own order (the Reports page lists it). */
    definitionList: list ?? null,
    periodStart: m?.periodStart ?? null,
    periodEnd: m?.periodEnd ?? null,
    /** The period compared with, as the API chose it; null without one. */
    previousPeriod: m?.previous ? { start: m.previous.periodStart ?? null, end: m.previous.periodEnd } : null,
    fetching: result.fetching && !m,
    error: result.error ? errorMessage(result.error) : null,
    onRetry,
  };
}
