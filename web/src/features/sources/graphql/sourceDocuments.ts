import { graphql } from '../../../gql';

export const SyncRunFields = graphql(`
  fragment SyncRunFields on SyncRun {
    id
    status
    trigger
    queuedAt
    startedAt
    finishedAt
    fetched
    created
    updated
    unchanged
    skipped
    errorCount
    errors {
      externalId
      message
    }
  }
`);

export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    kind
    name
    baseUrl
    hasToken
    hasWebhookSecret
    team {
      id
      name
    }
    enabled
    syncEveryMinutes
    since
    severityMap {
      from
      to
    }
    defaultSeverity
    createMissing
    private
    timestampNames {
      started
      detected
      acknowledged
      mitigated
      resolved
    }
    webhookUrl
    version
    lastRun {
      ...SyncRunFields
    }
  }
`);

export const SourcesQuery = graphql(`
  query Sources {
    sources {
      ...SourceFields
    }
    teams {
      id
      name
    }
  }
`);

export const SourceKindsQuery = graphql(`
  query SourceKinds {
    sourceKinds {
      kind
      defaultBaseUrl
      defaultSeverityMap {
        from
        to
      }
    }
  }
`);

export const CreateSourceMutation = graphql(`
  mutation CreateSource($input: CreateSourceInput!) {
    createSource(input: $input) {
      ...SourceFields
    }
  }
`);

export const UpdateSourceMutation = graphql(`
  mutation UpdateSource($id: ID!, $input: UpdateSourceInput!) {
    updateSource(id: $id, input: $input) {
      ...SourceFields
    }
  }
`);

export const DeleteSourceMutation = graphql(`
  mutation DeleteSource($id: ID!) {
    deleteSource(id: $id)
  }
`);

export const TestSourceConnectionMutation = graphql(`
  mutation TestSourceConnection($id: ID, $input: TestSourceConnectionInput) {
    testSourceConnection(id: $id, input: $input) {
      ok
      message
    }
  }
`);

export const SyncSourceMutation = graphql(`
  mutation SyncSource($id: ID!) {
    syncSource(id: $id) {
      ...SyncRunFields
    }
  }
`);

export const SyncRunQuery = graphql(`
  query SyncRun($id: ID!) {
    syncRun(id: $id) {
      ...SyncRunFields
    }
  }
`);

export const SyncRunsQuery = graphql(`
  query SyncRuns($sourceId: ID!, $first: Int) {
    syncRuns(sourceId: $sourceId, first: $first) {
      ...SyncRunFields
    }
  }
`);
