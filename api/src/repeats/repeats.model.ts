import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { ActionItem } from '../action-items/action-item.model';
import { Incident } from '../incidents/incident.model';
import type { MetricsScope } from '../metrics/metrics.scope';
import { Service } from '../services/service.model';
import { RootCause } from '../taxonomy/root-cause.model';

/*
 * SPEC §6 "repeat incident", the words used in every description below: an incident repeats an earlier one when both
 * are counted (neither near miss nor excluded from metrics; ongoing ones count), they share an affected service and
 * the same primary cause node, and it started after the earlier one and at most repeat_window_days days (an admin
 * setting, default 90; exactly the window counts, a millisecond more does not) after the earlier one started.
 * Only incidents the reader may see take part: a private incident of another team never makes one a repeat.
 */

@ObjectType({ description: 'Repeating incidents per primary cause node (under its own name), most first.' })
export class RepeatCauseCount {
  @Field(() => RootCause, { description: 'The primary cause node of the repeating incidents (a cause, or a category).' })
  cause: RootCause;

  @Field({ description: 'Name of that node.' })
  name: string;

  @Field(() => Int, { description: 'Counted incidents in the filter with this primary cause that repeat an earlier visible one.' })
  count: number;

  causeId: number;
}

@ObjectType({
  description: 'One trend bucket of repeats: the counted incidents whose startedAt falls in [periodStart, next periodStart), UTC.',
})
export class RepeatTrendPoint {
  @Field(() => GraphQLISODateTime, { description: 'Start of the bucket (UTC midnight of a Monday, a month start or a quarter start).' })
  periodStart: Date;

  @Field(() => Int, { description: 'Counted incidents in the filter started in the bucket that repeat an earlier visible one.' })
  count: number;

  @Field(() => Int, { description: 'Counted incidents in the filter started in the bucket (ongoing included).' })
  incidentCount: number;

  @Field(() => Float, { description: 'Fraction 0–1 = count / incidentCount of the bucket; 0 when the bucket has no counted incident.' })
  share: number;
}

@ObjectType({
  description:
    'Repeat incidents (SPEC §6): counted incidents that started after an earlier counted incident with a shared service and the ' +
    'same primary cause node, at most the repeat window (an admin setting, default 90 days, inclusive) after it. Only incidents ' +
    'you may see take part. The repeating incident must match the filter and its period; the earlier one only has to be ' +
    'visible and counted (it may lie before the period or outside the filter’s teams, severities, sources or causes).',
})
export class RepeatStats {
  @Field(() => Int, { description: 'Counted incidents in the filter and period that repeat an earlier visible counted incident.' })
  count: number;

  @Field(() => Int, {
    description: 'Counted incidents in the filter and period (ReliabilityMetrics.incidentCount), the denominator of share.',
  })
  incidentCount: number;

  @Field(() => Float, { description: 'Fraction 0–1 = count / incidentCount; 0 when incidentCount is 0.' })
  share: number;

  @Field({ description: 'True when incidentCount < 5: the numbers are given but say little.' })
  smallSample: boolean;

  @Field(() => [RepeatCauseCount], { description: 'count per primary cause node of the repeating incidents, most first (then by name).' })
  byRootCause: RepeatCauseCount[];

  scope: MetricsScope;
}

@ObjectType({
  description:
    'A fix that did not hold (SPEC §6): a PREVENT action item marked DONE, with a cause, after whose completedAt counted incidents ' +
    'started on a service of the action item’s own incident with that primary cause (or a cause under it, when the item’s cause is ' +
    'a category). Only incidents you may see take part: the item’s incident and the later ones. Bounded: of the items completed ' +
    'before the period’s end that did not hold, only the 200 most recently completed are counted, and at most 50 of those are ' +
    'listed (most later incidents first).',
})
export class FixThatDidNotHold {
  @Field(() => ActionItem, { description: 'The DONE PREVENT action item.' })
  actionItem: ActionItem;

  @Field(() => RootCause, { description: 'The cause the action item addresses.' })
  cause: RootCause;

  @Field(() => [Service], { description: 'The services of the action item’s incident that the later incidents affected, by name.' })
  services: Service[];

  @Field(() => [Incident], {
    description:
      'The later counted incidents in the filter and its period (startedAt > completedAt), oldest first: at most the first 20 ' +
      '(incidentCount has them all).',
  })
  incidents: Incident[];

  @Field(() => Int, {
    description:
      'How many later counted incidents in the filter and its period there are (count of incidents; `incidents` lists at most 20).',
  })
  incidentCount: number;
}
