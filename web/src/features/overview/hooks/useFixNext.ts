import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewFixNextQuery, OverviewMoreFixesQuery } from '../graphql/overviewQueries';
import { toFixNext } from '../transforms/toFixNext';
import { FIXES_SHOWN, fixNextVariables } from '../transforms/overviewVariables';
import type { useGapMatrix } from './useGapMatrix';
import { toFixesThatDidNotHold } from '../transforms/toLoopSummary';
import { usePrefetchedPolicy } from './usePrefetchedPolicy';

/** The overview's redundancy gaps (useGapMatrix): the "fix next" list ranks them with the causes. */
type Gaps = Pick<ReturnType<typeof useGapMatrix>, 'rows' | 'fetching' | 'error' | 'onRetry'>;

export function useFixNext(filter: MetricsFilterVars, params: URLSearchParams, gaps: Gaps) {
  const variables = fixNextVariables(filter);
  const requestPolicy = usePrefetchedPolicy(OverviewFixNextQuery, variables);
  const [result, reexecute] = useQuery({ query: OverviewFixNextQuery, variables, requestPolicy });
  const m = result.data?.reliabilityMetrics;
  const rows = gaps.rows;
  const items = useMemo(
    () => (m && rows ? toFixNext({ gaps: rows, causes: m.byRootCause, overdueActionItems: m.actionItems.overdue, params }) : null),
    [m, rows, params],
  );
  const fixes = useMemo(() => (m ? toFixesThatDidNotHold(m.fixesThatDidNotHold) : null), [m]);
  // the fixes past the first few: asked for once someone first opens "more" (from then on, for every filter)
  const [moreOpened, setMoreOpened] = useState(false);
  const [moreResult] = useQuery({ query: OverviewMoreFixesQuery, variables: { filter }, pause: !moreOpened });
  const moreFixes = moreResult.data?.reliabilityMetrics.fixesThatDidNotHold;
  const moreError = moreResult.error ? errorMessage(moreResult.error) : null;
  const more = useMemo(
    () => ({
      fixes: moreFixes ? toFixesThatDidNotHold(moreFixes).slice(FIXES_SHOWN) : null,
      error: moreError,
      onOpen: () => setMoreOpened(true),
    }),
    [moreFixes, moreError],
  );
  const retryGaps = gaps.error ? gaps.onRetry : null;
  const onRetry = useCallback(() => {
    if (result.error) reexecute({ requestPolicy: 'network-only' });
    retryGaps?.();
  }, [reexecute, result.error, retryGaps]);
  return {
    items,
    fixes,
    fixCount: m?.fixesThatDidNotHoldCount ?? null,
    more,
    fetching: (result.fetching && !m) || gaps.fetching,
    error: result.error ? errorMessage(result.error) : gaps.error,
    onRetry,
  };
}
