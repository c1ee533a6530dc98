import { Injectable } from '@nestjs/common';
import { toActionItem } from '../action-items/action-item.model';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { groupBy, RequestLoaders } from '../common/graphql/loaders';
import type { IncidentRow } from '../incidents/incident.entity';
import { Incident, toIncident } from '../incidents/incident.model';
import { metricsCacheKey, MetricsCache } from '../metrics/metrics.cache';
import { Granularity } from '../metrics/metrics.model';
import type { MetricsScope, Visibility } from '../metrics/metrics.scope';
import { MetricsService, SMALL_SAMPLE } from '../metrics/metrics.service';
import { toService } from '../services/service.model';
import { ServicesService } from '../services/services.service';
import { toRootCause } from '../taxonomy/root-cause.model';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { FixThatDidNotHold, RepeatCauseCount, RepeatStats, RepeatTrendPoint } from './repeats.model';
import { FixCaps, RepeatsRepository, RepeatRow } from './repeats.repository';

/** Most repeating incidents one drill-down returns. */
export const MAX_REPEAT_INCIDENTS = 200;

/**
 * Bounds of fixesThatDidNotHold (its descriptions name them): the most recently completed failing items counted, the
 * items listed, the later incidents listed per item.
 */
export const FIX_CAPS: FixCaps = { candidates: 200, items: 50, incidents: 20, scopeKeys: 20_000 };

const visibilityOf = (p: Principal): Visibility =>
  p.role === 'ADMIN' ? { role: 'ADMIN', teamIds: [] } : { role: p.role, teamIds: [...p.teamIds].sort((a, b) => a - b) };

/** date_trunc(week | month | quarter) of a UTC day 'YYYY-MM-DD', as epoch ms (weeks start on Monday, as in PostgreSQL). */
function bucketStart(day: string, granularity: Granularity): number {
  const [y, m, d] = day.split('-').map(Number);
  if (granularity === Granularity.WEEK) {
    const t = Date.UTC(y, m - 1, d);
    return t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
  }
  return Date.UTC(y, granularity === Granularity.QUARTER ? Math.floor((m - 1) / 3) * 3 : m - 1, 1);
}

/** Rows by the incident they answer for (loaders are per request, and a request has one reader, so the key is the incident). */
const byIncident = (rows: RepeatRow[]) => groupBy(rows, (r) => r.of_id);

/**
 * SPEC §6 repeats and fixes that did not hold, among the incidents the reader may see. The SQL is in RepeatsRepository;
 * here: batching per request, shares, ordering and the API objects.
 */
@Injectable()
export class RepeatsService {
  constructor(
    private readonly repo: RepeatsRepository,
    private readonly servicesService: ServicesService,
    private readonly taxonomy: TaxonomyService,
    private readonly cache: MetricsCache,
    private readonly metrics: MetricsService,
  ) {}

  /** The latest earlier visible incident that `incidentId` repeats; null when none. Batched per request. */
  async repeatOf(loaders: RequestLoaders, principal: Principal, incidentId: number): Promise<Incident | null> {
    const rows = await loaders
      .get<number, RepeatRow[]>('repeatOf', async (ids) => byIncident(await this.repo.repeatOf(visibilityOf(principal), ids)), [])
      .load(incidentId);
    return rows.length ? toIncident(rows[0]) : null;
  }

  /** The later visible incidents that repeat `incidentId`, oldest first. Batched per request. */
  async repeatedBy(loaders: RequestLoaders, principal: Principal, incidentId: number): Promise<Incident[]> {
    const rows = await loaders
      .get<number, RepeatRow[]>('repeatedBy', async (ids) => byIncident(await this.repo.repeatedBy(visibilityOf(principal), ids)), [])
      .load(incidentId);
    return rows.map(toIncident);
  }

  /** The scope's repeating incidents per cause and UTC day: one cached statement for byRootCause and every trend. */
  private days(scope: MetricsScope, loaders: RequestLoaders) {
    // answers are cached like the other metrics: per reader's visibility and filter, valid while the data version holds
    return this.cache.get(loaders, metricsCacheKey(scope, 'repeats.days'), () => this.repo.byCauseAndDay(scope.visibility, scope.filter));
  }

  /**
   * The days added up per cause, or per trend bucket: cached like the days themselves, so a cached overview does not
   * add up a year of days per cause again on every request (at 1M incidents that was most of its CPU under load).
   */
  private perCause(scope: MetricsScope, loaders: RequestLoaders): Promise<Array<{ cause_id: number; count: number }>> {
    return this.cache.get(loaders, metricsCacheKey(scope, 'repeats.perCause'), async () => {
      const perCause = new Map<number, number>();
      for (const r of await this.days(scope, loaders)) perCause.set(r.cause_id, (perCause.get(r.cause_id) ?? 0) + r.count);
      return [...perCause].map(([cause_id, count]) => ({ cause_id, count }));
    });
  }

  private perBucket(scope: MetricsScope, granularity: Granularity, loaders: RequestLoaders): Promise<Map<number, number>> {
    return this.cache.get(loaders, metricsCacheKey(scope, 'repeats.perBucket', granularity), async () => {
      const repeating = new Map<number, number>();
      for (const d of await this.days(scope, loaders)) {
        const bucket = bucketStart(d.day, granularity);
        repeating.set(bucket, (repeating.get(bucket) ?? 0) + d.count);
      }
      return repeating;
    });
  }

