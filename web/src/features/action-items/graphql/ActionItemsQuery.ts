import { graphql } from '../../../gql';

// Every item of the scope in one list (the page filters and pages it), so all counts on the page come from the same rows.
export const ActionItemsQuery = graphql(`
  query ActionItems($teamIds: [ID!]) {
    actionItems(teamIds: $teamIds) {
      id
      title
      type
      status
      dueDate
      overdue
      completedAt
      owner {
        id
        email
        name
      }
      incident {
        id
        key
        title
        excludeFromMetrics
        team {
          id
          name
        }
      }
    }
    reliabilityMetrics(filter: { teamIds: $teamIds }) {
      actionItems {
        medianDaysToDone
        incidentsAllDoneShare
      }
    }
  }
`);
