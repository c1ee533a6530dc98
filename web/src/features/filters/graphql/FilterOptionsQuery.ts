import { hasRole } from '../../../app/auth/RequireRole';
import type { SessionUser } from '../../../app/auth/sessionStore';
import { graphql } from '../../../gql';

/**
 * Everything the filter bar offers, in one request. Only admins may list sources (the API refuses the field to
 * everyone else), so `sources` is asked for only with `withSources: true`.
 */
export const FilterOptionsQuery = graphql(`
  query FilterOptions($withSources: Boolean!) {
    teams {
      id
      name
    }
    services {
      id
      name
      team {
        id
      }
    }
    rootCauses {
      id
      name
      retired
      parent {
        id
        name
      }
    }
    sources @include(if: $withSources) {
      id
      name
      kind
    }
  }
`);

/**
 * The variables of FilterOptions for a signed-in user: sources for admins only. One rule for the filter bar and the
 * overview's early requests, so both ask the same question and it is sent once.
 */
export const filterOptionsVariables = (user: SessionUser | undefined) => ({ withSources: hasRole(user, 'ADMIN') });
