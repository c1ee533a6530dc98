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
