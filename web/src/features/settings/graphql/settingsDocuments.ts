import { graphql } from '../../../gql';

export const SettingsQuery = graphql(`
  query Settings {
    teams {
      id
      name
      version
      services {
        id
      }
    }
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
      }
    }
    rootCauses(includeRetired: true) {
      id
      name
      description
      retired
      parent {
        id
        name
      }
    }
    redundancyMechanisms(includeRetired: true) {
      id
      name
      description
      retired
    }
  }
`);

export const UsersQuery = graphql(`
  query SettingsUsers {
    users {
      id
      email
      name
      role
      disabled
      version
      teams {
        id
        name
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      email
      name
      role
      disabled
      version
      teams {
        id
        name
      }
    }
  }
`);

export const UpdateTeamMutation = graphql(`
  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {
    updateTeam(id: $id, input: $input) {
      id
      name
      version
    }
  }
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
    }
  }
`);

export const CreateServiceMutation = graphql(`
  mutation CreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      id
      name
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      id
      slo
      redundancy {
        id
      }
    }
  }
`);

export const CreateRootCauseMutation = graphql(`
  mutation CreateRootCause($input: CreateRootCauseInput!) {
    createRootCause(input: $input) {
      id
      name
    }
  }
`);

export const DeleteRootCauseMutation = graphql(`
  mutation DeleteRootCause($id: ID!) {
    deleteRootCause(id: $id) {
      id
      retired
    }
  }
`);

export const RetireMechanismMutation = graphql(`
  mutation RetireRedundancyMechanism($id: ID!) {
    retireRedundancyMechanism(id: $id) {
      id
      retired
    }
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      scopes
      createdAt
      lastUsedAt
      revokedAt
      expiresAt
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

export const CreateMechanismMutation = graphql(`
  mutation CreateRedundancyMechanism($input: CreateRedundancyMechanismInput!) {
    createRedundancyMechanism(input: $input) {
      id
      name
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      role
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
        scopes
        expiresAt
      }
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String) {
    auditLog(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actor
          action
          entityType
          entityId
          changes
        }
      }
    }
  }
`);
