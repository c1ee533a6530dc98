import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../common/database/database.service';
import { AssessmentRow, CauseTagRow, INCIDENT_COLUMNS, IncidentRow, TimelineRow } from './incident.entity';

export interface IncidentValues {
  title: string;
  summary: string | null;
  severity: string;
  postmortemState: string;
  kind: string;
  excludeFromMetrics: boolean;
  private: boolean;
  teamId: number;
  regions: string[];
  customerImpact: string | null;
  affectedUsersPercent: number | null;
  detectionSource: string | null;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
}

const VALUE_COLUMNS = `title, summary, severity, postmortem_state, kind, exclude_from_metrics, private, team_id, regions,
  customer_impact, affected_users_percent, detection_source, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at`;

const valueParams = (v: IncidentValues): unknown[] => [
  v.title,
  v.summary,
  v.severity,
  v.postmortemState,
  v.kind,
  v.excludeFromMetrics,
  v.private,
  v.teamId,
  v.regions,
  v.customerImpact,
  v.affectedUsersPercent,
  v.detectionSource,
  v.startedAt,
  v.detectedAt,
  v.acknowledgedAt,
  v.mitigatedAt,
  v.resolvedAt,
];

export const valuesOf = (r: IncidentRow): IncidentValues => ({
  title: r.title,
  summary: r.summary,
  severity: r.severity,
  postmortemState: r.postmortem_state,
  kind: r.kind,
  excludeFromMetrics: r.exclude_from_metrics,
  private: r.private,
  teamId: r.team_id,
  regions: r.regions,
  customerImpact: r.customer_impact,
  affectedUsersPercent: r.affected_users_percent === null ? null : Number(r.affected_users_percent),
  detectionSource: r.detection_source,
  startedAt: r.started_at,
  detectedAt: r.detected_at,
  acknowledgedAt: r.acknowledged_at,
  mitigatedAt: r.mitigated_at,
  resolvedAt: r.resolved_at,
});

@Injectable()
export class IncidentsRepository {
  constructor(private readonly db: Database) {}

  async page(where: string, params: unknown[], orderBy: string, limit: number, offset: number): Promise<IncidentRow[]> {
    return this.db.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incident i WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
  }

  async count(where: string, params: unknown[]): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM incident i WHERE ${where}`, params);
    return n;
  }

  async byId(id: number, sql: Sql = this.db.manager, lock = false): Promise<IncidentRow | undefined> {
    const [row] = await sql.query(`SELECT ${INCIDENT_COLUMNS} FROM incident i WHERE i.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  byIds(ids: readonly number[]): Promise<IncidentRow[]> {
    return this.db.query(`SELECT ${INCIDENT_COLUMNS} FROM incident i WHERE i.id = ANY($1)`, [ids]);
  }

  async insert(sql: Sql, v: IncidentValues, source = 'manual', externalId: string | null = null): Promise<IncidentRow> {
    const [{ id }] = await sql.query(
      `INSERT INTO incident (${VALUE_COLUMNS}, source, external_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id`,
      [...valueParams(v), source, externalId],
    );
    return (await this.byId(id, sql))!;
  }

