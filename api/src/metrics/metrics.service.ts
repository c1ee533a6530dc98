import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { RequestLoaders } from '../common/graphql/loaders';
import { toIds } from '../common/graphql/validators';
import { DetectionSource, Severity } from '../incidents/incident.enums';
import { toMechanism } from '../redundancy/redundancy-mechanism.model';
import { RedundancyService } from '../redundancy/redundancy.service';
import { toService } from '../services/service.model';
import { ServicesService } from '../services/services.service';
import { toRootCause } from '../taxonomy/root-cause.model';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { MetricsFilter } from './dto/metrics-filter.input';
import { metricsCacheKey, MetricsCache } from './metrics.cache';
import {
  ActionItemProgress,
  CauseFrequency,
  DetectionSourceStat,
  DurationStat,
  Granularity,
  HistogramBucket,
  RedundancyGap,
  ReliabilityMetrics,
  ServiceReliability,
  TrendPoint,
} from './metrics.model';
import { CauseMode, HISTOGRAM_EDGES } from './metrics.queries';
import { MetricsRepository, StatRow } from './metrics.repository';
import type { MetricsScope, ResolvedFilter, Visibility } from './metrics.scope';

/** A statistic over fewer incidents than this is flagged as a small sample (SPEC §3). */
export const SMALL_SAMPLE = 5;
const MINUTE = 60_000;
const DAY = 86_400_000;

export const toStat = (s: StatRow): DurationStat => ({
  count: s.count,
  meanMinutes: s.count ? s.mean : null,
  medianMinutes: s.count ? s.median : null,
  p90Minutes: s.count ? s.p90 : null,
  smallSample: s.count < SMALL_SAMPLE,
});

const sortedIds = (ids: string[] | null | undefined) => [...new Set(toIds(ids))].sort((a, b) => a - b);

/** Months between two instants when both are UTC month starts (so whole months, quarters or years), else null. */
function wholeMonths(from: Date, to: Date): number | null {
  const monthStart = (d: Date) => d.getUTCDate() === 1 && d.getTime() % 86_400_000 === 0;
  if (!monthStart(from) || !monthStart(to)) return null;
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
}

