/**
 * The report's numbers as one GraphQL document (a quarter, or any period and filter: digests), executed against the API's own schema
 * (reports.service.ts): the report's JSON is the answer of `reliabilityMetrics` for these fields,
 * its `previous` the API's `previous`. The TypeScript types in report.generated.ts come from this
 * document (`npx graphql-codegen --config api/src/reports/report.codegen.ts`; a spec checks they are current).
 */
export const REPORT_QUERY = /* GraphQL */ `
  query QuarterlyReport(
    $from: DateTime!
    $to: DateTime!
    $serviceIds: [ID!]
    $teamIds: [ID!]
    $sourceIds: [ID!]
    $severities: [Severity!]
    $rootCauseIds: [ID!]
    $confirmedOnly: Boolean
  ) {
    reliabilityMetrics(
      filter: {
        from: $from
        to: $to
        serviceIds: $serviceIds
        teamIds: $teamIds
        sourceIds: $sourceIds
        severities: $severities
        rootCauseIds: $rootCauseIds
        confirmedOnly: $confirmedOnly
      }
    ) {
      ...ReportMetrics
      previous {
        ...ReportMetrics
      }
    }
    metricDefinitions {
      key
      name
      formula
      unit
    }
  }

  fragment ReportStat on DurationStat {
    count
    meanMinutes
    medianMinutes
    p90Minutes
    smallSample
  }

  fragment ReportCause on CauseFrequency {
    cause {
      id
    }
    name
    incidentCount
    share
    cumulativeShare
    downtimeMinutes
    timeToResolve {
      ...ReportStat
    }
  }

  fragment ReportMetrics on ReliabilityMetrics {
    periodStart
    periodEnd
    periodMinutes
    incidentCount
    ongoingCount
    excludedCount
    nearMissCount
    timeToDetect {
      ...ReportStat
    }
    timeToAcknowledge {
      ...ReportStat
    }
    timeToMitigate {
      ...ReportStat
    }
    timeToResolve {
      ...ReportStat
    }
    downtimeMinutes
    byRootCause {
      ...ReportCause
    }
    byRootCategory {
      ...ReportCause
    }
    contributingFactors {
      ...ReportCause
    }
    trend(granularity: WEEK) {
      periodStart
      incidentCount
      downtimeMinutes
      timeToResolve {
        ...ReportStat
      }
      timeToDetect {
        ...ReportStat
      }
      bySeverity {
        severity
        count
      }
    }
    reviews {
      required
      published
      publishedOnTime
      overdue
      medianDaysToPublish
      smallSample
      overdueIncidents {
        key
        title
        postMortem {
          dueAt
        }
      }
    }
    repeats {
      count
      share
      smallSample
      byRootCause {
        name
        count
      }
    }
    fixesThatDidNotHold {
      actionItem {
        title
      }
      cause {
        name
      }
      services {
        name
      }
      incidentCount
      incidents {
        key
      }
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
    services {
      service {
        id
        name
      }
      incidentCount
      downtimeMinutes
      availability
      slo
      sloMet
      errorBudgetUsed
      mtbfMinutes
    }
    detection {
      source
      incidentCount
      share
      timeToDetect {
        ...ReportStat
      }
    }
    actionItems {
      opened
      open
      done
      overdue
      medianDaysToDone
      incidentsAllDoneShare
    }
  }
`;
