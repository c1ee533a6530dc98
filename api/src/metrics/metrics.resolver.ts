import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../common/graphql/context';
import { MetricsFilter } from './dto/metrics-filter.input';
import {
  ActionItemProgress,
  CauseFrequency,
  DetectionSourceStat,
  Granularity,
  HistogramBucket,
  MetricDefinition,
  RedundancyGap,
  ReliabilityMetrics,
  ServiceReliability,
  TrendPoint,
} from './metrics.model';
import { METRIC_DEFINITIONS } from './metric-definitions';
import { MetricsService } from './metrics.service';

/**
 * What one metrics object costs in the query-cost model (limit MAX_COMPLEXITY = 10,000): its summary
 * is a set of SQL aggregates (counts, four duration statistics with percentiles) over every
 * incident of the period, so at most 20 fit in one request and 30 aliases are refused. The web app's
 * heaviest page (the overview headline: four metrics objects) costs about a quarter of the limit.
 */
export const METRICS_COMPLEXITY = 500;
/** Each part computed by its own aggregate SQL over the period's incidents (causes, trend, gaps...). */
export const METRICS_PART_COMPLEXITY = 250;

@Resolver(() => ReliabilityMetrics)
export class MetricsResolver {
  constructor(private readonly metrics: MetricsService) {}

  @Query(() => ReliabilityMetrics, {
    description:
      'Reliability metrics (SPEC §3) of the incidents you may see that match the filter; without a filter, all time. ' +
      'Private incidents of other teams never count. Expensive parts (services, trend, causes, gaps...) are computed only when asked for.',
    complexity: METRICS_COMPLEXITY,
  })
  reliabilityMetrics(
    @CurrentPrincipal() p: Principal,
    @Args('filter', {
      type: () => MetricsFilter,
      nullable: true,
      description: 'Which incidents; all time and everything you may see when omitted.',
    })
    filter: MetricsFilter, // null when omitted; typed as the class so the validation pipe checks it
    @Context() ctx: RequestContext,
  ): Promise<ReliabilityMetrics> {
    return this.metrics.metrics(p, filter, ctx.loaders);
  }

  @Query(() => [MetricDefinition], {
    description:
      'Every metric’s definition, published once: key, name, formula and unit. The web app’s explanations, the report’s ' +
      'definitions page and docs/metrics.md are made from this list.',
  })
  metricDefinitions(): MetricDefinition[] {
    return METRIC_DEFINITIONS.map((d) => ({ ...d }));
  }

  @ResolveField(() => ReliabilityMetrics, {
    nullable: true,
    complexity: METRICS_COMPLEXITY,
    description:
      'The same metrics, same filter, for the period just before: of equal length, or the same number of calendar months ' +
      'when from and to are both UTC month starts (a quarter → the previous quarter). Without to, the length counts to the ' +
      'start of the current UTC day (so "last 90 days" compares with the 90 days before). Null when the period has no start. ' +
      'It does not nest: asking for previous inside previous is refused (ask for an earlier period with its own filter).',
  })
  previous(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<ReliabilityMetrics | null> {
    return this.metrics.previous(m, ctx.loaders);
  }

  @ResolveField(() => [CauseFrequency], {
    description: 'Incidents per primary cause, one row per assigned node under its own name, in Pareto order (incidentCount desc).',
    complexity: METRICS_PART_COMPLEXITY,
  })
  byRootCause(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<CauseFrequency[]> {
    return this.metrics.causes(m.scope, 'NODE', ctx.loaders);
  }

  @ResolveField(() => [CauseFrequency], {
    description:
      'Incidents per primary cause rolled up to its category (a primary cause that is a category counts under itself), Pareto order.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  byRootCategory(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<CauseFrequency[]> {
    return this.metrics.causes(m.scope, 'CATEGORY', ctx.loaders);
  }

  @ResolveField(() => [CauseFrequency], {
    description: 'Incidents per contributing factor (counted separately from primary causes; share = its incidentCount / incidentCount).',
    complexity: METRICS_PART_COMPLEXITY,
  })
  contributingFactors(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<CauseFrequency[]> {
    return this.metrics.causes(m.scope, 'CONTRIBUTING', ctx.loaders);
  }

  @ResolveField(() => [TrendPoint], {
    description: 'Per bucket of startedAt (UTC), from the first to the last bucket with a counted incident, empty buckets included.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  trend(
    @Parent() m: ReliabilityMetrics,
    @Args('granularity', { type: () => Granularity, description: 'Bucket size.' }) granularity: Granularity,
    @Context() ctx: RequestContext,
  ): Promise<TrendPoint[]> {
    return this.metrics.trend(m.scope, granularity, ctx.loaders);
  }

  @ResolveField(() => [RedundancyGap], {
    description: 'Redundancy gaps per service × mechanism, most frequent first.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  redundancyGaps(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<RedundancyGap[]> {
    return this.metrics.redundancyGaps(m.scope, ctx.loaders);
  }

  @ResolveField(() => [ServiceReliability], {
    description: 'Availability, error budget and MTBF per service over the period; most budget used first.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  services(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<ServiceReliability[]> {
    return this.metrics.services(m.scope, ctx.loaders);
  }

  @ResolveField(() => [DetectionSourceStat], {
    description: 'Counted incidents by detection source, most frequent first.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  detection(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<DetectionSourceStat[]> {
    return this.metrics.detection(m.scope, ctx.loaders);
  }

  @ResolveField(() => [HistogramBucket], {
    description:
      'Time to resolve of resolved counted incidents in buckets: 0–5, 5–15, 15–30, 30–60 min, 1–2, 2–4, 4–8, 8–24 h, 1–3 d, 3–7 d, ≥ 7 d.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  durationHistogram(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<HistogramBucket[]> {
    return this.metrics.durationHistogram(m.scope, ctx.loaders);
  }

  @ResolveField(() => ActionItemProgress, {
    description: 'Action-item progress of the incidents in the filter.',
    complexity: METRICS_PART_COMPLEXITY,
  })
  actionItems(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<ActionItemProgress> {
    return this.metrics.actionItems(m.scope, ctx.loaders);
  }
}