/**
 * The rules of SPEC §3 around the SQL of metrics.queries: filter checks, the period (its start, end and
 * length), shares, availability, error budget and MTBF, and caching per (visibility, filter, metric).
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly repo: MetricsRepository,
    private readonly cache: MetricsCache,
    private readonly servicesService: ServicesService,
    private readonly taxonomy: TaxonomyService,
    private readonly redundancy: RedundancyService,
  ) {}

  /*
   * Rows name services, causes and mechanisms by id; they are turned into API objects inside the cached
   * computation (those tables bump data_version too), so a cached answer needs no per-row lookups.
   */
  private async servicesById(loaders: RequestLoaders, ids: number[]) {
    const rows = await Promise.all([...new Set(ids)].map((id) => this.servicesService.load(loaders, id)));
    return new Map(rows.filter((r) => r !== null).map((r) => [r.id, toService(r)]));
  }

  /** Checks and normalises a filter: `from ≥ to` is BAD_USER_INPUT naming both. */
  resolveFilter(input: MetricsFilter | null | undefined): ResolvedFilter {
    const from = input?.from ?? null;
    const to = input?.to ?? null;
    if (from && to && from.getTime() >= to.getTime()) {
      throw badInput(`from (${from.toISOString()}) must be before to (${to.toISOString()})`, 'from', 'to');
    }
    return {
      from,
      to,
      serviceIds: sortedIds(input?.serviceIds),
      teamIds: sortedIds(input?.teamIds),
      severities: [...new Set(input?.severities ?? [])].sort() as Severity[],
      rootCauseIds: sortedIds(input?.rootCauseIds),
      sourceIds: sortedIds(input?.sourceIds),
      confirmedOnly: input?.confirmedOnly ?? false,
    };
  }

  /** The headline metrics for a principal and filter; the other metrics hang off `scope`. */
  async metrics(
    principal: Principal,
    input: MetricsFilter | null | undefined,
    loaders = new RequestLoaders(),
  ): Promise<ReliabilityMetrics> {
    const visibility: Visibility =
      principal.role === 'ADMIN'
        ? { role: 'ADMIN', teamIds: [] }
        : { role: principal.role, teamIds: [...principal.teamIds].sort((a, b) => a - b) };
    return this.forScope(visibility, this.resolveFilter(input), loaders);
  }

  /**
   * The same metrics for the period just before: of equal length, or, when from and to are both UTC month
   * starts (whole months, quarters, years), the same number of calendar months before (so Q3 → Q2).
   * A period without `to` still grows, so its length is counted to the start of the current UTC day (as the
   * web app's "last N days" comparison does; now, if the period starts today): the previous period then stays
   * the same all day and its answer can be cached. Null when the period has no start (nothing matched and no `from`).
   */
  async previous(m: ReliabilityMetrics, loaders = new RequestLoaders()): Promise<ReliabilityMetrics | null> {
    const { filter, periodStart, periodEnd } = m.scope;
    if (!periodStart) return null;
    // the period as asked (a running quarter is still a quarter), though its numbers end now
    const today = Math.floor(periodEnd.getTime() / DAY) * DAY;
    const end = filter.to ? filter.to.getTime() : today <= periodStart.getTime() ? periodEnd.getTime() : today;
    const months = wholeMonths(periodStart, filter.to ?? periodEnd);
    let from: Date;
    if (months && months > 0) {
      from = new Date(periodStart);
      from.setUTCMonth(from.getUTCMonth() - months);
    } else {
      from = new Date(periodStart.getTime() - (end - periodStart.getTime()));
    }
    if (from.getTime() >= periodStart.getTime()) return null;
    return this.forScope(m.scope.visibility, { ...filter, from, to: periodStart }, loaders);
  }

  private key(s: { visibility: Visibility; filter: ResolvedFilter }, metric: string, ...args: unknown[]): string {
    return metricsCacheKey(s, metric, ...args);
  }

  private async forScope(visibility: Visibility, filter: ResolvedFilter, loaders: RequestLoaders): Promise<ReliabilityMetrics> {
    const s = await this.cache.get(loaders, this.key({ visibility, filter }, 'summary'), () => this.repo.summary(visibility, filter));
    const periodStart = filter.from ?? s.firstStartedAt;
    // a running period ends now: availability, error budget and MTBF divide by the time elapsed, never the future
    const now = new Date();
    const periodEnd = filter.to && filter.to.getTime() < now.getTime() ? filter.to : now;
    const periodMinutes = periodStart ? Math.max(0, (periodEnd.getTime() - periodStart.getTime()) / MINUTE) : 0;
    const scope: MetricsScope = { visibility, filter, periodStart, periodEnd, periodMinutes, incidentCount: s.incidentCount };
    return {
      periodStart,
      periodEnd,
      periodMinutes,
      incidentCount: s.incidentCount,
      ongoingCount: s.ongoingCount,
      excludedCount: s.excludedCount,
      nearMissCount: s.nearMissCount,
      timeToDetect: toStat(s.ttd),
      timeToAcknowledge: toStat(s.tta),
      timeToMitigate: toStat(s.ttm),
      timeToResolve: toStat(s.ttr),
      downtimeMinutes: s.downtimeMinutes,
      scope,
    };
  }

  private share(n: number, total: number): number {
    return total > 0 ? n / total : 0;
  }

  /** Cause frequencies in Pareto order, with share = incidentCount / total incidentCount and its running sum. */
  async causes(scope: MetricsScope, mode: CauseMode, loaders: RequestLoaders): Promise<CauseFrequency[]> {
    const rows = await this.cache.get(loaders, this.key(scope, 'causes', mode), async () => {
      const found = await this.repo.causes(scope.visibility, scope.filter, mode);
      const nodes = new Map((await this.taxonomy.byIds(found.map((r) => r.causeId))).map((c) => [c.id, toRootCause(c)]));
      return found.map((r) => ({ ...r, cause: nodes.get(r.causeId)! }));
    });
    let running = 0;
    return rows.map((r) => {
      running += r.incidentCount;
      return {
        causeId: r.causeId,
        cause: r.cause,
        name: r.cause.name,
        incidentCount: r.incidentCount,
        share: this.share(r.incidentCount, scope.incidentCount),
        cumulativeShare: this.share(running, scope.incidentCount),
        downtimeMinutes: r.downtimeMinutes,
        timeToResolve: toStat(r.ttr),
      };
    });
  }

  /** Per service: merged downtime, availability, error budget used and MTBF over the period; worst budget first. */
  async services(scope: MetricsScope, loaders: RequestLoaders): Promise<ServiceReliability[]> {
    const rows = await this.cache.get(loaders, this.key(scope, 'services'), async () => {
      const found = await this.repo.serviceDowntime(scope.visibility, scope.filter);
      const services = await this.servicesById(
        loaders,
        found.map((r) => r.serviceId),
      );
      return found.map((r) => ({ ...r, service: services.get(r.serviceId)! }));
    });
    const period = scope.periodMinutes;
    return rows
      .map((r) => {
        const availability = period > 0 ? 100 * (1 - r.downtimeMinutes / period) : 100;
        return {
          serviceId: r.serviceId,
          service: r.service,
          name: r.name,
          incidentCount: r.incidentCount,
          downtimeMinutes: r.downtimeMinutes,
          availability,
          slo: r.slo,
          sloMet: availability >= r.slo,
          errorBudgetUsed: period > 0 ? r.downtimeMinutes / ((1 - r.slo / 100) * period) : 0,
          mtbfMinutes: r.incidentCount > 0 ? (period - r.downtimeMinutes) / r.incidentCount : null,
        };
      })
      .sort((a, b) => b.errorBudgetUsed - a.errorBudgetUsed || b.incidentCount - a.incidentCount || a.name.localeCompare(b.name))
      .map(({ name: _name, ...rest }) => rest);
  }

  async trend(scope: MetricsScope, granularity: Granularity, loaders: RequestLoaders): Promise<TrendPoint[]> {
    const rows = await this.cache.get(loaders, this.key(scope, 'trend', granularity), () =>
      this.repo.trend(scope.visibility, scope.filter, granularity),
    );
    // every source seen in the trend, in enum order, not recorded last: the same list in every bucket
    const order: Array<string | null> = [...Object.values(DetectionSource), null];
    const seen = new Set(rows.flatMap((r) => r.byDetection.map((d) => d.source)));
    const sources = order.filter((s) => seen.has(s));
    return rows.map((r) => {
      const counts = new Map(r.byDetection.map((d) => [d.source, d.count]));
      return {
        periodStart: r.periodStart,
        incidentCount: r.incidentCount,
        downtimeMinutes: r.downtimeMinutes,
        bySeverity: r.bySeverity.map((b) => ({ severity: b.severity as Severity, count: b.count })),
        byDetection: sources.map((source) => ({ source: source as DetectionSource | null, count: counts.get(source) ?? 0 })),
        timeToResolve: toStat(r.ttr),
        timeToDetect: toStat(r.ttd),
      };
    });
  }

  async redundancyGaps(scope: MetricsScope, loaders: RequestLoaders): Promise<RedundancyGap[]> {
    return this.cache.get(loaders, this.key(scope, 'redundancyGaps'), async () => {
      const found = await this.repo.redundancyGaps(scope.visibility, scope.filter);
      const services = await this.servicesById(
        loaders,
        found.map((r) => r.serviceId),
      );
      const mechanisms = new Map(
        (await this.redundancy.byIds([...new Set(found.map((r) => r.mechanismId))])).map((m) => [m.id, toMechanism(m)]),
      );
      return found.map((r) => ({ ...r, service: services.get(r.serviceId)!, mechanism: mechanisms.get(r.mechanismId)! }));
    });
  }

  async actionItems(scope: MetricsScope, loaders: RequestLoaders): Promise<ActionItemProgress> {
    const today = new Date().toISOString().slice(0, 10); // overdue depends on the day: part of the key
    return this.cache.get(loaders, this.key(scope, 'actionItems', today), () =>
      this.repo.actionItems(scope.visibility, scope.filter, today),
    );
  }

  async detection(scope: MetricsScope, loaders: RequestLoaders): Promise<DetectionSourceStat[]> {
    const rows = await this.cache.get(loaders, this.key(scope, 'detection'), () => this.repo.detection(scope.visibility, scope.filter));
    return rows.map((r) => ({
      source: r.source as DetectionSource | null,
      incidentCount: r.incidentCount,
      share: this.share(r.incidentCount, scope.incidentCount),
      timeToDetect: toStat(r.ttd),
    }));
  }

  async durationHistogram(scope: MetricsScope, loaders: RequestLoaders): Promise<HistogramBucket[]> {
    const counts = await this.cache.get(loaders, this.key(scope, 'histogram'), () => this.repo.histogram(scope.visibility, scope.filter));
    return HISTOGRAM_EDGES.map((from, n) => ({
      fromMinutes: from,
      toMinutes: HISTOGRAM_EDGES[n + 1] ?? null,
      count: counts.get(n + 1) ?? 0,
    }));
  }
}
