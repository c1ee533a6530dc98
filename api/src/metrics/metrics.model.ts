import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DetectionSource, Severity } from '../incidents/incident.enums';
import { RedundancyMechanism } from '../redundancy/redundancy-mechanism.model';
import { Service } from '../services/service.model';
import { RootCause } from '../taxonomy/root-cause.model';
import type { MetricsScope } from './metrics.scope';

/*
 * The GraphQL shape of SPEC §3. Every description states the formula and the unit; docs/metrics.md
 * carries the same text for people. "Counted incidents" are the incidents in the filter that are
 * neither near misses nor excluded from metrics (ongoing ones included); "resolved counted incidents"
 * are those of them with resolvedAt, the only ones in duration statistics and downtime.
 */

export enum Granularity {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'Trend bucket size, by startedAt in UTC: WEEK (ISO weeks from Monday 00:00), MONTH, QUARTER (Jan, Apr, Jul, Oct).',
});

@ObjectType({
  description:
    'A duration statistic in minutes (fractional), over the resolved counted incidents that have both timestamps of the duration. ' +
    'Percentiles are continuous (linear interpolation, as PostgreSQL percentile_cont).',
})
export class DurationStat {
  @Field(() => Int, { description: 'Number of incidents in the statistic.' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'Mean in minutes = sum of durations / count; null when count is 0.' })
  meanMinutes: number | null;

  @Field(() => Float, { nullable: true, description: 'Median in minutes (50th continuous percentile); null when count is 0.' })
  medianMinutes: number | null;

  @Field(() => Float, { nullable: true, description: '90th continuous percentile in minutes; null when count is 0.' })
  p90Minutes: number | null;

  @Field({ description: 'True when count < 5: the numbers are given but say little.' })
  smallSample: boolean;
}

@ObjectType({ description: 'Incidents per root-cause node (or category), with a Pareto ordering: incidentCount descending.' })
export class CauseFrequency {
  @Field(() => RootCause, { description: 'The root-cause node counted under (a cause, or a category).' })
  cause: RootCause;

  @Field({ description: 'Name of the node counted under (the cause, or the category for byRootCategory).' })
  name: string;

  @Field(() => Int, {
    description: 'Counted incidents (ongoing included) with this node as primary cause (as a contributing factor in contributingFactors).',
  })
  incidentCount: number;

  @Field(() => Float, { description: 'Share of all incidents, a fraction 0–1 = incidentCount / ReliabilityMetrics.incidentCount.' })
  share: number;

  @Field(() => Float, { description: 'Pareto: the sum of share over this row and every row before it in this list, a fraction 0–1.' })
  cumulativeShare: number;

  @Field(() => Float, {
    description: 'Downtime in minutes: sum over its resolved counted incidents of (mitigatedAt, else resolvedAt) − startedAt.',
  })
  downtimeMinutes: number;

  @Field(() => DurationStat, { description: 'Time to resolve (resolvedAt − startedAt, minutes) of its resolved counted incidents.' })
  timeToResolve: DurationStat;

  causeId: number;
}

@ObjectType({ description: 'A redundancy gap: a MISSING or FAILED assessment, per affected service × mechanism.' })
export class RedundancyGap {
  @Field(() => Service, { description: 'The affected service.' })
  service: Service;

  @Field(() => RedundancyMechanism, { description: 'The mechanism that was MISSING or FAILED.' })
  mechanism: RedundancyMechanism;

  @Field(() => Int, {
    description: 'Counted incidents (ongoing included) affecting this service with a MISSING or FAILED assessment of this mechanism.',
  })
  gapCount: number;

  @Field(() => Int, { description: 'Of gapCount, the incidents whose assessment was MISSING (the redundancy did not exist).' })
  missingCount: number;

  @Field(() => Int, { description: 'Of gapCount, the incidents whose assessment was FAILED (it existed and did not work).' })
  failedCount: number;

  @Field(() => Float, {
    description:
      'Downtime in minutes: sum over those incidents that are resolved of (mitigatedAt, else resolvedAt) − startedAt; ongoing ones add nothing.',
  })
  downtimeMinutes: number;

  @Field({
    description:
      'True when an OPEN or IN_PROGRESS action item of one of those incidents names this mechanism (someone owns closing the gap).',
  })
  covered: boolean;

