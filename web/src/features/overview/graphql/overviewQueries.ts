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
  query OverviewHeadline($filter: MetricsFilter, $withPrevious: Boolean!) {
    # The page's explanations come with its first query rather than as a request of their own.
    metricDefinitions {
      ...MetricDefinitionFields
    }
    reliabilityMetrics(filter: $filter) {
      ...HeadlineFields
      previous @include(if: $withPrevious) {
        ...HeadlineFields
      }
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

export const OverviewFixNextQuery = graphql(`
  query OverviewFixNext($filter: MetricsFilter) {
    reliabilityMetrics(filter: $filter) {
      actionItems {
        overdue
      }
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
        downtimeMinutes
        covered
      }
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
