import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { OverviewRepeatIncidentsQuery } from '../graphql/overviewQueries';

/** The repeating incidents (of one primary cause, or all), asked only once the reader opens the list (`open`). */
export function useRepeatIncidents(filter: MetricsFilterVars, rootCauseId: string | null, open: boolean) {
  const [result, reexecute] = useQuery({
    query: OverviewRepeatIncidentsQuery,
    variables: { filter, rootCauseId },
    pause: !open,
  });
  const incidents = result.data?.reliabilityMetrics.repeats.incidents;
  return {
    incidents: incidents ?? null,
    fetching: result.fetching && !incidents,
    error: result.error ? errorMessage(result.error) : null,
    onRetry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
