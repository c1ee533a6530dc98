import { graphql } from '../../../gql';

export const ActionItemsQuery = graphql(`
  query ActionItems($statuses: [ActionItemStatus!], $teamIds: [ID!], $overdueOnly: Boolean, $ownerId: ID) {
    actionItems(statuses: $statuses, teamIds: $teamIds, overdueOnly: $overdueOnly, ownerId: $ownerId) {
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
        team {
          id
          name
        }
      }
    }
    reliabilityMetrics {
      actionItems {
        opened
        done
        overdue
        medianDaysToDone
        incidentsAllDoneShare
      }
    }
  }
`);
