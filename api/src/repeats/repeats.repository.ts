import { Injectable } from '@nestjs/common';
import { ACTION_ITEM_COLUMNS, ActionItemRow } from '../action-items/action-item.model';
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { INCIDENT_COLUMNS, IncidentRow } from '../incidents/incident.entity';
import { scopeSql, TREND_UNITS } from '../metrics/metrics.queries';
import type { ResolvedFilter, Visibility } from '../metrics/metrics.scope';

/**
 * SQL of SPEC §6 repeats and fixes that did not hold. Every lookup goes through repeat_key (migration RepeatIndexes):
 * one row per counted incident with a primary cause × affected service, indexed by (service_id, cause_id, started_at),
 * so an incident's window is an index range. Visibility is checked on the incident the key names.
 */

/** The repeat window (loop_setting.repeat_window_days) as an interval of whole 24-hour days (no calendar or DST shift). */
const WINDOW = `(SELECT make_interval(hours => 24 * repeat_window_days) FROM loop_setting)`;

/**
 * A lateral join on incident alias \`i\` (counted, with keys in repeat_key) giving one row (\`hit\` = 1) when it repeats an
 * earlier incident the reader sees, i.e. a key with the same service and cause started in [i.started_at − window,
 * i.started_at). LIMIT 1 keeps it a per-incident index probe: as a plain EXISTS the planner may hash all of repeat_key.
 */
function repeatHitSql(who: Visibility, params: unknown[]): string {
  return `LATERAL (
    SELECT 1 AS hit FROM repeat_key k
      JOIN repeat_key ek ON ek.service_id = k.service_id AND ek.cause_id = k.cause_id
       AND ek.started_at < k.started_at AND ek.started_at >= k.started_at - ${WINDOW}
      JOIN incident e ON e.id = ek.incident_id
     WHERE k.incident_id = i.id AND ${visibleIncidentsSql(who as Principal, 'e', params)}
     LIMIT 1) r`;
}

export type RepeatRow = IncidentRow & { of_id: number };
export type FixRow = ActionItemRow & { service_id: number; later_id: number };

@Injectable()
export class RepeatsRepository {
  constructor(private readonly db: Database) {}

  /** For each of the incidents: the latest earlier visible incident it repeats (ties by the higher id); none when it repeats none. */
  repeatOf(who: Visibility, ids: readonly number[]): Promise<RepeatRow[]> {
    const params: unknown[] = [ids];
    const visible = visibleIncidentsSql(who as Principal, 'i', params);
    return this.db.query(
      `SELECT DISTINCT ON (k.incident_id) k.incident_id AS of_id, r.*
         FROM repeat_key k
        CROSS JOIN LATERAL (
          SELECT ${INCIDENT_COLUMNS}
            FROM repeat_key ek JOIN incident i ON i.id = ek.incident_id
           WHERE ek.service_id = k.service_id AND ek.cause_id = k.cause_id
             AND ek.started_at < k.started_at AND ek.started_at >= k.started_at - ${WINDOW}
             AND ${visible}
           ORDER BY ek.started_at DESC, ek.incident_id DESC
           LIMIT 1) r
        WHERE k.incident_id = ANY($1::int[])
        ORDER BY k.incident_id, r.started_at DESC, r.id DESC`,
      params,
    );
  }

  /** For each of the incidents: the later visible incidents that repeat it (started in (its start, its start + window]), oldest first. */
  repeatedBy(who: Visibility, ids: readonly number[]): Promise<RepeatRow[]> {
    const params: unknown[] = [ids];
    const visible = visibleIncidentsSql(who as Principal, 'i', params);
    return this.db.query(
      `SELECT x.of_id, ${INCIDENT_COLUMNS}
         FROM (SELECT DISTINCT k.incident_id AS of_id, ek.incident_id AS id
                 FROM repeat_key k
                 JOIN repeat_key ek ON ek.service_id = k.service_id AND ek.cause_id = k.cause_id
                  AND ek.started_at > k.started_at AND ek.started_at <= k.started_at + ${WINDOW}
                WHERE k.incident_id = ANY($1::int[])) x
        -- one primary-key probe per pair (a hash join would read every incident)
        CROSS JOIN LATERAL (SELECT * FROM incident i WHERE i.id = x.id OFFSET 0) i
        WHERE ${visible}
        ORDER BY x.of_id, i.started_at, i.id`,
      params,
    );
  }

  /**
   * REPEATS — per primary cause node: count = counted incidents in the scope (visible, in the filter and period) that
   * repeat an earlier visible counted incident. Most first, then by cause id.
   */
  async byCause(who: Visibility, f: ResolvedFilter): Promise<Array<{ cause_id: number; count: number }>> {
    const params: unknown[] = [];
    const where = scopeSql(who, f, params);
    return this.db.query(
      `SELECT c.cause_id, count(*)::int AS count
         FROM incident i JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
        CROSS JOIN ${repeatHitSql(who, params)}
        WHERE ${where} AND i.in_metrics
        GROUP BY c.cause_id
        ORDER BY count DESC, c.cause_id`,
      params,
    );
  }

