import { useQuery } from 'urql';
import { useSession } from '../../../app/auth/useSession';
import { FilterOptionsQuery, filterOptionsVariables } from '../graphql/FilterOptionsQuery';

/** The teams, services, causes and (for admins, the only ones who may list them) sources to filter by, in one request. */
export function useFilterOptions() {
  const variables = filterOptionsVariables(useSession()?.user);
  const isAdmin = variables.withSources;
  const [result] = useQuery({ query: FilterOptionsQuery, variables, requestPolicy: 'cache-first' });
  return {
    teams: result.data?.teams ?? [],
    services: result.data?.services ?? [],
    rootCauses: result.data?.rootCauses ?? [],
    sources: isAdmin ? (result.data?.sources ?? []) : [],
    isAdmin,
    fetching: result.fetching,
    error: result.error,
  };
}
