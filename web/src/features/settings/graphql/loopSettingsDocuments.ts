import { graphql } from '../../../gql';

export const LoopSettingsFields = graphql(`
  fragment LoopSettingsFields on LoopSettings {
    reviewSeverities
    reviewDueDays
    repeatWindowDays
    version
    updatedAt
  }
`);

export const LoopSettingsQuery = graphql(`
  query LoopSettings {
    loopSettings {
      ...LoopSettingsFields
    }
  }
`);

export const UpdateLoopSettingsMutation = graphql(`
  mutation UpdateLoopSettings($input: UpdateLoopSettingsInput!) {
    updateLoopSettings(input: $input) {
      ...LoopSettingsFields
    }
  }
`);
