import { graphql } from '../../../gql';

export const DurationStatFields = graphql(`
  fragment DurationStatFields on DurationStat {
    count
    meanMinutes
    medianMinutes
    p90Minutes
    smallSample
  }
`);

export const OverviewHeadlineQuery = graphql(`
  query OverviewHeadline($filter: MetricsFilter, $withPrevious: Boolean!, $withLoop: Boolean!) {
    # The page's explanations come with its first query rather than as a request of their own.
    metricDefinitions {
      ...MetricDefinitionFields
    }
    reliabilityMetrics(filter: $filter) {
      ...HeadlineFields
      # Closing the loop (SPEC §6), on the overview only: the Reports page's preview asks for the headline alone.
      ...LoopFields @include(if: $withLoop)
      reviews @include(if: $withLoop) {
        overdueIncidents {
          id
          key
          title
          severity
        }
      }
      repeats @include(if: $withLoop) {
        byRootCause {
          cause {
            id
          }
          name
          count
        }
      }
      previous @include(if: $withPrevious) {
        ...HeadlineFields
        ...LoopFields @include(if: $withLoop)
      }
    }
  }
  fragment LoopFields on ReliabilityMetrics {
    reviews {
      required
      published
      publishedOnTime
      overdue
      medianDaysToPublish
      smallSample
    }
    repeats {
      count
      share
      incidentCount
      smallSample
    }
  }
  fragment HeadlineFields on ReliabilityMetrics {
    periodStart
    periodEnd
    incidentCount
    ongoingCount
    excludedCount
    nearMissCount
    downtimeMinutes
    timeToResolve {
      ...DurationStatFields
    }
    timeToDetect {
      ...DurationStatFields
    }
    timeToAcknowledge {
      ...DurationStatFields
    }
    timeToMitigate {
      ...DurationStatFields
    }
    # Quarters summed give the period's counts per severity (the whole-period field does not exist).
    severityBuckets: trend(granularity: QUARTER) {
      bySeverity {
        severity
        count
      }
    }
    detection {
      source
      incidentCount
    }
    services {
      service {
        id
        name
      }
      availability
      slo
    }
  }
`);

export const FixThatDidNotHoldFields = graphql(`
  fragment FixThatDidNotHoldFields on FixThatDidNotHold {
    actionItem {
      id
      title
      completedAt
      incident {
        id
        key
      }
    }
    cause {
      id
      name
    }
    incidentCount
    # the first few later incidents of each fix are linked; incidentCount says how many there are in all
    incidents {
      id
      key
      title
    }
    services {
      id
      name
    }
  }
`);

export const OverviewFixNextQuery = graphql(`
  query OverviewFixNext($filter: MetricsFilter, $fixesShown: Int!) {
    reliabilityMetrics(filter: $filter) {
      actionItems {
        overdue
      }
      # the fixes shown at first and their number; the rest only when "more" is opened (OverviewMoreFixes)
      fixesThatDidNotHoldCount
      fixesThatDidNotHold(first: $fixesShown, incidentsPerFix: 5) {
        ...FixThatDidNotHoldFields
      }
      # the redundancy gaps it ranks come from OverviewGaps (the same answer, not sent twice)
      byRootCause {
        cause {
          id
        }
        name
        incidentCount
        downtimeMinutes
      }
    }
  }
`);

/** Every fix that did not hold, asked for when someone opens "more" under the first few. */
export const OverviewMoreFixesQuery = graphql(`
  query OverviewMoreFixes($filter: MetricsFilter) {
    reliabilityMetrics(filter: $filter) {
      fixesThatDidNotHold(incidentsPerFix: 5) {
        ...FixThatDidNotHoldFields
      }
    }
  }
`);

export const OverviewTrendQuery = graphql(`
  query OverviewTrend($filter: MetricsFilter, $granularity: Granularity!) {
    reliabilityMetrics(filter: $filter) {
      incidentCount
      timeToResolve {
        count
        smallSample
      }
      trend(granularity: $granularity) {
        periodStart
        incidentCount
        timeToResolve {
          ...DurationStatFields
        }
        bySeverity {
          severity
          count
        }
        byDetection {
          source
          count
        }
      }
      repeats {
        trend(granularity: $granularity) {
          periodStart
          count
          incidentCount
          share
        }
      }
    }
  }
`);

/** The repeating incidents behind the overview's repeat count (or one cause's), asked only when the reader opens them. */
export const OverviewRepeatIncidentsQuery = graphql(`
  query OverviewRepeatIncidents($filter: MetricsFilter, $rootCauseId: ID) {
    reliabilityMetrics(filter: $filter) {
      repeats {
        incidents(first: 50, rootCauseId: $rootCauseId) {
          id
          key
          title
          severity
          startedAt
          primaryCause {
            cause {
              name
            }
          }
          repeatOf {
            id
            key
            startedAt
          }
        }
      }
    }
  }
`);

export const OverviewCausesQuery = graphql(`
  query OverviewCauses($filter: MetricsFilter) {
    reliabilityMetrics(filter: $filter) {
      incidentCount
      byRootCause {
        cause {
          id
        }
        name
        incidentCount
        share
        downtimeMinutes
      }
      byRootCategory {
        cause {
          id
        }
        name
        incidentCount
        share
        downtimeMinutes
      }
    }
  }
`);

export const OverviewGapsQuery = graphql(`
  query OverviewGaps($filter: MetricsFilter) {
    reliabilityMetrics(filter: $filter) {
      redundancyGaps {
        service {
          id
          name
        }
        mechanism {
          id
          name
        }
        gapCount
        missingCount
        failedCount
        downtimeMinutes
        covered
      }
    }
  }
`);

export const OverviewDistributionQuery = graphql(`
  query OverviewDistribution($filter: MetricsFilter) {
    reliabilityMetrics(filter: $filter) {
      incidentCount
      timeToResolve {
        count
        smallSample
      }
      durationHistogram {
        fromMinutes
        toMinutes
        count
      }
      detection {
        source
        incidentCount
        share
        timeToDetect {
          ...DurationStatFields
        }
      }
    }
  }
`);
