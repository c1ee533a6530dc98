/**
 * The reference: SPEC §3 written as plain per-incident SQL, one named, parameterised query per metric, each with its
 * formula and unit, and PostgreSQL's own percentile_cont. The API never runs these queries: every metric is answered
 * by its one implementation in metrics.rollup. They are the oracle the integration tests check that implementation
 * against (every metric, filter and role) and the baseline of the benchmarks. The shared pieces above the queries
 * (RESOLVED, DOWNTIME, islandsSql, TREND_UNITS, HISTOGRAM_EDGES) are used by both.
 *
 * Vocabulary used in every note below:
 * - matching incidents: visible to the principal and selected by the filter (startedAt in [from, to), ...);
 * - counted incidents: matching ones with `in_metrics` (kind INCIDENT and not excludeFromMetrics), ongoing included;
 * - resolved counted incidents: counted ones with resolved_at; the only ones in duration statistics and downtime.
 * Durations are the stored generated columns ttd/tta/ttm/ttr_minutes (fractional minutes from started_at,
 * never rounded); an incident's downtime is coalesce(ttm_minutes, ttr_minutes), i.e. impact_end_at − started_at.
 */
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { incidentFilterSql } from './metrics.filter';
import type { ResolvedFilter, Visibility } from './metrics.scope';

export interface Query {
  text: string;
  params: unknown[];
}

/** Resolved counted incident on alias i. */
export const RESOLVED = `i.in_metrics AND i.resolved_at IS NOT NULL`;
/** Downtime of incident i in minutes; NULL while ongoing. */
export const DOWNTIME = `CASE WHEN i.resolved_at IS NOT NULL THEN coalesce(i.ttm_minutes, i.ttr_minutes) END`;

/**
 * count, mean, median and p90 (continuous) of a duration column over resolved counted incidents having it
 * (`extra` narrows further). One sort serves both percentiles.
 */
function stat(column: string, name: string, extra = 'true'): string {
  const where = `${RESOLVED} AND i.${column} IS NOT NULL AND ${extra}`;
  return `count(i.${column}) FILTER (WHERE ${where})::int AS ${name}_count,
    avg(i.${column}) FILTER (WHERE ${where}) AS ${name}_mean,
    percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY i.${column}) FILTER (WHERE ${where}) AS ${name}_pct`;
}

/**
 * The WHERE conditions on alias i for the principal's visibility and the filter, appending parameters.
 * rootCauseIds matches the primary cause node or a cause under that category (confirmed tags only with confirmedOnly).
 */
export function scopeSql(who: Visibility, f: ResolvedFilter, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [visibleIncidentsSql(who as Principal, 'i', params)];
  if (f.from) where.push(`i.started_at >= ${p(f.from)}`);
  if (f.to) where.push(`i.started_at < ${p(f.to)}`);
  where.push(incidentFilterSql(f, p));
  return where.join(' AND ');
}

/** The data version every write bumps (statement triggers); a cached answer is valid while it is unchanged. */
export const DATA_VERSION = `SELECT version::text AS version FROM data_version`;

/**
 * SUMMARY — the headline numbers (counts are incidents; durations and downtime minutes):
 * incident_count = counted incidents; ongoing_count = counted ones without resolved_at;
 * excluded_count = matching with exclude_from_metrics; near_miss_count = matching NEAR_MISS not excluded;
 * first_started_at = min(started_at) of matching incidents (the period start without `from`);
 * downtime_minutes = Σ downtime of resolved counted incidents;
 * ttd/tta/ttm/ttr = duration statistics (count, mean, [median, p90]) of detected/acknowledged/mitigated/resolved − started.
 */
export function summaryQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  return {
    text: `SELECT
      count(*) FILTER (WHERE i.in_metrics)::int AS incident_count,
      count(*) FILTER (WHERE i.in_metrics AND i.resolved_at IS NULL)::int AS ongoing_count,
      count(*) FILTER (WHERE i.exclude_from_metrics)::int AS excluded_count,
      count(*) FILTER (WHERE i.kind = 'NEAR_MISS' AND NOT i.exclude_from_metrics)::int AS near_miss_count,
      min(i.started_at) AS first_started_at,
      coalesce(sum(${DOWNTIME}) FILTER (WHERE ${RESOLVED}), 0)::float8 AS downtime_minutes,
      ${stat('ttd_minutes', 'ttd')},
      ${stat('tta_minutes', 'tta')},
      ${stat('ttm_minutes', 'ttm')},
      ${stat('ttr_minutes', 'ttr')}
    FROM incident i WHERE ${where}`,
    params,
  };
}

