import { Injectable } from '@nestjs/common';
import { toActionItem } from '../action-items/action-item.model';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { groupBy, RequestLoaders } from '../common/graphql/loaders';
import type { IncidentRow } from '../incidents/incident.entity';
import { Incident, toIncident } from '../incidents/incident.model';
import { Granularity } from '../metrics/metrics.model';
import type { MetricsScope, Visibility } from '../metrics/metrics.scope';
import { SMALL_SAMPLE } from '../metrics/metrics.service';
import { toService } from '../services/service.model';
import { ServicesService } from '../services/services.service';
import { toRootCause } from '../taxonomy/root-cause.model';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { FixThatDidNotHold, RepeatCauseCount, RepeatStats, RepeatTrendPoint } from './repeats.model';
import { RepeatsRepository, RepeatRow } from './repeats.repository';

/** Most repeating incidents one drill-down returns. */
export const MAX_REPEAT_INCIDENTS = 200;

const visibilityOf = (p: Principal): Visibility =>
  p.role === 'ADMIN' ? { role: 'ADMIN', teamIds: [] } : { role: p.role, teamIds: [...p.teamIds].sort((a, b) => a - b) };

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

  /** count, share, smallSample and byRootCause of the metrics' scope. */
  async stats(scope: MetricsScope, loaders: RequestLoaders): Promise<RepeatStats> {
    const rows = await this.repo.byCause(scope.visibility, scope.filter);
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

  async trend(scope: MetricsScope, granularity: Granularity): Promise<RepeatTrendPoint[]> {
    const rows = await this.repo.trend(scope.visibility, scope.filter, granularity);
    return rows.map((r) => ({
      periodStart: r.period_start,
      count: r.count,
      incidentCount: r.incident_count,
      share: r.incident_count ? r.count / r.incident_count : 0,
    }));
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

  /** Fixes that did not hold in the scope, most later incidents first (then the item completed last first, then id). */
  async fixesThatDidNotHold(scope: MetricsScope, loaders: RequestLoaders): Promise<FixThatDidNotHold[]> {
    const rows = await this.repo.fixes(scope.visibility, scope.filter);
    const laterIds = [...new Set(rows.map((r) => r.later_id))];
    const incidents = new Map<number, IncidentRow>((laterIds.length ? await this.repo.byIds(laterIds) : []).map((r) => [r.id, r]));
    const fixes = await Promise.all(
      [...groupBy(rows, (r) => r.id).values()].map(async (item) => {
        const first = item[0];
        const serviceIds = [...new Set(item.map((r) => r.service_id))];
        const services = (await Promise.all(serviceIds.map((id) => this.servicesService.load(loaders, id))))
          .filter((s) => s !== null)
          .map(toService)
          .sort((a, b) => a.name.localeCompare(b.name));
        // rows come oldest first (started_at, id) per item
        const later = [...new Set(item.map((r) => r.later_id))].map((id) => toIncident(incidents.get(id)!));
        return {
          actionItem: toActionItem(first),
          cause: toRootCause((await this.taxonomy.load(loaders, first.cause_id!))!),
          services,
          incidents: later,
          completedAt: first.completed_at!.getTime(),
        };
      }),
    );
    fixes.sort(
      (a, b) =>
        b.incidents.length - a.incidents.length || b.completedAt - a.completedAt || Number(a.actionItem.id) - Number(b.actionItem.id),
    );
    return fixes.map(({ completedAt: _, ...f }) => f);
  }
}
