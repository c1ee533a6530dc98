import { graphql } from '../../../gql';

export const IncidentListQuery = graphql(`
  query IncidentList($filter: IncidentFilter, $first: Int, $after: String, $sort: IncidentSort) {
    incidents(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          key
          title
          severity
          status
          kind
          private
          excludeFromMetrics
          services {
            id
            name
          }
          startedAt
          mitigatedAt
          resolvedAt
          primaryCause {
            state
            cause {
              id
              name
            }
          }
        }
      }
    }
  }
`);
