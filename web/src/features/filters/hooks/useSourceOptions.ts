import { useQuery } from 'urql';
import { hasRole } from '../../../app/auth/RequireRole';
import { useSession } from '../../../app/auth/useSession';
import { SourceOptionsQuery } from '../graphql/SourceOptionsQuery';

/** Sources for the source filter: admins only (listing sources is refused for everyone else). */
export function useSourceOptions() {
  const isAdmin = hasRole(useSession()?.user, 'ADMIN');
  const [result] = useQuery({ query: SourceOptionsQuery, pause: !isAdmin, requestPolicy: 'cache-first' });
  return { isAdmin, sources: isAdmin ? (result.data?.sources ?? []) : [] };
}