export type CauseMode = 'NODE' | 'CATEGORY' | 'CONTRIBUTING';

/**
 * CAUSE_FREQUENCY — per root-cause node: incident_count = counted incidents tagged with it (ongoing included),
 * downtime_minutes = Σ downtime of its resolved counted incidents, ttr = time-to-resolve statistic (minutes).
 * NODE: the primary cause under its own name; CATEGORY: the primary cause rolled up to its category (a category
 * assigned directly counts under itself); CONTRIBUTING: every contributing factor (non-primary tag).
 * Pareto order: incident_count desc, then downtime desc. (share = incident_count / SUMMARY.incident_count is
 * computed by the service from the summary, which it already has, to avoid a second scan.)
 */
export function causeFrequencyQuery(who: Visibility, f: ResolvedFilter, mode: CauseMode): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  const node = mode === 'CATEGORY' ? 'coalesce(rc.parent_id, rc.id)' : 'c.cause_id';
  const primary = mode === 'CONTRIBUTING' ? 'NOT c.is_primary' : 'c.is_primary';
  const confirmed = f.confirmedOnly ? ` AND c.state = 'CONFIRMED'` : '';
  return {
    text: `SELECT ${node} AS cause_id, count(*)::int AS incident_count,
        coalesce(sum(${DOWNTIME}), 0)::float8 AS downtime_minutes,
        ${stat('ttr_minutes', 'ttr')}
      FROM incident i
      JOIN incident_cause c ON c.incident_id = i.id AND ${primary}${confirmed}
      ${mode === 'CATEGORY' ? 'JOIN root_cause rc ON rc.id = c.cause_id' : ''}
      WHERE ${where} AND i.in_metrics
      GROUP BY 1
      ORDER BY incident_count DESC, downtime_minutes DESC, 1`,
    params,
  };
}

/**
 * Gaps and islands: the merged intervals of `intervals` (a FROM item with columns `partition`, lo, hi) per
 * `partition`, as rows (partition…, lo, hi). An interval starts a new island when it starts after every earlier
 * end of its partition (in order of lo, hi); an island runs from its first start to its last end.
 */
export function islandsSql(intervals: string, partition: string): string {
  return `SELECT ${partition}, min(lo) AS lo, max(hi) AS hi FROM (
      SELECT *, sum(starts_island) OVER (PARTITION BY ${partition} ORDER BY lo, hi ROWS UNBOUNDED PRECEDING) AS island FROM (
        SELECT ${partition}, lo, hi,
               CASE WHEN lo <= max(hi) OVER (PARTITION BY ${partition} ORDER BY lo, hi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                    THEN 0 ELSE 1 END AS starts_island
          FROM ${intervals}) marked) numbered
     GROUP BY ${partition}, island`;
}

/** Per service, the minutes covered by `intervals` (service_id, lo, hi), overlaps counted once. */
export const mergedDowntimeSql = (intervals: string) =>
  `SELECT service_id, sum(extract(epoch FROM hi - lo))::float8 / 60 AS downtime_minutes
     FROM (${islandsSql(intervals, 'service_id')}) x GROUP BY service_id`;

/**
 * SERVICE_DOWNTIME — per service: incident_count = counted incidents affecting it (ongoing included);
 * downtime_minutes = length in minutes of the union of [started_at, impact_end_at) of its resolved counted
 * incidents (overlaps merged, "gaps and islands": an interval starts a new island when it starts after every
 * earlier end), each end cut at `to` when the filter has one; slo in percent.
 * Which services: those of serviceIds when given; else, with teamIds, those the teams own plus those with
 * incidents; else every service.
 */
