import { graphql } from '../../../gql';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        id
        email
        role
        teams {
          id
          name
        }
      }
    }
  }
`);

export const AuthProvidersQuery = graphql(`
  query AuthProviders {
    authProviders {
      oidc
      loginUrl
    }
  }
`);

export const SetupRequiredQuery = graphql(`
  query SetupRequired {
    setupRequired
  }
`);

export const CompleteSetupMutation = graphql(`
  mutation CompleteSetup($input: CompleteSetupInput!) {
    completeSetup(input: $input) {
      token
      expiresAt
      user {
        id
        email
        role
        teams {
          id
          name
        }
      }
    }
  }
`);
