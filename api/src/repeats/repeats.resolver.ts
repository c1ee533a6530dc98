import { Args, Context, ID, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../common/graphql/context';
import { Incident } from '../incidents/incident.model';
import { Granularity, ReliabilityMetrics } from '../metrics/metrics.model';
import { METRICS_PART_COMPLEXITY } from '../metrics/metrics.resolver';
import { FixThatDidNotHold, RepeatStats, RepeatTrendPoint } from './repeats.model';
import { FIX_CAPS, RepeatsService } from './repeats.service';

/** `Incident.repeatOf` and `Incident.repeatedBy` live here so incidents need not know about repeats. */
@Resolver(() => Incident)
export class IncidentRepeatsResolver {
  constructor(private readonly service: RepeatsService) {}

  @ResolveField(() => Incident, {
    nullable: true,
    description:
      'The earlier incident this one repeats (SPEC §6): among the counted incidents you may see that share a service and the ' +
      'primary cause node with it and started before it, at most the repeat window (default 90 days, inclusive) earlier, the ' +
      'latest. Null when it repeats none, or is itself not counted (near miss, excluded) or has no primary cause.',
  })
  repeatOf(@Parent() i: Incident, @CurrentPrincipal() p: Principal, @Context() ctx: RequestContext): Promise<Incident | null> {
    return this.service.repeatOf(ctx.loaders, p, Number(i.id));
  }

  @ResolveField(() => [Incident], {
    description:
      'The later counted incidents you may see that repeat this one (a shared service, the same primary cause node, started ' +
      'after it and at most the repeat window later), oldest first; each may name a later one than this as its repeatOf.',
  })
  repeatedBy(@Parent() i: Incident, @CurrentPrincipal() p: Principal, @Context() ctx: RequestContext): Promise<Incident[]> {
    return this.service.repeatedBy(ctx.loaders, p, Number(i.id));
  }
}

/** `reliabilityMetrics.repeats` and `reliabilityMetrics.fixesThatDidNotHold`, over the metrics' scope. */
@Resolver(() => ReliabilityMetrics)
export class MetricsRepeatsResolver {
  constructor(private readonly service: RepeatsService) {}

  @ResolveField(() => RepeatStats, {
    description:
      'Repeat incidents (SPEC §6): count = counted incidents in the filter and period that repeat an earlier counted incident ' +
      'you may see (the earlier one may lie before the period or outside the filter); share = count / incidentCount.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  repeats(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<RepeatStats> {
    return this.service.stats(m.scope, ctx.loaders);
  }

  @ResolveField(() => [FixThatDidNotHold], {
    description:
      'Fixes that did not hold (SPEC §6): DONE PREVENT action items with a cause, whose incident you may see, followed (startedAt > ' +
      'completedAt) by counted incidents in the filter and period with that primary cause (or one under it) on a service of the ' +
      'item’s incident. Of the 200 most recently completed items that did not hold, the 50 with the most later incidents (then ' +
      'completed last first, then by id), each listing at most its first 20 later incidents (incidentCount counts all). ' +
      '`first` and `incidentsPerFix` list fewer of the same, in the same order (an overview needs a few, a report all).',
    complexity: METRICS_PART_COMPLEXITY,
  })
  fixesThatDidNotHold(
    @Parent() m: ReliabilityMetrics,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: FIX_CAPS.items, description: `How many fixes, 0–${FIX_CAPS.items}.` })
    first: number,
    @Args('incidentsPerFix', {
      type: () => Int,
      nullable: true,
      defaultValue: FIX_CAPS.incidents,
      description: `How many of each fix's later incidents (the first ones), 0–${FIX_CAPS.incidents}; incidentCount counts all.`,
    })
    incidentsPerFix: number,
  ): Promise<FixThatDidNotHold[]> {
    return this.service.fixesThatDidNotHold(m.scope, ctx.loaders, { first, incidentsPerFix });
  }

  @ResolveField(() => Int, {
    description:
      `How many fixes fixesThatDidNotHold lists without \`first\` (at most ${FIX_CAPS.items}): a page can ask for the first ` +
      'few and their number, and for the rest only when someone opens them.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  fixesThatDidNotHoldCount(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<number> {
    return this.service.fixesThatDidNotHoldCount(m.scope, ctx.loaders);
  }
}

@Resolver(() => RepeatStats)
export class RepeatStatsResolver {
  constructor(private readonly service: RepeatsService) {}

  @ResolveField(() => [RepeatTrendPoint], {
    description:
      'Per bucket of startedAt (UTC), from the first to the last bucket with a counted incident in the filter, empty buckets included: ' +
      'count of repeating incidents, incidentCount, share = count / incidentCount.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  trend(
    @Parent() r: RepeatStats,
    @Args('granularity', { type: () => Granularity, description: 'Bucket size.' }) granularity: Granularity,
    @Context() ctx: RequestContext,
  ): Promise<RepeatTrendPoint[]> {
    return this.service.trend(r.scope, granularity, ctx.loaders);
  }

  @ResolveField(() => [Incident], {
    description: 'The repeating incidents (those in count), newest first: the drill-down.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  incidents(
    @Parent() r: RepeatStats,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50, description: 'How many, 0–200.' }) first: number,
    @Args('rootCauseId', {
      type: () => ID,
      nullable: true,
      description: 'Only those whose primary cause is exactly this node (as in byRootCause).',
    })
    rootCauseId: string | null,
  ): Promise<Incident[]> {
    return this.service.incidents(r.scope, first ?? 50, rootCauseId);
  }
}
