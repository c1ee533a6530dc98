import { graphql } from '../../../gql';

export const DigestDeliveryFields = graphql(`
  fragment DigestDeliveryFields on DigestDelivery {
    id
    status
    attempt
    error
    trigger
    periodFrom
    periodTo
    queuedAt
    startedAt
    finishedAt
  }
`);

export const DigestFields = graphql(`
  fragment DigestFields on Digest {
    id
    name
    schedule
    channel
    target
    filter {
      teamIds
      serviceIds
      severities
      rootCauseIds
      sourceIds
      confirmedOnly
    }
    createdBy {
      id
      name
    }
    createdAt
    nextRunAt
    lastDelivery {
      ...DigestDeliveryFields
    }
  }
`);

export const DigestsQuery = graphql(`
  query Digests {
    digests {
      ...DigestFields
    }
  }
`);

export const DigestDeliveriesQuery = graphql(`
  query DigestDeliveries($first: Int) {
    digests {
      id
      deliveries(first: $first) {
        ...DigestDeliveryFields
      }
    }
  }
`);

export const CreateDigestMutation = graphql(`
  mutation CreateDigest($input: CreateDigestInput!) {
    createDigest(input: $input) {
      ...DigestFields
    }
  }
`);

export const DeleteDigestMutation = graphql(`
  mutation DeleteDigest($id: ID!) {
    deleteDigest(id: $id)
  }
`);

export const SendDigestMutation = graphql(`
  mutation SendDigest($id: ID!) {
    sendDigest(id: $id) {
      ...DigestDeliveryFields
    }
  }
`);