  /** count, share, smallSample and byRootCause of the metrics' scope. */
  async stats(scope: MetricsScope, loaders: RequestLoaders): Promise<RepeatStats> {
    const rows = await this.perCause(scope, loaders);
    const byRootCause: RepeatCauseCount[] = await Promise.all(
      rows.map(async (r) => {
        const cause = toRootCause((await this.taxonomy.load(loaders, r.cause_id))!);
        return { cause, name: cause.name, count: r.count, causeId: r.cause_id };
      }),
    );
    // most first; equal counts by name, so the order does not depend on ids
    byRootCause.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const count = rows.reduce((n, r) => n + r.count, 0);
    const incidentCount = scope.incidentCount;
    return {
      count,
      incidentCount,
      share: incidentCount ? count / incidentCount : 0,
      smallSample: incidentCount < SMALL_SAMPLE,
      byRootCause,
      scope,
    };
  }

  /**
   * Per bucket: the counted incidents of the scope from the metrics trend (its buckets, first to last non-empty, and
   * its cache), and the repeating ones among them from repeat_key; every repeating incident is a counted one, so its
   * bucket is among the trend's.
   */
  async trend(scope: MetricsScope, granularity: Granularity, loaders: RequestLoaders): Promise<RepeatTrendPoint[]> {
    const [points, repeating] = await Promise.all([
      this.metrics.trend(scope, granularity, loaders),
      this.perBucket(scope, granularity, loaders),
    ]);
    return points.map((p) => {
      const count = repeating.get(p.periodStart.getTime()) ?? 0;
      return { periodStart: p.periodStart, count, incidentCount: p.incidentCount, share: p.incidentCount ? count / p.incidentCount : 0 };
    });
  }

  async incidents(scope: MetricsScope, first: number, rootCauseId: string | null | undefined): Promise<Incident[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_REPEAT_INCIDENTS) {
      throw badInput(`first must be 0–${MAX_REPEAT_INCIDENTS}`, 'first');
    }
    let causeId: number | null = null;
    if (rootCauseId !== null && rootCauseId !== undefined) {
      if (!/^\d{1,9}$/.test(rootCauseId)) throw badInput('rootCauseId is not a root-cause id', 'rootCauseId');
      causeId = Number(rootCauseId);
    }
    if (first === 0) return [];
    return (await this.repo.incidents(scope.visibility, scope.filter, first, causeId)).map(toIncident);
  }

  /** The fixes that did not hold and their later incidents, computed once per scope and data version (every size shares it). */
  private fixes(scope: MetricsScope, loaders: RequestLoaders, caps: FixCaps) {
    return this.cache.get(loaders, metricsCacheKey(scope, 'fixesThatDidNotHold', caps), async () => {
      const rows = await this.repo.fixes(scope.visibility, scope.filter, caps);
      const laterIds = [...new Set(rows.flatMap((r) => r.later_ids))];
      return {
        rows,
        incidents: new Map<number, IncidentRow>((laterIds.length ? await this.repo.byIds(laterIds) : []).map((r) => [r.id, r])),
      };
    });
  }

  /** How many fixes fixesThatDidNotHold lists without `first` (at most FIX_CAPS.items). */
  async fixesThatDidNotHoldCount(scope: MetricsScope, loaders: RequestLoaders): Promise<number> {
    return (await this.fixes(scope, loaders, FIX_CAPS)).rows.length;
  }

  /**
   * Fixes that did not hold in the scope: of the FIX_CAPS.candidates most recently completed failing items, the
   * FIX_CAPS.items with the most later incidents (then the item completed last first, then id), each with its first
   * FIX_CAPS.incidents later incidents and their full number. `caps` only for tests.
   */
  async fixesThatDidNotHold(
    scope: MetricsScope,
    loaders: RequestLoaders,
    shown: { first?: number | null; incidentsPerFix?: number | null } = {},
    caps: FixCaps = FIX_CAPS,
  ): Promise<FixThatDidNotHold[]> {
    // fewer are a prefix of the same answer (same order), so every size shares one computation
    const first = shown.first ?? caps.items;
    const perFix = shown.incidentsPerFix ?? caps.incidents;
    if (!Number.isInteger(first) || first < 0 || first > caps.items) throw badInput(`first must be 0–${caps.items}`, 'first');
    if (!Number.isInteger(perFix) || perFix < 0 || perFix > caps.incidents) {
      throw badInput(`incidentsPerFix must be 0–${caps.incidents}`, 'incidentsPerFix');
    }
    const { rows, incidents } = await this.fixes(scope, loaders, caps);
    // rows come in the answer's order; later_ids oldest first
    return Promise.all(
      rows.slice(0, first).map(async (r) => ({
        actionItem: toActionItem(r),
        cause: toRootCause((await this.taxonomy.load(loaders, r.cause_id!))!),
        services: (await Promise.all(r.service_ids.map((id) => this.servicesService.load(loaders, id))))
          .filter((s) => s !== null)
          .map(toService)
          .sort((a, b) => a.name.localeCompare(b.name)),
        incidents: r.later_ids.slice(0, perFix).map((id) => toIncident(incidents.get(id)!)),
        incidentCount: r.incident_count,
      })),
    );
  }
}
