import { useQuery } from 'urql';
import { FilterOptionsQuery } from '../graphql/FilterOptionsQuery';

export function useFilterOptions() {
  const [result] = useQuery({ query: FilterOptionsQuery, requestPolicy: 'cache-first' });
  return {
    teams: result.data?.teams ?? [],
    services: result.data?.services ?? [],
    rootCauses: result.data?.rootCauses ?? [],
    fetching: result.fetching,
    error: result.error,
  };
}
