import { Injectable } from '@nestjs/common';
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database, run, Sql } from '../common/database/database.service';
import type { IncidentRow } from '../incidents/incident.entity';
import { incidentFilterSql } from '../metrics/metrics.filter';
import type { MetricsScope } from '../metrics/metrics.scope';
import type { LoopSettingRow, PostMortemRow, PostMortemViewRow, ReviewCompletionRow } from './post-mortem.entity';

/**
 * SQL of the review rules, in one place:
 * - required: a counted incident (kind INCIDENT, not excluded: `in_metrics`) whose severity is one of the settings' review_severities;
 * - effective due date: the review's own due_at, else resolved_at + review_due_days days (null while unresolved);
 * - published: incident.postmortem_state = 'PUBLISHED';
 * - overdue: required, not published, and the effective due date has passed (before now).
 */
const DUE = `coalesce(pm.due_at, i.resolved_at + make_interval(days => ls.review_due_days))`;
const REQUIRED = `(i.in_metrics AND i.severity = ANY(ls.review_severities))`;
const PUBLISHED = `(i.postmortem_state = 'PUBLISHED')`;
const OVERDUE = `(${REQUIRED} AND NOT ${PUBLISHED} AND ${DUE} < now())`;

/**
 * Reviews that count in reliabilityMetrics.reviews: required ones of resolved incidents of the scope, as relation `i`
 * (id, resolved_at, postmortem_state) joined to its stored reviews `pm`. The settings come in as parameters (read once
 * per request, ReviewsService.requestSettings), so the required severities are an index range: incident_review_scope
 * (severity, started_at) over counted resolved incidents holds every column the scope reads, so the scope is an
 * index-only scan. It is fenced (OFFSET 0): left to itself, the planner drove a root-cause or service filter from the
 * link table and read every incident of that cause (1.2 s at 1M incidents for one root cause). Returns the relation and
 * the effective due date expression.
 */
function completionScope(scope: MetricsScope, settings: LoopSettingRow, params: unknown[]): { from: string; due: string } {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [visibleIncidentsSql(scope.visibility as Principal, 'i', params)];
  if (scope.periodStart) where.push(`i.started_at >= ${p(scope.periodStart)}`);
  where.push(`i.started_at < ${p(scope.periodEnd)}`);
  where.push(incidentFilterSql(scope.filter, p));
  where.push('i.in_metrics', 'i.resolved_at IS NOT NULL', `i.severity = ANY(${p(settings.review_severities)}::severity[])`);
  const due = `coalesce(pm.due_at, i.resolved_at + make_interval(days => ${p(settings.review_due_days)}::int))`;
  return {
    from: `(SELECT i.id, i.resolved_at, i.postmortem_state FROM incident i WHERE ${where.join(' AND ')} OFFSET 0) i
      LEFT JOIN post_mortem pm ON pm.incident_id = i.id`,
    due,
  };
}

const FROM = `incident i LEFT JOIN post_mortem pm ON pm.incident_id = i.id`;

@Injectable()
export class ReviewsRepository {
  constructor(private readonly db: Database) {}

  /** The caller's transaction, else the pool. */
  private runner(sql?: Sql): { query(text: string, params?: unknown[]): Promise<any[]> } {
    return sql ?? this.db;
  }

  /** The reviews of these incidents as the API shows them (incidents without a review included), one statement. */
  async views(ids: readonly number[], sql?: Sql): Promise<PostMortemViewRow[]> {
    const rows: PostMortemViewRow[] = await this.runner(sql).query(
      `SELECT i.id AS incident_id, i.postmortem_state::text AS state, pm.incident_id IS NOT NULL AS saved, pm.body,
              pm.due_at, ${DUE} AS effective_due_at, pm.published_at, coalesce(pm.version, 0) AS version,
              pm.updated_at, pm.updated_by, ${REQUIRED} AS required, coalesce(${OVERDUE}, false) AS overdue,
              coalesce((SELECT array_agg(r.user_id ORDER BY r.user_id) FROM post_mortem_reviewer r WHERE r.incident_id = i.id), '{}') AS reviewer_ids
         FROM ${FROM} CROSS JOIN loop_setting ls
        WHERE i.id = ANY($1::int[])`,
      [ids],
    );
    return rows;
  }

  /** The stored review of an incident, locked until the transaction ends; null when none is stored. */
  async lock(tx: Sql, incidentId: number): Promise<PostMortemRow | null> {
    const [row] = await tx.query(
      `SELECT pm.incident_id, pm.state::text AS state, pm.body, pm.due_at, pm.published_at, pm.version,
              coalesce((SELECT array_agg(r.user_id ORDER BY r.user_id) FROM post_mortem_reviewer r WHERE r.incident_id = pm.incident_id), '{}') AS reviewer_ids
         FROM post_mortem pm WHERE pm.incident_id = $1 FOR UPDATE`,
      [incidentId],
    );
    return row ?? null;
  }