  serviceId: number;
  mechanismId: number;
}

@ObjectType({ description: 'Availability of one service over the period, against its SLO.' })
export class ServiceReliability {
  @Field(() => Service, { description: 'The service.' })
  service: Service;

  @Field(() => Int, { description: 'Counted incidents (ongoing included) affecting this service.' })
  incidentCount: number;

  @Field(() => Float, {
    description:
      'Service downtime in minutes: the impact intervals [startedAt, mitigatedAt else resolvedAt) of its resolved counted incidents, ' +
      'merged where they overlap so no minute counts twice, cut at the period end (to) when given.',
  })
  downtimeMinutes: number;

  @Field(() => Float, {
    description: 'Availability in percent = 100 × (1 − downtimeMinutes / periodMinutes); 100 when the period is empty.',
  })
  availability: number;

  @Field(() => Float, { description: "The service's availability objective in percent (99.9 means 99.9 %)." })
  slo: number;

  @Field({ description: 'True when availability ≥ slo.' })
  sloMet: boolean;

  @Field(() => Float, {
    description:
      'Error budget used, a fraction (1 = the whole budget) = downtimeMinutes / ((1 − slo / 100) × periodMinutes); 0 when the period is empty.',
  })
  errorBudgetUsed: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean time between failures in minutes = (periodMinutes − downtimeMinutes) / incidentCount; null without incidents.',
  })
  mtbfMinutes: number | null;

  serviceId: number;
}

@ObjectType({ description: 'Counted incidents of one severity.' })
export class SeverityCount {
  @Field(() => Severity, { description: 'The severity.' })
  severity: Severity;

  @Field(() => Int, { description: 'Counted incidents (ongoing included) of this severity.' })
  count: number;
}

@ObjectType({ description: 'Counted incidents of one detection source.' })
export class DetectionCount {
  @Field(() => DetectionSource, { nullable: true, description: 'The detection source; null = not recorded.' })
  source: DetectionSource | null;

  @Field(() => Int, { description: 'Counted incidents (ongoing included) with this source.' })
  count: number;
}

@ObjectType({ description: 'One trend bucket: the counted incidents whose startedAt falls in [periodStart, next periodStart), UTC.' })
export class TrendPoint {
  @Field(() => GraphQLISODateTime, { description: 'Start of the bucket (UTC midnight of a Monday, a month start or a quarter start).' })
  periodStart: Date;

  @Field(() => Int, { description: 'Counted incidents (ongoing included) started in the bucket.' })
  incidentCount: number;

  @Field(() => DurationStat, { description: 'Time to resolve (resolvedAt − startedAt, minutes) of its resolved counted incidents.' })
  timeToResolve: DurationStat;

  @Field(() => DurationStat, { description: 'Time to detect (detectedAt − startedAt, minutes) of its resolved counted incidents.' })
  timeToDetect: DurationStat;

  @Field(() => Float, {
    description: 'Downtime in minutes: sum over its resolved counted incidents of (mitigatedAt, else resolvedAt) − startedAt.',
  })
  downtimeMinutes: number;

  @Field(() => [SeverityCount], { description: 'Counted incidents per severity, SEV1 to SEV4 (zeros included).' })
  bySeverity: SeverityCount[];

  @Field(() => [DetectionCount], {
    description:
      'Counted incidents per detection source in the bucket: every source seen anywhere in the trend, zeros included, ' +
      'in the order of the DetectionSource enum, not recorded (null) last.',
  })
  byDetection: DetectionCount[];
}

@ObjectType({ description: 'Counted incidents by how they were first noticed.' })
export class DetectionSourceStat {
  @Field(() => DetectionSource, { nullable: true, description: 'The detection source; null = not recorded.' })
  source: DetectionSource | null;

  @Field(() => Int, { description: 'Counted incidents (ongoing included) with this source.' })
  incidentCount: number;

  @Field(() => Float, { description: 'Fraction 0–1 = incidentCount / ReliabilityMetrics.incidentCount.' })
  share: number;

  @Field(() => DurationStat, { description: 'Time to detect (detectedAt − startedAt, minutes) of its resolved counted incidents.' })
  timeToDetect: DurationStat;
}

