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
  query OverviewHeadline(
    $filter: MetricsFilter
    $severeFilter: MetricsFilter
    $previous: MetricsFilter
    $previousSevere: MetricsFilter
    $withPrevious: Boolean!
  ) {
    current: reliabilityMetrics(filter: $filter) {
      ...HeadlineFields
    }
    severe: reliabilityMetrics(filter: $severeFilter) {
      incidentCount
    }
    previous: reliabilityMetrics(filter: $previous) @include(if: $withPrevious) {
      ...HeadlineFields
    }
    previousSevere: reliabilityMetrics(filter: $previousSevere) @include(if: $withPrevious) {
      incidentCount
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

export const OverviewTrendQuery = graphql(`
  query OverviewTrend($filter: MetricsFilter, $granularity: Granularity!) {
    reliabilityMetrics(filter: $filter) {
      incidentCount
      timeToResolve {
        count
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