  /** Writes the review at version `expected` + 1; false when another edit got there first (the version moved on). */
  async save(
    tx: Sql,
    incidentId: number,
    expected: number,
    v: { state: string; body: string; dueAt: Date | null; publishedAt: Date | null; actor: string },
  ): Promise<boolean> {
    const values = [incidentId, v.state, v.body, v.dueAt, v.publishedAt, v.actor];
    const { rowCount } =
      expected === 0
        ? await run(
            tx,
            `INSERT INTO post_mortem (incident_id, state, body, due_at, published_at, updated_by, version)
             VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (incident_id) DO NOTHING RETURNING incident_id`,
            values,
          )
        : await run(
            tx,
            `UPDATE post_mortem SET state = $2, body = $3, due_at = $4, published_at = $5, updated_by = $6,
                    updated_at = now(), version = version + 1
              WHERE incident_id = $1 AND version = $7 RETURNING incident_id`,
            [...values, expected],
          );
    return rowCount === 1;
  }

  async setReviewers(tx: Sql, incidentId: number, userIds: number[]): Promise<void> {
    await tx.query(`DELETE FROM post_mortem_reviewer WHERE incident_id = $1 AND NOT (user_id = ANY($2::int[]))`, [incidentId, userIds]);
    await tx.query(`INSERT INTO post_mortem_reviewer (incident_id, user_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [
      incidentId,
      userIds,
    ]);
  }

  /** The ids among `ids` that are users. */
  async existingUsers(tx: Sql, ids: number[]): Promise<number[]> {
    const rows: Array<{ id: number }> = await tx.query(`SELECT id FROM app_user WHERE id = ANY($1::int[])`, [ids]);
    return rows.map((r) => r.id);
  }

  /** Keeps the incident's state column (the one truth of the state) equal to the review's; the incident's version stays. */
  async setIncidentState(tx: Sql, incidentId: number, state: string): Promise<void> {
    await tx.query(`UPDATE incident SET postmortem_state = $2 WHERE id = $1 AND postmortem_state <> $2`, [incidentId, state]);
  }

  async settings(sql?: Sql, lock = false): Promise<LoopSettingRow> {
    const [row] = await this.runner(sql).query(
      `SELECT review_severities::text[] AS review_severities, review_due_days, repeat_window_days, version, updated_at
         FROM loop_setting ${lock ? 'FOR UPDATE' : ''}`,
    );
    return row;
  }

  async saveSettings(
    tx: Sql,
    expected: number,
    v: { reviewSeverities: string[]; reviewDueDays: number; repeatWindowDays: number },
  ): Promise<LoopSettingRow | null> {
    const { rows } = await run<LoopSettingRow>(
      tx,
      `UPDATE loop_setting SET review_severities = $1::severity[], review_due_days = $2, repeat_window_days = $3,
              version = version + 1, updated_at = now()
        WHERE version = $4
        RETURNING review_severities::text[] AS review_severities, review_due_days, repeat_window_days, version, updated_at`,
      [v.reviewSeverities, v.reviewDueDays, v.repeatWindowDays, expected],
    );
    return rows[0] ?? null;
  }

  /**
   * REVIEW_COMPLETION over the required reviews of the scope (see completionScope):
   * required = their count; published = those published; published_on_time = published with published_at ≤ effective
   * due date; overdue = not published and effective due date < now; median_days_to_publish = percentile_cont(0.5) of
   * (published_at − resolved_at) in days over the published ones that have published_at (null when none);
   * next_due_at = the earliest effective due date not yet passed of the unpublished ones (overdue moves then).
   */
  async completion(scope: MetricsScope, settings: LoopSettingRow): Promise<ReviewCompletionRow> {
    const params: unknown[] = [];
    const { from, due } = completionScope(scope, settings, params);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS required,
              count(*) FILTER (WHERE ${PUBLISHED})::int AS published,
              count(*) FILTER (WHERE ${PUBLISHED} AND pm.published_at <= ${due})::int AS published_on_time,
              count(*) FILTER (WHERE NOT ${PUBLISHED} AND ${due} < now())::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM pm.published_at - i.resolved_at) / 86400)
                FILTER (WHERE ${PUBLISHED} AND pm.published_at IS NOT NULL) AS median_days_to_publish,
              min(${due}) FILTER (WHERE NOT ${PUBLISHED} AND ${due} >= now()) AS next_due_at
         FROM ${from}`,
      params,
    );
    return {
      ...row,
      median_days_to_publish: row.median_days_to_publish === null ? null : Number(row.median_days_to_publish),
    };
  }

  /** The overdue required reviews of the scope: most overdue (earliest effective due date) first, at most `limit`. */
  async overdueIncidents(scope: MetricsScope, settings: LoopSettingRow, limit: number): Promise<IncidentRow[]> {
    const params: unknown[] = [];
    const { from, due } = completionScope(scope, settings, params);
    // the page from the scope's index, then only its incidents' rows
    return this.db.query(
      `WITH page AS (
         SELECT i.id, ${due} AS due FROM ${from} WHERE NOT ${PUBLISHED} AND ${due} < now()
          ORDER BY 2, i.id LIMIT ${Number(limit)})
       SELECT i.* FROM page JOIN incident i ON i.id = page.id ORDER BY page.due, page.id`,
      params,
    );
  }
}