  /**
   * REPEAT_TREND — per bucket date_trunc(unit, started_at in UTC), every bucket from the first to the last with a counted
   * incident in the scope (empty ones with zeros): incident_count = counted incidents, count = those that repeat.
   */
  trend(
    who: Visibility,
    f: ResolvedFilter,
    granularity: keyof typeof TREND_UNITS,
  ): Promise<Array<{ period_start: Date; count: number; incident_count: number }>> {
    const params: unknown[] = [];
    const hit = repeatHitSql(who, params);
    const where = scopeSql(who, f, params);
    const [unit, step] = TREND_UNITS[granularity];
    const u = `$${params.push(unit)}`;
    const s = `$${params.push(step)}::interval`;
    return this.db.query(
      `WITH agg AS (
         SELECT date_trunc(${u}, i.started_at AT TIME ZONE 'UTC') AS bucket, count(*)::int AS incident_count,
                count(r.hit)::int AS count
           FROM incident i LEFT JOIN ${hit} ON true
          WHERE ${where} AND i.in_metrics
          GROUP BY bucket),
       span AS (SELECT generate_series(min(bucket), max(bucket), ${s}) AS bucket FROM agg)
       SELECT span.bucket AT TIME ZONE 'UTC' AS period_start, coalesce(agg.count, 0) AS count,
              coalesce(agg.incident_count, 0) AS incident_count
         FROM span LEFT JOIN agg USING (bucket)
        ORDER BY span.bucket`,
      params,
    );
  }

  /** The repeating incidents of the scope, newest first, at most `limit`; only those with primary cause node `causeId` when given. */
  incidents(who: Visibility, f: ResolvedFilter, limit: number, causeId: number | null): Promise<IncidentRow[]> {
    const params: unknown[] = [];
    const hit = repeatHitSql(who, params);
    const where = scopeSql(who, f, params);
    const cause = causeId === null ? '' : `AND c.cause_id = $${params.push(causeId)}::int`;
    return this.db.query(
      `SELECT ${INCIDENT_COLUMNS}
         FROM incident i JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary ${cause}
        CROSS JOIN ${hit}
        WHERE ${where} AND i.in_metrics
        ORDER BY i.started_at DESC, i.id DESC
        LIMIT $${params.push(limit)}::int`,
      params,
    );
  }

  /**
   * FIXES_THAT_DID_NOT_HOLD — one row per (DONE PREVENT action item with a cause, whose incident is visible) × (service of
   * its incident) × (counted incident in the scope, other than the item's own, that started on that service after
   * completed_at with the item's cause or a cause under it as primary cause).
   */
  fixes(who: Visibility, f: ResolvedFilter): Promise<FixRow[]> {
    const params: unknown[] = [];
    const where = scopeSql(who, f, params);
    const itemVisible = visibleIncidentsSql(who as Principal, 'ai', params);
    // the period again on the key, so each item's lookup is an index range of (service, cause, started_at)
    const period = [
      f.from ? `AND k.started_at >= $${params.push(f.from)}` : '',
      f.to ? `AND k.started_at < $${params.push(f.to)}` : '',
    ].join(' ');
    return this.db.query(
      `SELECT ${ACTION_ITEM_COLUMNS}, s0.service_id, i.id AS later_id
         FROM action_item a
         JOIN incident ai ON ai.id = a.incident_id
         JOIN incident_service s0 ON s0.incident_id = a.incident_id
        -- the item's cause and the causes under it (a category), as rows: the key lookup is then on equal (service, cause)
        CROSS JOIN LATERAL (SELECT a.cause_id AS id UNION ALL SELECT rc.id FROM root_cause rc WHERE rc.parent_id = a.cause_id) node
         JOIN repeat_key k ON k.service_id = s0.service_id AND k.cause_id = node.id AND k.started_at > a.completed_at ${period}
         JOIN incident i ON i.id = k.incident_id
        WHERE a.type = 'PREVENT' AND a.status = 'DONE' AND a.cause_id IS NOT NULL AND a.completed_at IS NOT NULL
          AND i.id <> a.incident_id AND ${itemVisible} AND ${where}
        ORDER BY a.id, i.started_at, i.id, s0.service_id`,
      params,
    );
  }

  /** Incidents by id (the caller has checked visibility). */
  byIds(ids: readonly number[]): Promise<IncidentRow[]> {
    return this.db.query(`SELECT ${INCIDENT_COLUMNS} FROM incident i WHERE i.id = ANY($1::int[])`, [ids]);
  }
}