@ObjectType({ description: 'One bucket of the time-to-resolve histogram: fromMinutes ≤ time to resolve < toMinutes.' })
export class HistogramBucket {
  @Field(() => Float, { description: 'Lower bound in minutes (inclusive).' })
  fromMinutes: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound in minutes (exclusive); null = open-ended.' })
  toMinutes: number | null;

  @Field(() => Int, { description: 'Resolved counted incidents whose time to resolve falls in the bucket.' })
  count: number;
}

@ObjectType({
  description: 'Progress of the action items of the incidents and near misses in the filter (excluded incidents left out).',
})
export class ActionItemProgress {
  @Field(() => Int, { description: 'Action items created, whatever their status.' })
  opened: number;

  @Field(() => Int, { description: 'Action items OPEN or IN_PROGRESS now.' })
  open: number;

  @Field(() => Int, { description: 'Action items DONE.' })
  done: number;

  @Field(() => Int, { description: 'OPEN or IN_PROGRESS action items whose dueDate is before today (UTC).' })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median (continuous) of completedAt − createdAt in days (fractional) over DONE items; null when none.',
  })
  medianDaysToDone: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Fraction 0–1 of the incidents with action items whose items are all DONE (WONT_DO items are ignored; an incident whose items are all WONT_DO is left out); null when none.',
  })
  incidentsAllDoneShare: number | null;
}

@ObjectType({
  description:
    'Reliability metrics of SPEC §3 over the incidents you may see that match the filter. Counted incidents = neither near miss nor ' +
    'excluded, ongoing included. Duration statistics and downtime use only resolved counted incidents.',
})
export class ReliabilityMetrics {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Start of the period: filter.from, else the earliest startedAt of the matching incidents; null when there is none.',
  })
  periodStart: Date | null;

  @Field(() => GraphQLISODateTime, {
    description:
      'End of the period (exclusive): filter.to when it has passed, else now (a running period, such as the current ' +
      'quarter, ends now: nothing is counted in the future).',
  })
  periodEnd: Date;

  @Field(() => Float, {
    description:
      'Period length in minutes = periodEnd − periodStart (0 without periodStart); what availability, error budget and MTBF divide by.',
  })
  periodMinutes: number;

  @Field(() => Int, {
    description: 'Counted incidents: matching incidents that are neither near misses nor excluded from metrics, ongoing ones included.',
  })
  incidentCount: number;

  @Field(() => Int, {
    description: 'Counted incidents without resolvedAt (part of incidentCount; not in duration statistics or downtime).',
  })
  ongoingCount: number;

  @Field(() => Int, {
    description: 'Matching incidents marked excludeFromMetrics (game days, tests), whatever their kind; not in incidentCount.',
  })
  excludedCount: number;

  @Field(() => Int, { description: 'Matching near misses not excluded from metrics; not in incidentCount.' })
  nearMissCount: number;

  @Field(() => DurationStat, { description: 'Time to detect = detectedAt − startedAt, minutes.' })
  timeToDetect: DurationStat;

  @Field(() => DurationStat, { description: 'Time to acknowledge = acknowledgedAt − startedAt, minutes.' })
  timeToAcknowledge: DurationStat;

  @Field(() => DurationStat, { description: 'Time to mitigate = mitigatedAt − startedAt, minutes.' })
  timeToMitigate: DurationStat;

  @Field(() => DurationStat, { description: 'Time to resolve = resolvedAt − startedAt, minutes; its mean is the MTTR.' })
  timeToResolve: DurationStat;

  @Field(() => Float, {
    description:
      'Downtime in minutes: sum over the resolved counted incidents of (mitigatedAt, else resolvedAt) − startedAt (each incident once; per-service merging is in services).',
  })
  downtimeMinutes: number;

  /** The resolved filter, the principal's visibility and the summary row, for the field resolvers. */
  scope: MetricsScope;
}

@ObjectType({
  description: 'One metric’s published definition (SPEC §3): the web app’s explanations, the report and docs/metrics.md use this list.',
})
export class MetricDefinition {
  @Field({
    description: 'Stable key, named after the GraphQL field that answers it (dotted for a field of a part, e.g. services.availability).',
  })
  key: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field({ description: 'The formula, in words and symbols.' })
  formula: string;

  @Field({ description: 'Unit of the number: count, minutes, days, percent, fraction (0–1) or list.' })
  unit: string;
}
