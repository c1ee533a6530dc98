import { graphql } from '../../../gql';

/** The sources to filter by; only admins may list sources, so it runs for them only. */
export const SourceOptionsQuery = graphql(`
  query SourceOptions {
    sources {
      id
      name
      kind
    }
  }
`);
