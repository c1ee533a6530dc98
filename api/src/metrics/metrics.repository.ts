import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../common/database/database.service';
import { CauseMode, DATA_VERSION, Query, TREND_UNITS } from './metrics.queries';
import {
  refreshRollups,
  rollupActionItemsQuery,
  rollupCausesQuery,
  rollupDetectionQuery,
  rollupHistogramQuery,
  rollupRedundancyGapsQuery,
  rollupServiceDowntimeQuery,
  rollupSummaryQuery,
  rollupTrendQuery,
} from './metrics.rollup';
import type { ResolvedFilter, Visibility } from './metrics.scope';

/** A duration statistic as read from SQL (count, mean, [median, p90]); see `stat()` in metrics.queries. */
export interface StatRow {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface SummaryRow {
  incidentCount: number;
  ongoingCount: number;
  excludedCount: number;
  nearMissCount: number;
  firstStartedAt: Date | null;
  downtimeMinutes: number;
  ttd: StatRow;
  tta: StatRow;
  ttm: StatRow;
  ttr: StatRow;
}

export interface CauseRow {
  causeId: number;
  incidentCount: number;
  downtimeMinutes: number;
  ttr: StatRow;
}

export interface ServiceDowntimeRow {
  serviceId: number;
  name: string;
  slo: number;
  incidentCount: number;
  downtimeMinutes: number;
}

export interface TrendRow {
  periodStart: Date;
  incidentCount: number;
  downtimeMinutes: number;
  bySeverity: Array<{ severity: string; count: number }>;
  ttr: StatRow;
  ttd: StatRow;
  byDetection: Array<{ source: string | null; count: number }>;
}

export interface GapRow {
  serviceId: number;
  mechanismId: number;
  gapCount: number;
  missingCount: number;
  failedCount: number;
  downtimeMinutes: number;
  covered: boolean;
}

export interface ActionItemsRow {
  opened: number;
  open: number;
  done: number;
  overdue: number;
  medianDaysToDone: number | null;
  incidentsAllDoneShare: number | null;
}

export interface DetectionRow {
  source: string | null;
  incidentCount: number;
  ttd: StatRow;
}

/** Memory per sort or hash of a metric query (SET LOCAL: only for that transaction). */
export const QUERY_WORK_MEM = '64MB';

/**
 * How long one rebuild started by a request runs (in the background, one month per transaction); months still dirty
 * are read from their day cells and the written days' incidents (exact) and rebuilt by the next ones.
 */
export const REFRESH_BUDGET_MS = 2000;

/**
 * A rebuild asked for by reads starts once no metric has been read for REFRESH_QUIET_MS (the page that asked has its
 * answers: the rebuild does not compete with its queries), and at the latest REFRESH_MAX_WAIT_MS after the first ask
 * (under steady reading it still happens). Until then the dirty months are read exactly, as during a rebuild.
 */
export const REFRESH_QUIET_MS = 1500;
export const REFRESH_MAX_WAIT_MS = 10_000;

const statOf = (r: Record<string, any>, name: string): StatRow => {
  const pct: number[] | null = r[`${name}_pct`];
  return {
    count: r[`${name}_count`] ?? 0,
    mean: r[`${name}_mean`] ?? null,
    median: pct?.[0] ?? null,
    p90: pct?.[1] ?? null,
  };
};

/**
 * Runs each metric's one query (metrics.rollup, for every filter and role) and maps its rows; no rules here.
 */
@Injectable()
export class MetricsRepository {
  private readonly logger = new Logger('MetricsRepository');
  private refreshing: Promise<void> | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private firstAsked = 0;

  constructor(private readonly db: Database) {}

