import { graphql } from '../../../gql';

// The review and the repeats load apart from the incident's details: a page whose review cannot load still shows the incident.
export const PostMortemFields = graphql(`
  fragment PostMortemFields on PostMortem {
    incidentId
    state
    body
    reviewers {
      id
      email
      name
    }
    dueAt
    dueAtSet
    publishedAt
    version
    required
    overdue
    updatedAt
    updatedBy
  }
  fragment RepeatLinkFields on Incident {
    id
    key
    title
    startedAt
  }
`);

export const IncidentLoopQuery = graphql(`
  query IncidentLoop($id: ID!) {
    incident(id: $id) {
      id
      startedAt
      resolvedAt
      postMortem {
        ...PostMortemFields
      }
      repeatOf {
        ...RepeatLinkFields
      }
      repeatedBy {
        ...RepeatLinkFields
      }
    }
    loopSettings {
      reviewDueDays
    }
  }
`);

export const UpdatePostMortemMutation = graphql(`
  mutation UpdatePostMortem($incidentId: ID!, $input: UpdatePostMortemInput!) {
    updatePostMortem(incidentId: $incidentId, input: $input) {
      ...PostMortemFields
    }
  }
`);
