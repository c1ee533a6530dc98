import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewHeadlineQuery } from '../graphql/overviewQueries';
import { toHeadlineNumbers } from '../transforms/toHeadlineNumbers';

export function useHeadlineNumbers(f: {
  current: MetricsFilterVars;
  previous: MetricsFilterVars | null;
  severeCurrent: MetricsFilterVars | null;
  severePrevious: MetricsFilterVars | null;
}) {
  const [result, reexecute] = useQuery({
    query: OverviewHeadlineQuery,
    variables: {
      filter: f.current,
      // With a severity filter that excludes SEV1–2 the count is simply 0; the query still needs a filter.
      severeFilter: f.severeCurrent ?? f.current,
      previous: f.previous ?? f.current,
      previousSevere: f.severePrevious ?? f.previous ?? f.current,
      withPrevious: !!f.previous,
    },
  });
  const d = result.data;
  const numbers = d
    ? toHeadlineNumbers(
        d.current,
        f.severeCurrent ? d.severe.incidentCount : 0,
        d.previous ?? null,
        d.previousSevere ? (f.severePrevious ? d.previousSevere.incidentCount : 0) : null,
      )
    : null;
  return {
    numbers,
    periodStart: d?.current.periodStart ?? null,
    periodEnd: d?.current.periodEnd ?? null,
    fetching: result.fetching && !d,
    error: result.error ? errorMessage(result.error) : null,
    onRetry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