  /** Writes only if the version is still `expectedVersion`; returns null when it is not (a stale edit). */
  async updateIfVersion(sql: Sql, id: number, expectedVersion: number, v: IncidentValues): Promise<IncidentRow | null> {
    const { rowCount } = await run(
      sql,
      `UPDATE incident SET (${VALUE_COLUMNS}) = ($3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19),
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, expectedVersion, ...valueParams(v)],
    );
    return rowCount === 1 ? ((await this.byId(id, sql)) ?? null) : null;
  }

  /** Replaces the names of the source fields edited in Hindsight (a synced incident's override marks). */
  async setOverridden(sql: Sql, incidentId: number, fields: string[]): Promise<void> {
    await sql.query(`UPDATE incident SET overridden_fields = $2::text[] WHERE id = $1`, [incidentId, fields]);
  }

  async setServices(sql: Sql, incidentId: number, serviceIds: number[]): Promise<void> {
    await sql.query(`DELETE FROM incident_service WHERE incident_id = $1 AND NOT (service_id = ANY($2::int[]))`, [incidentId, serviceIds]);
    await sql.query(`INSERT INTO incident_service (incident_id, service_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [
      incidentId,
      serviceIds,
    ]);
  }

  serviceIds(sql: Sql, incidentId: number): Promise<Array<{ service_id: number }>> {
    return sql.query(`SELECT service_id FROM incident_service WHERE incident_id = $1 ORDER BY service_id`, [incidentId]);
  }

  causeTags(incidentIds: readonly number[], sql: Sql = this.db.manager): Promise<CauseTagRow[]> {
    return sql.query(
      `SELECT incident_id, cause_id, is_primary, state, set_by, set_at, confirmed_by, confirmed_at
         FROM incident_cause WHERE incident_id = ANY($1) ORDER BY is_primary DESC, set_at, cause_id`,
      [incidentIds],
    );
  }

  /**
   * Replaces the primary cause (null clears it) keeping the review state of an unchanged tag.
   * A cause that becomes primary stops being a contributing factor.
   */
  async setPrimaryCause(sql: Sql, incidentId: number, causeId: number | null, actor: string): Promise<void> {
    await sql.query(`DELETE FROM incident_cause WHERE incident_id = $1 AND is_primary AND cause_id IS DISTINCT FROM $2`, [
      incidentId,
      causeId,
    ]);
    if (causeId === null) return;
    await sql.query(
      `INSERT INTO incident_cause (incident_id, cause_id, is_primary, set_by) VALUES ($1, $2, true, $3)
       ON CONFLICT (incident_id, cause_id) DO UPDATE SET is_primary = true,
         state = CASE WHEN incident_cause.is_primary THEN incident_cause.state ELSE 'PROPOSED' END,
         set_by = CASE WHEN incident_cause.is_primary THEN incident_cause.set_by ELSE EXCLUDED.set_by END,
         set_at = CASE WHEN incident_cause.is_primary THEN incident_cause.set_at ELSE now() END`,
      [incidentId, causeId, actor],
    );
  }

  /** Replaces the contributing factors, keeping the review state of those that stay. */
  async setContributing(sql: Sql, incidentId: number, causeIds: number[], actor: string): Promise<void> {
    await sql.query(`DELETE FROM incident_cause WHERE incident_id = $1 AND NOT is_primary AND NOT (cause_id = ANY($2::int[]))`, [
      incidentId,
      causeIds,
    ]);
    await sql.query(
      `INSERT INTO incident_cause (incident_id, cause_id, is_primary, set_by)
       SELECT $1, c, false, $3 FROM unnest($2::int[]) c ON CONFLICT (incident_id, cause_id) DO NOTHING`,
      [incidentId, causeIds, actor],
    );
  }

  async setCauseState(sql: Sql, incidentId: number, causeId: number, state: 'PROPOSED' | 'CONFIRMED', actor: string): Promise<boolean> {
    const { rowCount } = await run(
      sql,
      `UPDATE incident_cause SET state = $3::tag_state,
              confirmed_by = CASE WHEN $3 = 'CONFIRMED' THEN $4 END,
              confirmed_at = CASE WHEN $3 = 'CONFIRMED' THEN now() END
        WHERE incident_id = $1 AND cause_id = $2`,
      [incidentId, causeId, state, actor],
    );
    return rowCount === 1;
  }

  assessments(incidentIds: readonly number[]): Promise<AssessmentRow[]> {
    return this.db.query(
      `SELECT incident_id, mechanism_id, outcome, notes, assessed_by FROM redundancy_assessment
        WHERE incident_id = ANY($1) ORDER BY mechanism_id`,
      [incidentIds],
    );
  }

  async upsertAssessment(
    sql: Sql,
    a: { incidentId: number; mechanismId: number; outcome: string; notes: string | null; actor: string },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO redundancy_assessment (incident_id, mechanism_id, outcome, notes, assessed_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (incident_id, mechanism_id) DO UPDATE SET outcome = EXCLUDED.outcome, notes = EXCLUDED.notes,
         assessed_by = EXCLUDED.assessed_by, assessed_at = now()`,
      [a.incidentId, a.mechanismId, a.outcome, a.notes, a.actor],
    );
  }

  async deleteAssessment(sql: Sql, incidentId: number, mechanismId: number): Promise<void> {
    await sql.query(`DELETE FROM redundancy_assessment WHERE incident_id = $1 AND mechanism_id = $2`, [incidentId, mechanismId]);
  }

  timeline(incidentIds: readonly number[]): Promise<TimelineRow[]> {
    return this.db.query(
      `SELECT id, incident_id, at, kind, message, author FROM timeline_event WHERE incident_id = ANY($1) ORDER BY at, id`,
      [incidentIds],
    );
  }

  async insertTimelineEvent(
    sql: Sql,
    e: { incidentId: number; at: Date; kind: string; message: string; author: string },
  ): Promise<TimelineRow> {
    const [row] = await sql.query(
      `INSERT INTO timeline_event (incident_id, at, kind, message, author) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, incident_id, at, kind, message, author`,
      [e.incidentId, e.at, e.kind, e.message, e.author],
    );
    return row;
  }
}
