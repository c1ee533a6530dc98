import { useEffect, useMemo } from 'react';
import { createRequest, useClient, type AnyVariables, type DocumentInput, type RequestPolicy } from 'urql';
import { isPrefetched, takePrefetched } from '../graphql/prefetchOverview';

/**
 * The request policy for a query the page may have started before it rendered (prefetchOverview): `cache-first` while
 * this hook shows that first request, so its answer (or the request under way) is used and the query is not sent
 * twice; otherwise (another filter, a later visit) the client's default.
 */
export function usePrefetchedPolicy<D, V extends AnyVariables>(query: DocumentInput<D, V>, variables: V): RequestPolicy | undefined {
  const client = useClient();
  const key = createRequest(query, variables).key;
  // Decided once per key: taking it below must not switch the policy (that would re-run the query).
  const prefetched = useMemo(() => isPrefetched(client, key), [client, key]);
  useEffect(() => {
    if (prefetched) takePrefetched(client, key);
  }, [client, key, prefetched]);
  return prefetched ? 'cache-first' : undefined;
}