  /** Rebuilds dirty months (at most REFRESH_BUDGET_MS); concurrent callers in this process share one run. */
  refreshRollups(budgetMs = REFRESH_BUDGET_MS): Promise<void> {
    this.cancelScheduledRefresh();
    this.refreshing ??= refreshRollups(
      (work) => this.db.dataSource.transaction('REPEATABLE READ', (tx) => work((text, params) => tx.query(text, params))),
      budgetMs,
    )
      .then(() => undefined)
      .catch((err) => {
        // another process rebuilt the same month first (serialization failure): its cells stand
        if (err?.code !== '40001') this.logger.warn(`metric rollup refresh failed: ${(err as Error).message}`);
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /**
   * Runs a metric's one query (metrics.rollup) at once, and has what is dirty rebuilt off the request path once reads
   * pause (scheduleRefresh): the query reads the days written since their month was built from the incidents, so it is
   * exact without waiting.
   */
  private read(q: Query): Promise<any[]> {
    this.scheduleRefresh();
    return this.run(q);
  }

  /** Starts refreshRollups when no read has asked for REFRESH_QUIET_MS, or REFRESH_MAX_WAIT_MS after the first ask. */
  private scheduleRefresh(): void {
    if (this.refreshing) return; // a rebuild under way: the next read after it asks again
    const now = Date.now();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    else this.firstAsked = now;
    const wait = Math.max(0, Math.min(REFRESH_QUIET_MS, this.firstAsked + REFRESH_MAX_WAIT_MS - now));
    this.refreshTimer = setTimeout(() => void this.refreshRollups(), wait);
    this.refreshTimer.unref();
  }

  private cancelScheduledRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  /** A scheduled rebuild is dropped (the next start rebuilds what is dirty) and one under way finishes before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.cancelScheduledRefresh();
    await this.refreshing;
  }

  /**
   * Runs one metric query in its own transaction with settings fit for large aggregates: enough
   * work_mem for the percentile sorts and hashes to stay in memory, and no JIT compilation. Measured
   * together at 1M incidents (docs/performance.md): the one-year summary query went from 1.7 s to 1.0 s.
   */
  private run(q: Query): Promise<any[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('work_mem', '${QUERY_WORK_MEM}', true), set_config('jit', 'off', true)`);
      return tx.query(q.text, q.params);
    });
  }

  async dataVersion(): Promise<string> {
    const [row] = await this.db.query<{ version: string }>(DATA_VERSION);
    return row?.version ?? '0';
  }

  async summary(who: Visibility, f: ResolvedFilter): Promise<SummaryRow> {
    const [r] = await this.read(rollupSummaryQuery(who, f));
    return {
      incidentCount: r.incident_count,
      ongoingCount: r.ongoing_count,
      excludedCount: r.excluded_count,
      nearMissCount: r.near_miss_count,
      firstStartedAt: r.first_started_at,
      downtimeMinutes: r.downtime_minutes,
      ttd: statOf(r, 'ttd'),
      tta: statOf(r, 'tta'),
      ttm: statOf(r, 'ttm'),
      ttr: statOf(r, 'ttr'),
    };
  }

  async causes(who: Visibility, f: ResolvedFilter, mode: CauseMode): Promise<CauseRow[]> {
    const rows = await this.read(rollupCausesQuery(who, f, mode));
    return rows.map((r) => ({
      causeId: r.cause_id,
      incidentCount: r.incident_count,
      downtimeMinutes: r.downtime_minutes,
      ttr: statOf(r, 'ttr'),
    }));
  }

  async serviceDowntime(who: Visibility, f: ResolvedFilter): Promise<ServiceDowntimeRow[]> {
    const rows = await this.read(rollupServiceDowntimeQuery(who, f));
    return rows.map((r) => ({
      serviceId: r.service_id,
      name: r.name,
      slo: r.slo,
      incidentCount: r.incident_count,
      downtimeMinutes: r.downtime_minutes,
    }));
  }

  async trend(who: Visibility, f: ResolvedFilter, granularity: keyof typeof TREND_UNITS): Promise<TrendRow[]> {
    const rows = await this.read(rollupTrendQuery(who, f, granularity));
    return rows.map((r) => ({
      periodStart: r.period_start,
      incidentCount: r.incident_count ?? 0,
      downtimeMinutes: r.downtime_minutes ?? 0,
      bySeverity: (['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const).map((severity, n) => ({ severity, count: r[`sev${n + 1}`] ?? 0 })),
      ttr: statOf(r, 'ttr'),
      ttd: statOf(r, 'ttd'),
      byDetection: r.by_detection ?? [],
    }));
  }

  async redundancyGaps(who: Visibility, f: ResolvedFilter): Promise<GapRow[]> {
    const rows = await this.read(rollupRedundancyGapsQuery(who, f));
    return rows.map((r) => ({
      serviceId: r.service_id,
      mechanismId: r.mechanism_id,
      gapCount: r.gap_count,
      missingCount: r.missing_count,
      failedCount: r.failed_count,
      downtimeMinutes: r.downtime_minutes,
      covered: r.covered,
    }));
  }

  async actionItems(who: Visibility, f: ResolvedFilter, today: string): Promise<ActionItemsRow> {
    const [r] = await this.read(rollupActionItemsQuery(who, f, today));
    return {
      opened: r.opened,
      open: r.open,
      done: r.done,
      overdue: r.overdue,
      medianDaysToDone: r.median_days_to_done,
      incidentsAllDoneShare: r.all_done_share,
    };
  }

  async detection(who: Visibility, f: ResolvedFilter): Promise<DetectionRow[]> {
    const rows = await this.read(rollupDetectionQuery(who, f));
    return rows.map((r) => ({ source: r.source, incidentCount: r.incident_count, ttd: statOf(r, 'ttd') }));
  }

  /** Count per 1-based bucket of HISTOGRAM_EDGES. */
  async histogram(who: Visibility, f: ResolvedFilter): Promise<Map<number, number>> {
    const rows = await this.read(rollupHistogramQuery(who, f));
    return new Map(rows.map((r) => [r.bucket, r.count]));
  }
}
