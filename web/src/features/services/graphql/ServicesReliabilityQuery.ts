import { graphql } from '../../../gql';

export const ServicesReliabilityQuery = graphql(`
  query ServicesReliability($filter: MetricsFilter) {
    services {
      id
      name
      description
      slo
      team {
        id
        name
      }
      redundancy {
        id
        name
      }
    }
    reliabilityMetrics(filter: $filter) {
      periodMinutes
      services {
        service {
          id
        }
        incidentCount
        downtimeMinutes
        availability
        slo
        errorBudgetUsed
        mtbfMinutes
      }
      redundancyGaps {
        service {
          id
        }
        mechanism {
          id
          name
        }
        gapCount
        covered
      }
    }
  }
`);