export function serviceDowntimeQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  const end = f.to ? `least(i.impact_end_at, $${params.push(f.to)}::timestamptz)` : 'i.impact_end_at';
  let services = 'true';
  if (f.serviceIds.length) services = `sv.id = ANY($${params.push(f.serviceIds)}::int[])`;
  else if (f.teamIds.length) services = `(sv.team_id = ANY($${params.push(f.teamIds)}::int[]) OR c.incident_count IS NOT NULL)`;
  return {
    text: `WITH iv AS (
        SELECT s.service_id, i.started_at AS lo, ${end} AS hi, i.in_metrics AND i.resolved_at IS NOT NULL AS resolved
          FROM incident i JOIN incident_service s ON s.incident_id = i.id
         WHERE ${where} AND i.in_metrics
      ), merged AS (${mergedDowntimeSql('iv WHERE resolved')}
      ), c AS (
        SELECT service_id, count(*)::int AS incident_count FROM iv GROUP BY service_id
      )
      SELECT sv.id AS service_id, sv.name, sv.slo::float8 AS slo, coalesce(c.incident_count, 0) AS incident_count,
             coalesce(m.downtime_minutes, 0)::float8 AS downtime_minutes
        FROM service sv
        LEFT JOIN c ON c.service_id = sv.id
        LEFT JOIN merged m ON m.service_id = sv.id
       WHERE ${services}
       ORDER BY sv.id`,
    params,
  };
}

export const TREND_UNITS = { WEEK: ['week', '1 week'], MONTH: ['month', '1 month'], QUARTER: ['quarter', '3 months'] } as const;

/**
 * TREND — per bucket date_trunc(unit, started_at in UTC) of counted incidents, every bucket from the first to
 * the last non-empty one (empty ones with zeros): incident_count (ongoing included), ttr and ttd statistics
 * (minutes), downtime_minutes = Σ downtime of resolved ones, sev1..sev4 = counted incidents per severity,
 * by_detection = [{source, count}] counted incidents per detection source (sources with none left out).
 */
export function trendQuery(who: Visibility, f: ResolvedFilter, granularity: keyof typeof TREND_UNITS): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  const [unit, step] = TREND_UNITS[granularity];
  const u = `$${params.push(unit)}`;
  const s = `$${params.push(step)}::interval`;
  return {
    text: `WITH agg AS (
        SELECT date_trunc(${u}, i.started_at AT TIME ZONE 'UTC') AS bucket,
               count(*)::int AS incident_count,
               coalesce(sum(${DOWNTIME}) FILTER (WHERE ${RESOLVED}), 0)::float8 AS downtime_minutes,
               count(*) FILTER (WHERE i.severity = 'SEV1')::int AS sev1,
               count(*) FILTER (WHERE i.severity = 'SEV2')::int AS sev2,
               count(*) FILTER (WHERE i.severity = 'SEV3')::int AS sev3,
               count(*) FILTER (WHERE i.severity = 'SEV4')::int AS sev4,
               ${stat('ttr_minutes', 'ttr')},
               ${stat('ttd_minutes', 'ttd')}
          FROM incident i WHERE ${where} AND i.in_metrics
         GROUP BY 1
      ), det AS (
        SELECT bucket, json_agg(json_build_object('source', source, 'count', n) ORDER BY source::text NULLS LAST) AS by_detection FROM (
          SELECT date_trunc(${u}, i.started_at AT TIME ZONE 'UTC') AS bucket, i.detection_source AS source, count(*)::int AS n
            FROM incident i WHERE ${where} AND i.in_metrics GROUP BY 1, 2) x
         GROUP BY bucket
      ), span AS (
        SELECT generate_series(min(bucket), max(bucket), ${s}) AS bucket FROM agg
      )
      SELECT span.bucket AT TIME ZONE 'UTC' AS period_start, agg.*, det.by_detection
        FROM span LEFT JOIN agg USING (bucket) LEFT JOIN det USING (bucket)
       ORDER BY span.bucket`,
    params,
  };
}

/**
 * REDUNDANCY_GAPS — per affected service × mechanism of MISSING/FAILED assessments of counted incidents:
 * gap_count = such incidents (ongoing included), of which missing_count MISSING and failed_count FAILED; downtime_minutes = Σ downtime of the resolved ones;
 * covered = some OPEN/IN_PROGRESS action item of one of those incidents has that mechanism_id.
 * An incident's gap is attributed to each of its services. Order: gap_count desc, downtime desc.
 */
