import { graphql } from '../../../gql';

export const IncidentDetailFields = graphql(`
  fragment IncidentDetailFields on Incident {
    id
    key
    version
    title
    summary
    severity
    status
    postmortemState
    kind
    excludeFromMetrics
    private
    services {
      id
      name
      redundancy {
        id
      }
    }
    team {
      id
      name
    }
    regions
    customerImpact
    affectedUsersPercent
    detectionSource
    startedAt
    detectedAt
    acknowledgedAt
    mitigatedAt
    resolvedAt
    durationMinutes
    primaryCause {
      ...CauseTagFields
    }
    contributingFactors {
      ...CauseTagFields
    }
    assessments {
      mechanism {
        id
        name
      }
      outcome
      notes
      assessedBy
    }
    actionItems {
      ...ActionItemFields
    }
    timeline {
      id
      at
      kind
      message
      author
    }
    source
    externalId
    externalUrl
    overriddenFields
    sourceValues {
      title
      startedAt
      detectedAt
      acknowledgedAt
      mitigatedAt
      resolvedAt
      severity
      detectionSource
      serviceIds
    }
    syncedFrom {
      id
      kind
      name
      deleted
    }
    createdAt
    updatedAt
  }
  fragment ActionItemFields on ActionItem {
    id
    title
    type
    status
    owner {
      id
      email
      name
    }
    dueDate
    completedAt
    overdue
    version
    cause {
      id
      name
    }
    mechanism {
      id
      name
    }
  }
  fragment CauseTagFields on CauseTag {
    cause {
      id
      name
      parent {
        id
        name
      }
    }
    primary
    state
    setBy
    setAt
    confirmedBy
    confirmedAt
  }
`);

export const IncidentDetailQuery = graphql(`
  query IncidentDetail($id: ID!) {
    incident(id: $id) {
      ...IncidentDetailFields
    }
  }
`);

export const IncidentReferenceQuery = graphql(`
  query IncidentReference {
    services {
      id
      name
      team {
        id
        name
      }
    }
    teams {
      id
      name
    }
    rootCauses {
      id
      name
      description
      retired
      parent {
        id
        name
      }
    }
    redundancyMechanisms {
      id
      name
      description
      retired
    }
  }
`);

export const AssignableUsersQuery = graphql(`
  query AssignableUsers {
    users {
      id
      email
      name
    }
  }
`);

export const UpdateIncidentMutation = graphql(`
  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {
    updateIncident(id: $id, input: $input) {
      ...IncidentDetailFields
    }
  }
`);

export const CreateIncidentMutation = graphql(`
  mutation CreateIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      id
      key
    }
  }
`);

export const ReviewCauseMutation = graphql(`
  mutation ReviewCause($incidentId: ID!, $causeId: ID!, $state: TagState!) {
    reviewCause(incidentId: $incidentId, causeId: $causeId, state: $state) {
      ...IncidentDetailFields
    }
  }
`);

export const AssessRedundancyMutation = graphql(`
  mutation AssessRedundancy($input: AssessRedundancyInput!) {
    assessRedundancy(input: $input) {
      ...IncidentDetailFields
    }
  }
`);

export const AddTimelineEventMutation = graphql(`
  mutation AddTimelineEvent($input: AddTimelineEventInput!) {
    addTimelineEvent(input: $input) {
      id
      at
      kind
      message
      author
    }
  }
`);

export const CreateActionItemMutation = graphql(`
  mutation CreateActionItem($input: CreateActionItemInput!) {
    createActionItem(input: $input) {
      id
      title
      status
      version
    }
  }
`);

export const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!) {
    updateActionItem(id: $id, input: $input) {
      ...ActionItemFields
    }
  }
`);

export const ResetIncidentFieldMutation = graphql(`
  mutation ResetIncidentField($id: ID!, $field: String!, $expectedVersion: Int) {
    resetIncidentField(id: $id, field: $field, expectedVersion: $expectedVersion) {
      ...IncidentDetailFields
    }
  }
`);
