/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query ActionItems($statuses: [ActionItemStatus!], $teamIds: [ID!], $overdueOnly: Boolean, $ownerId: ID) {\n    actionItems(statuses: $statuses, teamIds: $teamIds, overdueOnly: $overdueOnly, ownerId: $ownerId) {\n      id\n      title\n      type\n      status\n      dueDate\n      overdue\n      completedAt\n      owner {\n        id\n        email\n        name\n      }\n      incident {\n        id\n        key\n        title\n        team {\n          id\n          name\n        }\n      }\n    }\n    reliabilityMetrics {\n      actionItems {\n        opened\n        done\n        overdue\n        medianDaysToDone\n        incidentsAllDoneShare\n      }\n    }\n  }\n": typeof types.ActionItemsDocument,
    "\n  query FilterOptions {\n    teams {\n      id\n      name\n    }\n    services {\n      id\n      name\n      team {\n        id\n      }\n    }\n    rootCauses {\n      id\n      name\n      retired\n      parent {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FilterOptionsDocument,
    "\n  query SourceOptions {\n    sources {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.SourceOptionsDocument,
    "\n  fragment IncidentDetailFields on Incident {\n    id\n    key\n    version\n    title\n    summary\n    severity\n    status\n    postmortemState\n    kind\n    excludeFromMetrics\n    private\n    services {\n      id\n      name\n      redundancy {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n    regions\n    customerImpact\n    affectedUsersPercent\n    detectionSource\n    startedAt\n    detectedAt\n    acknowledgedAt\n    mitigatedAt\n    resolvedAt\n    durationMinutes\n    primaryCause {\n      ...CauseTagFields\n    }\n    contributingFactors {\n      ...CauseTagFields\n    }\n    assessments {\n      mechanism {\n        id\n        name\n      }\n      outcome\n      notes\n      assessedBy\n    }\n    actionItems {\n      ...ActionItemFields\n    }\n    timeline {\n      id\n      at\n      kind\n      message\n      author\n    }\n    source\n    externalId\n    externalUrl\n    overriddenFields\n    syncedFrom {\n      id\n      kind\n      name\n      deleted\n    }\n    createdAt\n    updatedAt\n  }\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    type\n    status\n    owner {\n      id\n      email\n      name\n    }\n    dueDate\n    completedAt\n    overdue\n    version\n    cause {\n      id\n      name\n    }\n    mechanism {\n      id\n      name\n    }\n  }\n  fragment CauseTagFields on CauseTag {\n    cause {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    primary\n    state\n    setBy\n    setAt\n    confirmedBy\n    confirmedAt\n  }\n": typeof types.IncidentDetailFieldsFragmentDoc,
    "\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetailFields\n    }\n  }\n": typeof types.IncidentDetailDocument,
    "\n  query IncidentReference {\n    services {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    teams {\n      id\n      name\n    }\n    rootCauses {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms {\n      id\n      name\n      description\n      retired\n    }\n  }\n": typeof types.IncidentReferenceDocument,
    "\n  query AssignableUsers {\n    users {\n      id\n      email\n      name\n    }\n  }\n": typeof types.AssignableUsersDocument,
    "\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n": typeof types.UpdateIncidentDocument,
    "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n      key\n    }\n  }\n": typeof types.CreateIncidentDocument,
    "\n  mutation ReviewCause($incidentId: ID!, $causeId: ID!, $state: TagState!) {\n    reviewCause(incidentId: $incidentId, causeId: $causeId, state: $state) {\n      ...IncidentDetailFields\n    }\n  }\n": typeof types.ReviewCauseDocument,
    "\n  mutation AssessRedundancy($input: AssessRedundancyInput!) {\n    assessRedundancy(input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n": typeof types.AssessRedundancyDocument,
    "\n  mutation AddTimelineEvent($input: AddTimelineEventInput!) {\n    addTimelineEvent(input: $input) {\n      id\n      at\n      kind\n      message\n      author\n    }\n  }\n": typeof types.AddTimelineEventDocument,
    "\n  mutation CreateActionItem($input: CreateActionItemInput!) {\n    createActionItem(input: $input) {\n      id\n      title\n      status\n      version\n    }\n  }\n": typeof types.CreateActionItemDocument,
    "\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!) {\n    updateActionItem(id: $id, input: $input) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.UpdateActionItemDocument,
    "\n  mutation ResetIncidentField($id: ID!, $field: String!, $expectedVersion: Int) {\n    resetIncidentField(id: $id, field: $field, expectedVersion: $expectedVersion) {\n      ...IncidentDetailFields\n    }\n  }\n": typeof types.ResetIncidentFieldDocument,
    "\n  query IncidentList($filter: IncidentFilter, $first: Int, $after: String, $sort: IncidentSort) {\n    incidents(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          title\n          severity\n          status\n          kind\n          private\n          excludeFromMetrics\n          services {\n            id\n            name\n          }\n          startedAt\n          durationMinutes\n          primaryCause {\n            state\n            cause {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.IncidentListDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query AuthProviders {\n    authProviders {\n      oidc\n      loginUrl\n    }\n  }\n": typeof types.AuthProvidersDocument,
    "\n  query SetupRequired {\n    setupRequired\n  }\n": typeof types.SetupRequiredDocument,
    "\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CompleteSetupDocument,
    "\n  fragment DurationStatFields on DurationStat {\n    count\n    meanMinutes\n    medianMinutes\n    p90Minutes\n    smallSample\n  }\n": typeof types.DurationStatFieldsFragmentDoc,
    "\n  query OverviewHeadline(\n    $filter: MetricsFilter\n    $severeFilter: MetricsFilter\n    $previous: MetricsFilter\n    $previousSevere: MetricsFilter\n    $withPrevious: Boolean!\n  ) {\n    current: reliabilityMetrics(filter: $filter) {\n      ...HeadlineFields\n    }\n    severe: reliabilityMetrics(filter: $severeFilter) {\n      incidentCount\n    }\n    previous: reliabilityMetrics(filter: $previous) @include(if: $withPrevious) {\n      ...HeadlineFields\n    }\n    previousSevere: reliabilityMetrics(filter: $previousSevere) @include(if: $withPrevious) {\n      incidentCount\n    }\n  }\n  fragment HeadlineFields on ReliabilityMetrics {\n    periodStart\n    periodEnd\n    incidentCount\n    ongoingCount\n    excludedCount\n    nearMissCount\n    downtimeMinutes\n    timeToResolve {\n      ...DurationStatFields\n    }\n    timeToDetect {\n      ...DurationStatFields\n    }\n    services {\n      service {\n        id\n        name\n      }\n      availability\n      slo\n    }\n  }\n": typeof types.OverviewHeadlineDocument,
    "\n  query OverviewTrend($filter: MetricsFilter, $granularity: Granularity!) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      trend(granularity: $granularity) {\n        periodStart\n        incidentCount\n        timeToResolve {\n          ...DurationStatFields\n        }\n        bySeverity {\n          severity\n          count\n        }\n      }\n    }\n  }\n": typeof types.OverviewTrendDocument,
    "\n  query OverviewCauses($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      byRootCause {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n      byRootCategory {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n    }\n  }\n": typeof types.OverviewCausesDocument,
    "\n  query OverviewGaps($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      redundancyGaps {\n        service {\n          id\n          name\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        downtimeMinutes\n        covered\n      }\n    }\n  }\n": typeof types.OverviewGapsDocument,
    "\n  query OverviewDistribution($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      durationHistogram {\n        fromMinutes\n        toMinutes\n        count\n      }\n      detection {\n        source\n        incidentCount\n        share\n        timeToDetect {\n          ...DurationStatFields\n        }\n      }\n    }\n  }\n": typeof types.OverviewDistributionDocument,
    "\n  query ServicesReliability($filter: MetricsFilter) {\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n        name\n      }\n    }\n    reliabilityMetrics(filter: $filter) {\n      periodMinutes\n      services {\n        service {\n          id\n        }\n        incidentCount\n        downtimeMinutes\n        availability\n        slo\n        errorBudgetUsed\n        mtbfMinutes\n      }\n      redundancyGaps {\n        service {\n          id\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        covered\n      }\n    }\n  }\n": typeof types.ServicesReliabilityDocument,
    "\n  query Settings {\n    teams {\n      id\n      name\n      version\n      services {\n        id\n      }\n    }\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n      }\n    }\n    rootCauses(includeRetired: true) {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms(includeRetired: true) {\n      id\n      name\n      description\n      retired\n    }\n  }\n": typeof types.SettingsDocument,
    "\n  query SettingsUsers {\n    users {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SettingsUsersDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      version\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      slo\n      redundancy {\n        id\n      }\n    }\n  }\n": typeof types.UpdateServiceDocument,
    "\n  mutation CreateRootCause($input: CreateRootCauseInput!) {\n    createRootCause(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateRootCauseDocument,
    "\n  mutation DeleteRootCause($id: ID!) {\n    deleteRootCause(id: $id) {\n      id\n      retired\n    }\n  }\n": typeof types.DeleteRootCauseDocument,
    "\n  mutation RetireRedundancyMechanism($id: ID!) {\n    retireRedundancyMechanism(id: $id) {\n      id\n      retired\n    }\n  }\n": typeof types.RetireRedundancyMechanismDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation CreateRedundancyMechanism($input: CreateRedundancyMechanismInput!) {\n    createRedundancyMechanism(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateRedundancyMechanismDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      role\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        scopes\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  query AuditLog($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id\n    status\n    trigger\n    queuedAt\n    startedAt\n    finishedAt\n    fetched\n    created\n    updated\n    unchanged\n    skipped\n    errorCount\n    errors {\n      externalId\n      message\n    }\n  }\n": typeof types.SyncRunFieldsFragmentDoc,
    "\n  fragment SourceFields on Source {\n    id\n    kind\n    name\n    baseUrl\n    hasToken\n    hasWebhookSecret\n    team {\n      id\n      name\n    }\n    enabled\n    syncEveryMinutes\n    since\n    severityMap {\n      from\n      to\n    }\n    defaultSeverity\n    createMissing\n    private\n    webhookUrl\n    version\n    lastRun {\n      ...SyncRunFields\n    }\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  query Sources {\n    sources {\n      ...SourceFields\n    }\n    teams {\n      id\n      name\n    }\n  }\n": typeof types.SourcesDocument,
    "\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.CreateSourceDocument,
    "\n  mutation UpdateSource($id: ID!, $input: UpdateSourceInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.UpdateSourceDocument,
    "\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n": typeof types.DeleteSourceDocument,
    "\n  mutation TestSourceConnection($id: ID, $input: TestSourceConnectionInput) {\n    testSourceConnection(id: $id, input: $input) {\n      ok\n      message\n    }\n  }\n": typeof types.TestSourceConnectionDocument,
    "\n  mutation SyncSource($id: ID!) {\n    syncSource(id: $id) {\n      ...SyncRunFields\n    }\n  }\n": typeof types.SyncSourceDocument,
    "\n  query SyncRun($id: ID!) {\n    syncRun(id: $id) {\n      ...SyncRunFields\n    }\n  }\n": typeof types.SyncRunDocument,
    "\n  query SyncRuns($sourceId: ID!, $first: Int) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      ...SyncRunFields\n    }\n  }\n": typeof types.SyncRunsDocument,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query ActionItems($statuses: [ActionItemStatus!], $teamIds: [ID!], $overdueOnly: Boolean, $ownerId: ID) {\n    actionItems(statuses: $statuses, teamIds: $teamIds, overdueOnly: $overdueOnly, ownerId: $ownerId) {\n      id\n      title\n      type\n      status\n      dueDate\n      overdue\n      completedAt\n      owner {\n        id\n        email\n        name\n      }\n      incident {\n        id\n        key\n        title\n        team {\n          id\n          name\n        }\n      }\n    }\n    reliabilityMetrics {\n      actionItems {\n        opened\n        done\n        overdue\n        medianDaysToDone\n        incidentsAllDoneShare\n      }\n    }\n  }\n": types.ActionItemsDocument,
    "\n  query FilterOptions {\n    teams {\n      id\n      name\n    }\n    services {\n      id\n      name\n      team {\n        id\n      }\n    }\n    rootCauses {\n      id\n      name\n      retired\n      parent {\n        id\n        name\n      }\n    }\n  }\n": types.FilterOptionsDocument,
    "\n  query SourceOptions {\n    sources {\n      id\n      name\n      kind\n    }\n  }\n": types.SourceOptionsDocument,
    "\n  fragment IncidentDetailFields on Incident {\n    id\n    key\n    version\n    title\n    summary\n    severity\n    status\n    postmortemState\n    kind\n    excludeFromMetrics\n    private\n    services {\n      id\n      name\n      redundancy {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n    regions\n    customerImpact\n    affectedUsersPercent\n    detectionSource\n    startedAt\n    detectedAt\n    acknowledgedAt\n    mitigatedAt\n    resolvedAt\n    durationMinutes\n    primaryCause {\n      ...CauseTagFields\n    }\n    contributingFactors {\n      ...CauseTagFields\n    }\n    assessments {\n      mechanism {\n        id\n        name\n      }\n      outcome\n      notes\n      assessedBy\n    }\n    actionItems {\n      ...ActionItemFields\n    }\n    timeline {\n      id\n      at\n      kind\n      message\n      author\n    }\n    source\n    externalId\n    externalUrl\n    overriddenFields\n    syncedFrom {\n      id\n      kind\n      name\n      deleted\n    }\n    createdAt\n    updatedAt\n  }\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    type\n    status\n    owner {\n      id\n      email\n      name\n    }\n    dueDate\n    completedAt\n    overdue\n    version\n    cause {\n      id\n      name\n    }\n    mechanism {\n      id\n      name\n    }\n  }\n  fragment CauseTagFields on CauseTag {\n    cause {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    primary\n    state\n    setBy\n    setAt\n    confirmedBy\n    confirmedAt\n  }\n": types.IncidentDetailFieldsFragmentDoc,
    "\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetailFields\n    }\n  }\n": types.IncidentDetailDocument,
    "\n  query IncidentReference {\n    services {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    teams {\n      id\n      name\n    }\n    rootCauses {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms {\n      id\n      name\n      description\n      retired\n    }\n  }\n": types.IncidentReferenceDocument,
    "\n  query AssignableUsers {\n    users {\n      id\n      email\n      name\n    }\n  }\n": types.AssignableUsersDocument,
    "\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n": types.UpdateIncidentDocument,
    "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n      key\n    }\n  }\n": types.CreateIncidentDocument,
    "\n  mutation ReviewCause($incidentId: ID!, $causeId: ID!, $state: TagState!) {\n    reviewCause(incidentId: $incidentId, causeId: $causeId, state: $state) {\n      ...IncidentDetailFields\n    }\n  }\n": types.ReviewCauseDocument,
    "\n  mutation AssessRedundancy($input: AssessRedundancyInput!) {\n    assessRedundancy(input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n": types.AssessRedundancyDocument,
    "\n  mutation AddTimelineEvent($input: AddTimelineEventInput!) {\n    addTimelineEvent(input: $input) {\n      id\n      at\n      kind\n      message\n      author\n    }\n  }\n": types.AddTimelineEventDocument,
    "\n  mutation CreateActionItem($input: CreateActionItemInput!) {\n    createActionItem(input: $input) {\n      id\n      title\n      status\n      version\n    }\n  }\n": types.CreateActionItemDocument,
    "\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!) {\n    updateActionItem(id: $id, input: $input) {\n      ...ActionItemFields\n    }\n  }\n": types.UpdateActionItemDocument,
    "\n  mutation ResetIncidentField($id: ID!, $field: String!, $expectedVersion: Int) {\n    resetIncidentField(id: $id, field: $field, expectedVersion: $expectedVersion) {\n      ...IncidentDetailFields\n    }\n  }\n": types.ResetIncidentFieldDocument,
    "\n  query IncidentList($filter: IncidentFilter, $first: Int, $after: String, $sort: IncidentSort) {\n    incidents(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          title\n          severity\n          status\n          kind\n          private\n          excludeFromMetrics\n          services {\n            id\n            name\n          }\n          startedAt\n          durationMinutes\n          primaryCause {\n            state\n            cause {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.IncidentListDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query AuthProviders {\n    authProviders {\n      oidc\n      loginUrl\n    }\n  }\n": types.AuthProvidersDocument,
    "\n  query SetupRequired {\n    setupRequired\n  }\n": types.SetupRequiredDocument,
    "\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CompleteSetupDocument,
    "\n  fragment DurationStatFields on DurationStat {\n    count\n    meanMinutes\n    medianMinutes\n    p90Minutes\n    smallSample\n  }\n": types.DurationStatFieldsFragmentDoc,
    "\n  query OverviewHeadline(\n    $filter: MetricsFilter\n    $severeFilter: MetricsFilter\n    $previous: MetricsFilter\n    $previousSevere: MetricsFilter\n    $withPrevious: Boolean!\n  ) {\n    current: reliabilityMetrics(filter: $filter) {\n      ...HeadlineFields\n    }\n    severe: reliabilityMetrics(filter: $severeFilter) {\n      incidentCount\n    }\n    previous: reliabilityMetrics(filter: $previous) @include(if: $withPrevious) {\n      ...HeadlineFields\n    }\n    previousSevere: reliabilityMetrics(filter: $previousSevere) @include(if: $withPrevious) {\n      incidentCount\n    }\n  }\n  fragment HeadlineFields on ReliabilityMetrics {\n    periodStart\n    periodEnd\n    incidentCount\n    ongoingCount\n    excludedCount\n    nearMissCount\n    downtimeMinutes\n    timeToResolve {\n      ...DurationStatFields\n    }\n    timeToDetect {\n      ...DurationStatFields\n    }\n    services {\n      service {\n        id\n        name\n      }\n      availability\n      slo\n    }\n  }\n": types.OverviewHeadlineDocument,
    "\n  query OverviewTrend($filter: MetricsFilter, $granularity: Granularity!) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      trend(granularity: $granularity) {\n        periodStart\n        incidentCount\n        timeToResolve {\n          ...DurationStatFields\n        }\n        bySeverity {\n          severity\n          count\n        }\n      }\n    }\n  }\n": types.OverviewTrendDocument,
    "\n  query OverviewCauses($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      byRootCause {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n      byRootCategory {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n    }\n  }\n": types.OverviewCausesDocument,
    "\n  query OverviewGaps($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      redundancyGaps {\n        service {\n          id\n          name\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        downtimeMinutes\n        covered\n      }\n    }\n  }\n": types.OverviewGapsDocument,
    "\n  query OverviewDistribution($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      durationHistogram {\n        fromMinutes\n        toMinutes\n        count\n      }\n      detection {\n        source\n        incidentCount\n        share\n        timeToDetect {\n          ...DurationStatFields\n        }\n      }\n    }\n  }\n": types.OverviewDistributionDocument,
    "\n  query ServicesReliability($filter: MetricsFilter) {\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n        name\n      }\n    }\n    reliabilityMetrics(filter: $filter) {\n      periodMinutes\n      services {\n        service {\n          id\n        }\n        incidentCount\n        downtimeMinutes\n        availability\n        slo\n        errorBudgetUsed\n        mtbfMinutes\n      }\n      redundancyGaps {\n        service {\n          id\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        covered\n      }\n    }\n  }\n": types.ServicesReliabilityDocument,
    "\n  query Settings {\n    teams {\n      id\n      name\n      version\n      services {\n        id\n      }\n    }\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n      }\n    }\n    rootCauses(includeRetired: true) {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms(includeRetired: true) {\n      id\n      name\n      description\n      retired\n    }\n  }\n": types.SettingsDocument,
    "\n  query SettingsUsers {\n    users {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n": types.SettingsUsersDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      version\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      slo\n      redundancy {\n        id\n      }\n    }\n  }\n": types.UpdateServiceDocument,
    "\n  mutation CreateRootCause($input: CreateRootCauseInput!) {\n    createRootCause(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateRootCauseDocument,
    "\n  mutation DeleteRootCause($id: ID!) {\n    deleteRootCause(id: $id) {\n      id\n      retired\n    }\n  }\n": types.DeleteRootCauseDocument,
    "\n  mutation RetireRedundancyMechanism($id: ID!) {\n    retireRedundancyMechanism(id: $id) {\n      id\n      retired\n    }\n  }\n": types.RetireRedundancyMechanismDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation CreateRedundancyMechanism($input: CreateRedundancyMechanismInput!) {\n    createRedundancyMechanism(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateRedundancyMechanismDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      role\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        scopes\n        expiresAt\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  query AuditLog($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id\n    status\n    trigger\n    queuedAt\n    startedAt\n    finishedAt\n    fetched\n    created\n    updated\n    unchanged\n    skipped\n    errorCount\n    errors {\n      externalId\n      message\n    }\n  }\n": types.SyncRunFieldsFragmentDoc,
    "\n  fragment SourceFields on Source {\n    id\n    kind\n    name\n    baseUrl\n    hasToken\n    hasWebhookSecret\n    team {\n      id\n      name\n    }\n    enabled\n    syncEveryMinutes\n    since\n    severityMap {\n      from\n      to\n    }\n    defaultSeverity\n    createMissing\n    private\n    webhookUrl\n    version\n    lastRun {\n      ...SyncRunFields\n    }\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  query Sources {\n    sources {\n      ...SourceFields\n    }\n    teams {\n      id\n      name\n    }\n  }\n": types.SourcesDocument,
    "\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": types.CreateSourceDocument,
    "\n  mutation UpdateSource($id: ID!, $input: UpdateSourceInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n": types.UpdateSourceDocument,
    "\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n": types.DeleteSourceDocument,
    "\n  mutation TestSourceConnection($id: ID, $input: TestSourceConnectionInput) {\n    testSourceConnection(id: $id, input: $input) {\n      ok\n      message\n    }\n  }\n": types.TestSourceConnectionDocument,
    "\n  mutation SyncSource($id: ID!) {\n    syncSource(id: $id) {\n      ...SyncRunFields\n    }\n  }\n": types.SyncSourceDocument,
    "\n  query SyncRun($id: ID!) {\n    syncRun(id: $id) {\n      ...SyncRunFields\n    }\n  }\n": types.SyncRunDocument,
    "\n  query SyncRuns($sourceId: ID!, $first: Int) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      ...SyncRunFields\n    }\n  }\n": types.SyncRunsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionItems($statuses: [ActionItemStatus!], $teamIds: [ID!], $overdueOnly: Boolean, $ownerId: ID) {\n    actionItems(statuses: $statuses, teamIds: $teamIds, overdueOnly: $overdueOnly, ownerId: $ownerId) {\n      id\n      title\n      type\n      status\n      dueDate\n      overdue\n      completedAt\n      owner {\n        id\n        email\n        name\n      }\n      incident {\n        id\n        key\n        title\n        team {\n          id\n          name\n        }\n      }\n    }\n    reliabilityMetrics {\n      actionItems {\n        opened\n        done\n        overdue\n        medianDaysToDone\n        incidentsAllDoneShare\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActionItems($statuses: [ActionItemStatus!], $teamIds: [ID!], $overdueOnly: Boolean, $ownerId: ID) {\n    actionItems(statuses: $statuses, teamIds: $teamIds, overdueOnly: $overdueOnly, ownerId: $ownerId) {\n      id\n      title\n      type\n      status\n      dueDate\n      overdue\n      completedAt\n      owner {\n        id\n        email\n        name\n      }\n      incident {\n        id\n        key\n        title\n        team {\n          id\n          name\n        }\n      }\n    }\n    reliabilityMetrics {\n      actionItems {\n        opened\n        done\n        overdue\n        medianDaysToDone\n        incidentsAllDoneShare\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterOptions {\n    teams {\n      id\n      name\n    }\n    services {\n      id\n      name\n      team {\n        id\n      }\n    }\n    rootCauses {\n      id\n      name\n      retired\n      parent {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterOptions {\n    teams {\n      id\n      name\n    }\n    services {\n      id\n      name\n      team {\n        id\n      }\n    }\n    rootCauses {\n      id\n      name\n      retired\n      parent {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceOptions {\n    sources {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query SourceOptions {\n    sources {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentDetailFields on Incident {\n    id\n    key\n    version\n    title\n    summary\n    severity\n    status\n    postmortemState\n    kind\n    excludeFromMetrics\n    private\n    services {\n      id\n      name\n      redundancy {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n    regions\n    customerImpact\n    affectedUsersPercent\n    detectionSource\n    startedAt\n    detectedAt\n    acknowledgedAt\n    mitigatedAt\n    resolvedAt\n    durationMinutes\n    primaryCause {\n      ...CauseTagFields\n    }\n    contributingFactors {\n      ...CauseTagFields\n    }\n    assessments {\n      mechanism {\n        id\n        name\n      }\n      outcome\n      notes\n      assessedBy\n    }\n    actionItems {\n      ...ActionItemFields\n    }\n    timeline {\n      id\n      at\n      kind\n      message\n      author\n    }\n    source\n    externalId\n    externalUrl\n    overriddenFields\n    syncedFrom {\n      id\n      kind\n      name\n      deleted\n    }\n    createdAt\n    updatedAt\n  }\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    type\n    status\n    owner {\n      id\n      email\n      name\n    }\n    dueDate\n    completedAt\n    overdue\n    version\n    cause {\n      id\n      name\n    }\n    mechanism {\n      id\n      name\n    }\n  }\n  fragment CauseTagFields on CauseTag {\n    cause {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    primary\n    state\n    setBy\n    setAt\n    confirmedBy\n    confirmedAt\n  }\n"): (typeof documents)["\n  fragment IncidentDetailFields on Incident {\n    id\n    key\n    version\n    title\n    summary\n    severity\n    status\n    postmortemState\n    kind\n    excludeFromMetrics\n    private\n    services {\n      id\n      name\n      redundancy {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n    regions\n    customerImpact\n    affectedUsersPercent\n    detectionSource\n    startedAt\n    detectedAt\n    acknowledgedAt\n    mitigatedAt\n    resolvedAt\n    durationMinutes\n    primaryCause {\n      ...CauseTagFields\n    }\n    contributingFactors {\n      ...CauseTagFields\n    }\n    assessments {\n      mechanism {\n        id\n        name\n      }\n      outcome\n      notes\n      assessedBy\n    }\n    actionItems {\n      ...ActionItemFields\n    }\n    timeline {\n      id\n      at\n      kind\n      message\n      author\n    }\n    source\n    externalId\n    externalUrl\n    overriddenFields\n    syncedFrom {\n      id\n      kind\n      name\n      deleted\n    }\n    createdAt\n    updatedAt\n  }\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    type\n    status\n    owner {\n      id\n      email\n      name\n    }\n    dueDate\n    completedAt\n    overdue\n    version\n    cause {\n      id\n      name\n    }\n    mechanism {\n      id\n      name\n    }\n  }\n  fragment CauseTagFields on CauseTag {\n    cause {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    primary\n    state\n    setBy\n    setAt\n    confirmedBy\n    confirmedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetailFields\n    }\n  }\n"): (typeof documents)["\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentReference {\n    services {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    teams {\n      id\n      name\n    }\n    rootCauses {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms {\n      id\n      name\n      description\n      retired\n    }\n  }\n"): (typeof documents)["\n  query IncidentReference {\n    services {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    teams {\n      id\n      name\n    }\n    rootCauses {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms {\n      id\n      name\n      description\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableUsers {\n    users {\n      id\n      email\n      name\n    }\n  }\n"): (typeof documents)["\n  query AssignableUsers {\n    users {\n      id\n      email\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewCause($incidentId: ID!, $causeId: ID!, $state: TagState!) {\n    reviewCause(incidentId: $incidentId, causeId: $causeId, state: $state) {\n      ...IncidentDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewCause($incidentId: ID!, $causeId: ID!, $state: TagState!) {\n    reviewCause(incidentId: $incidentId, causeId: $causeId, state: $state) {\n      ...IncidentDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssessRedundancy($input: AssessRedundancyInput!) {\n    assessRedundancy(input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssessRedundancy($input: AssessRedundancyInput!) {\n    assessRedundancy(input: $input) {\n      ...IncidentDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTimelineEvent($input: AddTimelineEventInput!) {\n    addTimelineEvent(input: $input) {\n      id\n      at\n      kind\n      message\n      author\n    }\n  }\n"): (typeof documents)["\n  mutation AddTimelineEvent($input: AddTimelineEventInput!) {\n    addTimelineEvent(input: $input) {\n      id\n      at\n      kind\n      message\n      author\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateActionItem($input: CreateActionItemInput!) {\n    createActionItem(input: $input) {\n      id\n      title\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateActionItem($input: CreateActionItemInput!) {\n    createActionItem(input: $input) {\n      id\n      title\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!) {\n    updateActionItem(id: $id, input: $input) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!) {\n    updateActionItem(id: $id, input: $input) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetIncidentField($id: ID!, $field: String!, $expectedVersion: Int) {\n    resetIncidentField(id: $id, field: $field, expectedVersion: $expectedVersion) {\n      ...IncidentDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetIncidentField($id: ID!, $field: String!, $expectedVersion: Int) {\n    resetIncidentField(id: $id, field: $field, expectedVersion: $expectedVersion) {\n      ...IncidentDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentList($filter: IncidentFilter, $first: Int, $after: String, $sort: IncidentSort) {\n    incidents(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          title\n          severity\n          status\n          kind\n          private\n          excludeFromMetrics\n          services {\n            id\n            name\n          }\n          startedAt\n          durationMinutes\n          primaryCause {\n            state\n            cause {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentList($filter: IncidentFilter, $first: Int, $after: String, $sort: IncidentSort) {\n    incidents(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          title\n          severity\n          status\n          kind\n          private\n          excludeFromMetrics\n          services {\n            id\n            name\n          }\n          startedAt\n          durationMinutes\n          primaryCause {\n            state\n            cause {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthProviders {\n    authProviders {\n      oidc\n      loginUrl\n    }\n  }\n"): (typeof documents)["\n  query AuthProviders {\n    authProviders {\n      oidc\n      loginUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetupRequired {\n    setupRequired\n  }\n"): (typeof documents)["\n  query SetupRequired {\n    setupRequired\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DurationStatFields on DurationStat {\n    count\n    meanMinutes\n    medianMinutes\n    p90Minutes\n    smallSample\n  }\n"): (typeof documents)["\n  fragment DurationStatFields on DurationStat {\n    count\n    meanMinutes\n    medianMinutes\n    p90Minutes\n    smallSample\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewHeadline(\n    $filter: MetricsFilter\n    $severeFilter: MetricsFilter\n    $previous: MetricsFilter\n    $previousSevere: MetricsFilter\n    $withPrevious: Boolean!\n  ) {\n    current: reliabilityMetrics(filter: $filter) {\n      ...HeadlineFields\n    }\n    severe: reliabilityMetrics(filter: $severeFilter) {\n      incidentCount\n    }\n    previous: reliabilityMetrics(filter: $previous) @include(if: $withPrevious) {\n      ...HeadlineFields\n    }\n    previousSevere: reliabilityMetrics(filter: $previousSevere) @include(if: $withPrevious) {\n      incidentCount\n    }\n  }\n  fragment HeadlineFields on ReliabilityMetrics {\n    periodStart\n    periodEnd\n    incidentCount\n    ongoingCount\n    excludedCount\n    nearMissCount\n    downtimeMinutes\n    timeToResolve {\n      ...DurationStatFields\n    }\n    timeToDetect {\n      ...DurationStatFields\n    }\n    services {\n      service {\n        id\n        name\n      }\n      availability\n      slo\n    }\n  }\n"): (typeof documents)["\n  query OverviewHeadline(\n    $filter: MetricsFilter\n    $severeFilter: MetricsFilter\n    $previous: MetricsFilter\n    $previousSevere: MetricsFilter\n    $withPrevious: Boolean!\n  ) {\n    current: reliabilityMetrics(filter: $filter) {\n      ...HeadlineFields\n    }\n    severe: reliabilityMetrics(filter: $severeFilter) {\n      incidentCount\n    }\n    previous: reliabilityMetrics(filter: $previous) @include(if: $withPrevious) {\n      ...HeadlineFields\n    }\n    previousSevere: reliabilityMetrics(filter: $previousSevere) @include(if: $withPrevious) {\n      incidentCount\n    }\n  }\n  fragment HeadlineFields on ReliabilityMetrics {\n    periodStart\n    periodEnd\n    incidentCount\n    ongoingCount\n    excludedCount\n    nearMissCount\n    downtimeMinutes\n    timeToResolve {\n      ...DurationStatFields\n    }\n    timeToDetect {\n      ...DurationStatFields\n    }\n    services {\n      service {\n        id\n        name\n      }\n      availability\n      slo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewTrend($filter: MetricsFilter, $granularity: Granularity!) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      trend(granularity: $granularity) {\n        periodStart\n        incidentCount\n        timeToResolve {\n          ...DurationStatFields\n        }\n        bySeverity {\n          severity\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewTrend($filter: MetricsFilter, $granularity: Granularity!) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      trend(granularity: $granularity) {\n        periodStart\n        incidentCount\n        timeToResolve {\n          ...DurationStatFields\n        }\n        bySeverity {\n          severity\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewCauses($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      byRootCause {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n      byRootCategory {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewCauses($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      byRootCause {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n      byRootCategory {\n        cause {\n          id\n        }\n        name\n        incidentCount\n        share\n        downtimeMinutes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewGaps($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      redundancyGaps {\n        service {\n          id\n          name\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        downtimeMinutes\n        covered\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewGaps($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      redundancyGaps {\n        service {\n          id\n          name\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        downtimeMinutes\n        covered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewDistribution($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      durationHistogram {\n        fromMinutes\n        toMinutes\n        count\n      }\n      detection {\n        source\n        incidentCount\n        share\n        timeToDetect {\n          ...DurationStatFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewDistribution($filter: MetricsFilter) {\n    reliabilityMetrics(filter: $filter) {\n      incidentCount\n      timeToResolve {\n        count\n      }\n      durationHistogram {\n        fromMinutes\n        toMinutes\n        count\n      }\n      detection {\n        source\n        incidentCount\n        share\n        timeToDetect {\n          ...DurationStatFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServicesReliability($filter: MetricsFilter) {\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n        name\n      }\n    }\n    reliabilityMetrics(filter: $filter) {\n      periodMinutes\n      services {\n        service {\n          id\n        }\n        incidentCount\n        downtimeMinutes\n        availability\n        slo\n        errorBudgetUsed\n        mtbfMinutes\n      }\n      redundancyGaps {\n        service {\n          id\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        covered\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServicesReliability($filter: MetricsFilter) {\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n        name\n      }\n    }\n    reliabilityMetrics(filter: $filter) {\n      periodMinutes\n      services {\n        service {\n          id\n        }\n        incidentCount\n        downtimeMinutes\n        availability\n        slo\n        errorBudgetUsed\n        mtbfMinutes\n      }\n      redundancyGaps {\n        service {\n          id\n        }\n        mechanism {\n          id\n          name\n        }\n        gapCount\n        covered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    teams {\n      id\n      name\n      version\n      services {\n        id\n      }\n    }\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n      }\n    }\n    rootCauses(includeRetired: true) {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms(includeRetired: true) {\n      id\n      name\n      description\n      retired\n    }\n  }\n"): (typeof documents)["\n  query Settings {\n    teams {\n      id\n      name\n      version\n      services {\n        id\n      }\n    }\n    services {\n      id\n      name\n      description\n      slo\n      team {\n        id\n        name\n      }\n      redundancy {\n        id\n      }\n    }\n    rootCauses(includeRetired: true) {\n      id\n      name\n      description\n      retired\n      parent {\n        id\n        name\n      }\n    }\n    redundancyMechanisms(includeRetired: true) {\n      id\n      name\n      description\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsUsers {\n    users {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsUsers {\n    users {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      version\n      teams {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      slo\n      redundancy {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      slo\n      redundancy {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRootCause($input: CreateRootCauseInput!) {\n    createRootCause(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRootCause($input: CreateRootCauseInput!) {\n    createRootCause(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRootCause($id: ID!) {\n    deleteRootCause(id: $id) {\n      id\n      retired\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRootCause($id: ID!) {\n    deleteRootCause(id: $id) {\n      id\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireRedundancyMechanism($id: ID!) {\n    retireRedundancyMechanism(id: $id) {\n      id\n      retired\n    }\n  }\n"): (typeof documents)["\n  mutation RetireRedundancyMechanism($id: ID!) {\n    retireRedundancyMechanism(id: $id) {\n      id\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRedundancyMechanism($input: CreateRedundancyMechanismInput!) {\n    createRedundancyMechanism(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRedundancyMechanism($input: CreateRedundancyMechanismInput!) {\n    createRedundancyMechanism(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        scopes\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        scopes\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRunFields on SyncRun {\n    id\n    status\n    trigger\n    queuedAt\n    startedAt\n    finishedAt\n    fetched\n    created\n    updated\n    unchanged\n    skipped\n    errorCount\n    errors {\n      externalId\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment SyncRunFields on SyncRun {\n    id\n    status\n    trigger\n    queuedAt\n    startedAt\n    finishedAt\n    fetched\n    created\n    updated\n    unchanged\n    skipped\n    errorCount\n    errors {\n      externalId\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceFields on Source {\n    id\n    kind\n    name\n    baseUrl\n    hasToken\n    hasWebhookSecret\n    team {\n      id\n      name\n    }\n    enabled\n    syncEveryMinutes\n    since\n    severityMap {\n      from\n      to\n    }\n    defaultSeverity\n    createMissing\n    private\n    webhookUrl\n    version\n    lastRun {\n      ...SyncRunFields\n    }\n  }\n"): (typeof documents)["\n  fragment SourceFields on Source {\n    id\n    kind\n    name\n    baseUrl\n    hasToken\n    hasWebhookSecret\n    team {\n      id\n      name\n    }\n    enabled\n    syncEveryMinutes\n    since\n    severityMap {\n      from\n      to\n    }\n    defaultSeverity\n    createMissing\n    private\n    webhookUrl\n    version\n    lastRun {\n      ...SyncRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sources {\n    sources {\n      ...SourceFields\n    }\n    teams {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Sources {\n    sources {\n      ...SourceFields\n    }\n    teams {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSource($id: ID!, $input: UpdateSourceInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSource($id: ID!, $input: UpdateSourceInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSourceConnection($id: ID, $input: TestSourceConnectionInput) {\n    testSourceConnection(id: $id, input: $input) {\n      ok\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation TestSourceConnection($id: ID, $input: TestSourceConnectionInput) {\n    testSourceConnection(id: $id, input: $input) {\n      ok\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncSource($id: ID!) {\n    syncSource(id: $id) {\n      ...SyncRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation SyncSource($id: ID!) {\n    syncSource(id: $id) {\n      ...SyncRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRun($id: ID!) {\n    syncRun(id: $id) {\n      ...SyncRunFields\n    }\n  }\n"): (typeof documents)["\n  query SyncRun($id: ID!) {\n    syncRun(id: $id) {\n      ...SyncRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRuns($sourceId: ID!, $first: Int) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      ...SyncRunFields\n    }\n  }\n"): (typeof documents)["\n  query SyncRuns($sourceId: ID!, $first: Int) {\n    syncRuns(sourceId: $sourceId, first: $first) {\n      ...SyncRunFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;