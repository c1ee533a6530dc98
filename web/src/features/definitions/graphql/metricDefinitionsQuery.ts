import { graphql } from '../../../gql';

/** What a page needs of a published definition; pages that already run a query add this fragment to it. */
export const MetricDefinitionFields = graphql(`
  fragment MetricDefinitionFields on MetricDefinition {
    key
    name
    formula
    unit
  }
`);

export const MetricDefinitionsQuery = graphql(`
  query MetricDefinitions {
    metricDefinitions {
      ...MetricDefinitionFields
    }
  }
`);