export function redundancyGapsQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  return {
    text: `WITH g AS (
        SELECT a.incident_id, a.mechanism_id, a.outcome, ${DOWNTIME} AS downtime,
               EXISTS (SELECT 1 FROM action_item ai WHERE ai.incident_id = a.incident_id AND ai.mechanism_id = a.mechanism_id
                          AND ai.status IN ('OPEN', 'IN_PROGRESS')) AS covered
          FROM incident i JOIN redundancy_assessment a ON a.incident_id = i.id AND a.outcome IN ('MISSING', 'FAILED')
         WHERE ${where} AND i.in_metrics
      )
      SELECT s.service_id, g.mechanism_id, count(*)::int AS gap_count,
             count(*) FILTER (WHERE g.outcome = 'MISSING')::int AS missing_count, count(*) FILTER (WHERE g.outcome = 'FAILED')::int AS failed_count,
             coalesce(sum(g.downtime), 0)::float8 AS downtime_minutes, bool_or(g.covered) AS covered
        FROM g JOIN incident_service s ON s.incident_id = g.incident_id
       GROUP BY s.service_id, g.mechanism_id
       ORDER BY gap_count DESC, downtime_minutes DESC, s.service_id, g.mechanism_id`,
    params,
  };
}

/**
 * ACTION_ITEMS — over the action items of matching incidents that are not excluded (near misses included):
 * opened = all items; open = OPEN/IN_PROGRESS; done = DONE; overdue = OPEN/IN_PROGRESS with due_date < today (UTC, a parameter);
 * median_days_to_done = continuous median of (completed_at − created_at) in days over DONE items with completed_at;
 * all_done_share = among incidents with at least one item that is not WONT_DO, the fraction whose such items are all DONE.
 */
export function actionItemsQuery(who: Visibility, f: ResolvedFilter, today: string): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  const d = `$${params.push(today)}::date`;
  return {
    text: `WITH ai AS (
        SELECT a.incident_id, a.status, a.due_date, a.created_at, a.completed_at
          FROM action_item a JOIN incident i ON i.id = a.incident_id
         WHERE ${where} AND NOT i.exclude_from_metrics
      ), per_incident AS (
        SELECT bool_and(status = 'DONE') AS all_done FROM ai WHERE status <> 'WONT_DO' GROUP BY incident_id
      )
      SELECT count(*)::int AS opened,
             count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS'))::int AS open,
             count(*) FILTER (WHERE status = 'DONE')::int AS done,
             count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_date < ${d})::int AS overdue,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at)::float8 / 86400)
                FILTER (WHERE status = 'DONE' AND completed_at IS NOT NULL))::float8 AS median_days_to_done,
             (SELECT avg(all_done::int)::float8 FROM per_incident) AS all_done_share
        FROM ai`,
    params,
  };
}

/**
 * DETECTION — per detection source (NULL = not recorded): incident_count = counted incidents (ongoing included),
 * ttd = time-to-detect statistic (minutes) of the resolved ones. (share = incident_count / SUMMARY.incident_count.)
 */
export function detectionQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  return {
    text: `SELECT i.detection_source AS source, count(*)::int AS incident_count, ${stat('ttd_minutes', 'ttd')}
        FROM incident i WHERE ${where} AND i.in_metrics
       GROUP BY 1 ORDER BY incident_count DESC, 1 NULLS LAST`,
    params,
  };
}

/** Time-to-resolve histogram bucket edges in minutes: 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 1 d, 3 d, 1 w. */
export const HISTOGRAM_EDGES = [0, 5, 15, 30, 60, 120, 240, 480, 1440, 4320, 10080];

/**
 * DURATION_HISTOGRAM — resolved counted incidents per bucket of ttr_minutes: bucket n (1-based) holds
 * EDGES[n-1] ≤ ttr < EDGES[n]; the last one is open-ended.
 */
export function histogramQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const where = scopeSql(who, f, params);
  const edges = `$${params.push(HISTOGRAM_EDGES)}::float8[]`;
  return {
    text: `SELECT width_bucket(i.ttr_minutes, ${edges}) AS bucket, count(*)::int AS count
        FROM incident i WHERE ${where} AND ${RESOLVED} GROUP BY 1 ORDER BY 1`,
    params,
  };
}
