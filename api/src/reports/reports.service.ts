import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { RequestLoaders } from '../common/graphql/loaders';
import { DurationStat, Granularity, ReliabilityMetrics } from '../metrics/metrics.model';
import { MetricsService } from '../metrics/metrics.service';
import { RedundancyService } from '../redundancy/redundancy.service';
import { ServicesService } from '../services/services.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CauseRow, MetricsJson, ReportData, Stat } from './report-data';
import { ReportsRepository } from './reports.repository';

const LARGEST = 10;

/** `2026-Q3` → its UTC bounds [from, to). */
export function parseQuarter(text: string | undefined): { quarter: string; from: Date; to: Date; previous: string } {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text?.trim() ?? '');
  if (!m) throw badInput('quarter must look like 2026-Q3', 'quarter');
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const to = new Date(Date.UTC(year, q * 3, 1));
  const previous = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  return { quarter: `${year}-Q${q}`, from, to, previous };
}

const stat = (s: DurationStat): Stat => ({
  count: s.count,
  meanMinutes: s.meanMinutes,
  medianMinutes: s.medianMinutes,
  p90Minutes: s.p90Minutes,
  smallSample: s.smallSample,
});

/**
 * The quarterly report's numbers. Every metric comes from MetricsService (the engine behind
 * `reliabilityMetrics`, which applies the principal's visibility); the largest-incidents list is
 * the report's own query, under the same visibility rule.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly repo: ReportsRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly services: ServicesService,
    private readonly redundancy: RedundancyService,
  ) {}

  async quarterly(principal: Principal, quarterText: string | undefined): Promise<ReportData> {
    const { quarter, from, to, previous } = parseQuarter(quarterText);
    const loaders = new RequestLoaders();
    const current = await this.metrics.metrics(principal, { from, to }, loaders);
    const before = await this.metrics.previous(current, loaders);
    const [metrics, prev, largestIncidents] = await Promise.all([
      this.toJson(current, loaders),
      before ? this.toJson(before, loaders) : null,
      this.repo.largestIncidents(principal, from, to, LARGEST),
    ]);
    return {
      quarter,
      previousQuarter: previous,
      generatedAt: new Date().toISOString(),
      trendGranularity: 'WEEK',
      metrics,
      previous: prev,
      largestIncidents: largestIncidents.map((i) => ({
        ...i,
        downtimeMinutes: i.downtimeMinutes === null ? null : Number(i.downtimeMinutes),
        timeToResolveMinutes: i.timeToResolveMinutes === null ? null : Number(i.timeToResolveMinutes),
      })),
    };
  }

  /** The metrics as the GraphQL answer of reliabilityMetrics with every field would give them. */
  private async toJson(m: ReliabilityMetrics, loaders: RequestLoaders): Promise<MetricsJson> {
    const s = m.scope;
    const [byRootCause, byRootCategory, contributing, trend, gaps, services, detection, actionItems] = await Promise.all([
      this.metrics.causes(s, 'NODE', loaders),
      this.metrics.causes(s, 'CATEGORY', loaders),
      this.metrics.causes(s, 'CONTRIBUTING', loaders),
      this.metrics.trend(s, Granularity.WEEK, loaders),
      this.metrics.redundancyGaps(s, loaders),
      this.metrics.services(s, loaders),
      this.metrics.detection(s, loaders),
      this.metrics.actionItems(s, loaders),
    ]);
    const causeRows = (rows: typeof byRootCause): Promise<CauseRow[]> =>
      Promise.all(
        rows.map(async (c) => ({
          id: String(c.causeId),
          name: (await this.taxonomy.load(loaders, c.causeId))?.name ?? `#${c.causeId}`,
          incidentCount: c.incidentCount,
          share: c.share,
          cumulativeShare: c.cumulativeShare,
          downtimeMinutes: c.downtimeMinutes,
          timeToResolve: stat(c.timeToResolve),
        })),
      );
    const service = async (id: number) => ({ id: String(id), name: (await this.services.load(loaders, id))?.name ?? `#${id}` });
    return {
      periodStart: m.periodStart?.toISOString() ?? null,
      periodEnd: m.periodEnd.toISOString(),
      periodMinutes: m.periodMinutes,
      incidentCount: m.incidentCount,
      ongoingCount: m.ongoingCount,
      excludedCount: m.excludedCount,
      nearMissCount: m.nearMissCount,
      timeToDetect: stat(m.timeToDetect),
      timeToAcknowledge: stat(m.timeToAcknowledge),
      timeToMitigate: stat(m.timeToMitigate),
      timeToResolve: stat(m.timeToResolve),
      downtimeMinutes: m.downtimeMinutes,
      byRootCause: await causeRows(byRootCause),
      byRootCategory: await causeRows(byRootCategory),
      contributingFactors: await causeRows(contributing),
      trend: trend.map((p) => ({
        periodStart: p.periodStart.toISOString(),
        incidentCount: p.incidentCount,
        downtimeMinutes: p.downtimeMinutes,
        timeToResolve: stat(p.timeToResolve),
        timeToDetect: stat(p.timeToDetect),
        bySeverity: p.bySeverity.map((b) => ({ severity: b.severity, count: b.count })),
      })),
      redundancyGaps: await Promise.all(
        gaps.map(async (g) => ({
          service: await service(g.serviceId),
          mechanism: { id: String(g.mechanismId), name: (await this.redundancy.load(loaders, g.mechanismId))?.name ?? `#${g.mechanismId}` },
          gapCount: g.gapCount,
          downtimeMinutes: g.downtimeMinutes,
          covered: g.covered,
        })),
      ),
      services: await Promise.all(
        services.map(async (r) => ({
          service: await service(r.serviceId),
          incidentCount: r.incidentCount,
          downtimeMinutes: r.downtimeMinutes,
          availability: r.availability,
          slo: r.slo,
          sloMet: r.sloMet,
          errorBudgetUsed: r.errorBudgetUsed,
          mtbfMinutes: r.mtbfMinutes,
        })),
      ),
      detection: detection.map((d) => ({
        source: d.source,
        incidentCount: d.incidentCount,
        share: d.share,
        timeToDetect: stat(d.timeToDetect),
      })),
      actionItems: {
        opened: actionItems.opened,
        open: actionItems.open,
        done: actionItems.done,
        overdue: actionItems.overdue,
        medianDaysToDone: actionItems.medianDaysToDone,
        incidentsAllDoneShare: actionItems.incidentsAllDoneShare,
      },
    };
  }
}
