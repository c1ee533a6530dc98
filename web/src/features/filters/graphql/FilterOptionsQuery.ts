import { graphql } from '../../../gql';

export const FilterOptionsQuery = graphql(`
  query FilterOptions {
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
  }
`);
