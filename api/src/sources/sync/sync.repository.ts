import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../../common/database/database.service';
import { ISO_MICROS } from '../../imports/imports.repository';
import { SourceValues } from '../source-incident';
import { SyncRunRow, SyncStatus, SyncTrigger } from './sync-run.model';

const RUN_COLUMNS = `id, source_id, status, trigger, queued_at, started_at, finished_at, fetched, created, updated, unchanged,
  skipped, errors, error_count, attempts`;
/** Problems a run keeps (the first, in the order met); error_count counts them all. */
export const MAX_RUN_ERRORS = 1000;
/** The advisory-lock namespace of the per-source write lock (two-key form; the key is the source id). */
const SOURCE_WRITE_LOCK = 4747002;

export interface RunError {
  externalId: string | null;
  message: string;
}

export interface Progress {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: RunError[];
}

/** A synced incident as it is now, with what the sync compares. */
export interface StoredSyncedIncident {
  id: number;
  externalId: string;
  values: SourceValues;
  sourceValues: SourceValues | null;
  overridden: string[];
  externalUrl: string | null;
}

/** A new incident of a sync, ids resolved. */
export interface NewSyncedIncident {
  externalId: string;
  values: SourceValues;
  teamId: number;
  private: boolean;
  externalUrl: string | null;
}

/** A change to a synced incident: its new values (overridden fields kept), the source's values, the link. */
export interface SyncedChange {
  id: number;
  values: SourceValues;
  sourceValues: SourceValues;
  externalUrl: string | null;
  servicesChanged: boolean;
}

/** `errors || $new`, keeping the first MAX_RUN_ERRORS in order. */
const appendErrors = (param: string) =>
  `CASE WHEN jsonb_array_length(errors) >= ${MAX_RUN_ERRORS} THEN errors
        ELSE coalesce((SELECT jsonb_agg(e ORDER BY n) FROM (SELECT e, n FROM jsonb_array_elements(errors || ${param}::jsonb)
                        WITH ORDINALITY AS x(e, n) ORDER BY n LIMIT ${MAX_RUN_ERRORS}) kept), '[]'::jsonb) END`;

/** SQL of the sync engine: runs, the progress mark, and the set-based writes of a batch of incidents. */
@Injectable()
export class SyncRepository {
  constructor(private readonly db: Database) {}

  // --- runs -------------------------------------------------------------------------------------

  /** A new queued pull; null when the source has a queued or running pull already (the unique index). */
  async insertPullRun(sql: Sql, sourceId: number, trigger: SyncTrigger): Promise<SyncRunRow | null> {
    const [row] = await sql.query(
      `INSERT INTO sync_run (source_id, trigger) VALUES ($1, $2)
       ON CONFLICT (source_id) WHERE status IN ('QUEUED', 'RUNNING') AND trigger <> 'WEBHOOK' DO NOTHING
       RETURNING ${RUN_COLUMNS}`,
      [sourceId, trigger],
    );
    return row ?? null;
  }

  async activePullRun(sql: Sql, sourceId: number): Promise<SyncRunRow | null> {
    const [row] = await sql.query(
      `SELECT ${RUN_COLUMNS} FROM sync_run WHERE source_id = $1 AND status IN ('QUEUED', 'RUNNING') AND trigger <> 'WEBHOOK'`,
      [sourceId],
    );
    return row ?? null;
  }

  /** A run for a webhook push, recorded as it is applied (or as it failed). */
  async insertWebhookRun(sql: Sql, sourceId: number, status: SyncStatus, progress: Progress, errorCount: number): Promise<SyncRunRow> {
    const [row] = await sql.query(
      `INSERT INTO sync_run (source_id, trigger, status, started_at, finished_at, attempts, fetched, created, updated, unchanged,
                             skipped, errors, error_count)
       VALUES ($1, 'WEBHOOK', $2, now(), now(), 1, $3, $4, $5, $6, $7, $8::jsonb, $9)
       RETURNING ${RUN_COLUMNS}`,
      [
        sourceId,
        status,
        progress.fetched,
        progress.created,
        progress.updated,
        progress.unchanged,
        progress.skipped,
        JSON.stringify(progress.errors.slice(0, MAX_RUN_ERRORS)),
        errorCount,
      ],
    );
    return row;
  }

  /**
   * A worker takes the run: RUNNING, one more attempt. The attempt number is the run's fencing token:
   * an older attempt still going (its worker stalled past its lease) finds it changed and stops.
   * Null when the run has ended.
   */
  async claim(sql: Sql, runId: number): Promise<number | null> {
    const { rows } = await run<{ attempts: number }>(
      sql,
      `UPDATE sync_run SET status = 'RUNNING', started_at = coalesce(started_at, now()), attempts = attempts + 1
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING attempts`,
      [runId],
    );
    return rows[0]?.attempts ?? null;
  }

  /** Whether this attempt still holds the run; locks its row for the batch's transaction. */
  async holds(sql: Sql, runId: number, attempt: number): Promise<boolean> {
    const rows = await sql.query(`SELECT 1 FROM sync_run WHERE id = $1 AND attempts = $2 AND status = 'RUNNING' FOR UPDATE`, [
      runId,
      attempt,
    ]);
    return rows.length === 1;
  }

  /** Adds a committed batch's counts and problems to the run. */
  async addProgress(sql: Sql, runId: number, p: Progress): Promise<void> {
    await sql.query(
      `UPDATE sync_run SET fetched = fetched + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5,
              skipped = skipped + $6, errors = ${appendErrors('$7')}, error_count = error_count + $8
        WHERE id = $1`,
      [runId, p.fetched, p.created, p.updated, p.unchanged, p.skipped, JSON.stringify(p.errors.slice(0, MAX_RUN_ERRORS)), p.errors.length],
    );
  }

  /**
   * Ends a run that has not ended, by this attempt (null: whichever), with a last problem if any.
   * Returns the run when it was this call that ended it.
   */
  async finish(sql: Sql, runId: number, status: SyncStatus, attempt: number | null, error?: RunError): Promise<SyncRunRow | null> {
    const { rows } = await run<SyncRunRow>(
      sql,
      `UPDATE sync_run SET status = $2, finished_at = now(), errors = ${appendErrors('$4')}, error_count = error_count + $5
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND ($3::int IS NULL OR attempts = $3)
        RETURNING ${RUN_COLUMNS}`,
      [runId, status, attempt, JSON.stringify(error ? [error] : []), error ? 1 : 0],
    );
    return rows[0] ?? null;
  }

  /**
   * Ends the queued or running pulls no job will resume (their job failed for good, was lost, or a
   * webhook's request died), so a source is never left blocked by a run that nothing runs.
   */
  async failOrphans(sql: Sql, jobTable: string, queue: string, message: string): Promise<number[]> {
    const { rows } = await run<{ id: number }>(
      sql,
      `UPDATE sync_run r SET status = 'FAILED', finished_at = now(), errors = ${appendErrors('$2')}, error_count = error_count + 1
        WHERE r.status IN ('QUEUED', 'RUNNING')
          AND ((r.trigger <> 'WEBHOOK' AND r.queued_at < now() - interval '1 minute'
                AND NOT EXISTS (SELECT 1 FROM ${jobTable} j WHERE j.name = $1 AND j.singleton_key = r.source_id::text AND j.state < 'completed'))
               OR (r.trigger = 'WEBHOOK' AND r.queued_at < now() - interval '10 minutes'))
        RETURNING r.id`,
      [queue, JSON.stringify([{ externalId: null, message }])],
    );
    return rows.map((r) => r.id);
  }

  async byId(id: number): Promise<SyncRunRow | null> {
    const [row] = await this.db.query(`SELECT ${RUN_COLUMNS} FROM sync_run WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** A source's runs, newest first. */
  runs(sourceId: number, first: number): Promise<SyncRunRow[]> {
    return this.db.query(`SELECT ${RUN_COLUMNS} FROM sync_run WHERE source_id = $1 ORDER BY id DESC LIMIT $2`, [sourceId, first]);
  }

  /** The newest run of each of these sources (one statement for a list of sources). */
  lastRuns(sourceIds: readonly number[]): Promise<SyncRunRow[]> {
    return this.db.query(
      `SELECT r.* FROM unnest($1::int[]) AS s(id)
         CROSS JOIN LATERAL (SELECT ${RUN_COLUMNS} FROM sync_run WHERE source_id = s.id ORDER BY id DESC LIMIT 1) r`,
      [sourceIds],
    );
  }

  /**
   * Sources a scheduled pull is due for: enabled, not deleted, pulling (not WEBHOOK), on a schedule,
   * with no pull queued or running and none queued within their interval (less half a minute, so a
   * run queued a moment after the minute does not push the next one a minute later every time).
   */
  async dueSources(sql: Sql): Promise<number[]> {
    const rows: Array<{ id: number }> = await sql.query(
      `SELECT s.id FROM source s
        WHERE s.deleted_at IS NULL AND s.enabled AND s.kind <> 'WEBHOOK' AND s.sync_every_minutes > 0
          AND NOT EXISTS (SELECT 1 FROM sync_run r WHERE r.source_id = s.id AND r.trigger <> 'WEBHOOK'
                            AND (r.status IN ('QUEUED', 'RUNNING')
                                 OR r.queued_at > now() - s.sync_every_minutes * interval '1 minute' + interval '30 seconds'))
        ORDER BY s.id`,
    );
    return rows.map((r) => r.id);
  }

  async setMark(sql: Sql, sourceId: number, mark: string | null): Promise<void> {
    await sql.query(`UPDATE source SET mark = $2 WHERE id = $1 AND mark IS DISTINCT FROM $2`, [sourceId, mark]);
  }

  // --- incidents --------------------------------------------------------------------------------

  /**
   * Serialises the writes of one source's incidents (a pull's batch, a webhook push) across sessions
   * and instances, until the transaction ends. (Inserting the same new incident twice at once would
   * otherwise make one of them fail on the unique key.)
   */
  async lockSource(sql: Sql, sourceId: number): Promise<void> {
    await sql.query(`SELECT pg_advisory_xact_lock($1, $2)`, [SOURCE_WRITE_LOCK, sourceId]);
  }

  /** Teams by lower-case name (the oldest of a name). */
  async teams(sql: Sql, names: string[]): Promise<Map<string, number>> {
    if (!names.length) return new Map();
    const rows: Array<{ id: number; k: string }> = await sql.query(
      `SELECT DISTINCT ON (lower(name)) id, lower(name) AS k FROM team WHERE lower(name) = ANY($1::text[]) ORDER BY lower(name), id`,
      [names.map((n) => n.toLowerCase())],
    );
    return new Map(rows.map((r) => [r.k, r.id]));
  }

  /** Services by lower-case name. */
  async services(sql: Sql, names: string[]): Promise<Map<string, number>> {
    if (!names.length) return new Map();
    const rows: Array<{ id: number; k: string }> = await sql.query(
      `SELECT id, lower(name) AS k FROM service WHERE lower(name) = ANY($1::text[])`,
      [names.map((n) => n.toLowerCase())],
    );
    return new Map(rows.map((r) => [r.k, r.id]));
  }

  /** Creates these services under a team (a name made meanwhile by someone else is kept as it is); returns what was made. */
  async createServices(sql: Sql, names: string[], teamId: number): Promise<string[]> {
    if (!names.length) return [];
    const rows: Array<{ name: string }> = await sql.query(
      `INSERT INTO service (name, team_id) SELECT n, $2 FROM unnest($1::text[]) AS n ON CONFLICT DO NOTHING RETURNING name`,
      [names, teamId],
    );
    return rows.map((r) => r.name);
  }

  /** The incidents of this source with these external ids, locked for the batch (a concurrent edit waits, or is seen). */
  async existing(sql: Sql, sourceKey: string, externalIds: string[]): Promise<StoredSyncedIncident[]> {
    if (!externalIds.length) return [];
    const rows = await sql.query(
      `SELECT i.id, i.external_id, i.title, i.severity::text AS severity, i.detection_source::text AS detection_source,
              ${ISO_MICROS('i.started_at')} AS started_at, ${ISO_MICROS('i.detected_at')} AS detected_at,
              ${ISO_MICROS('i.acknowledged_at')} AS acknowledged_at, ${ISO_MICROS('i.mitigated_at')} AS mitigated_at,
              ${ISO_MICROS('i.resolved_at')} AS resolved_at, i.source_values, i.overridden_fields, i.external_url,
              coalesce((SELECT array_agg(service_id ORDER BY service_id) FROM incident_service WHERE incident_id = i.id), '{}') AS service_ids
         FROM (SELECT DISTINCT unnest($2::text[])) AS k(external_id)
         -- one index probe per key, whatever the table's statistics say (a big = ANY list on a table never
         -- analysed was planned as a scan of every incident of the source)
         CROSS JOIN LATERAL (
           SELECT * FROM incident WHERE source = $1 AND external_id = k.external_id LIMIT 1 FOR UPDATE
         ) i
        ORDER BY i.id`,
      [sourceKey, externalIds],
    );
    return rows.map((r: any) => ({
      id: r.id,
      externalId: r.external_id,
      values: {
        title: r.title,
        startedAt: r.started_at,
        detectedAt: r.detected_at,
        acknowledgedAt: r.acknowledged_at,
        mitigatedAt: r.mitigated_at,
        resolvedAt: r.resolved_at,
        severity: r.severity,
        services: r.service_ids,
        detectionSource: r.detection_source,
      },
      sourceValues: r.source_values,
      overridden: r.overridden_fields,
      externalUrl: r.external_url,
    }));
  }

  /** Inserts new incidents and their services in one statement; returns their ids in input order. */
  async insertIncidents(sql: Sql, sourceKey: string, sourceId: number, rows: NewSyncedIncident[]): Promise<number[]> {
    if (!rows.length) return [];
    const col = <T>(f: (r: NewSyncedIncident) => T) => rows.map(f);
    const links: [number[], number[]] = [[], []];
    rows.forEach((r, n) => {
      for (const s of r.values.services) {
        links[0].push(n + 1);
        links[1].push(s);
      }
    });
    const inserted: Array<{ id: number; n: number }> = await sql.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::severity[], $3::detection_source[], $4::boolean[], $5::int[], $6::timestamptz[],
                              $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[],
                              $13::text[]) WITH ORDINALITY
           AS u(title, severity, detection_source, private, team_id, started_at, detected_at, acknowledged_at, mitigated_at,
                resolved_at, external_id, source_values, external_url, n)
       ), ins AS (
         INSERT INTO incident (title, severity, detection_source, private, team_id, started_at, detected_at, acknowledged_at,
                               mitigated_at, resolved_at, source, external_id, source_id, source_values, external_url)
         SELECT title, severity, detection_source, private, team_id, started_at, detected_at, acknowledged_at, mitigated_at,
                resolved_at, $14, external_id, $15, source_values::jsonb, external_url FROM input ORDER BY n
         RETURNING id, external_id
       ), ids AS (
         SELECT input.n::int AS n, ins.id FROM ins JOIN input ON input.external_id = ins.external_id
       ), services AS (
         INSERT INTO incident_service (incident_id, service_id)
         SELECT ids.id, l.s FROM unnest($16::int[], $17::int[]) AS l(n, s) JOIN ids ON ids.n = l.n
       )
       SELECT id, n FROM ids`,
      [
        col((r) => r.values.title),
        col((r) => r.values.severity),
        col((r) => r.values.detectionSource),
        col((r) => r.private),
        col((r) => r.teamId),
        col((r) => r.values.startedAt),
        col((r) => r.values.detectedAt),
        col((r) => r.values.acknowledgedAt),
        col((r) => r.values.mitigatedAt),
        col((r) => r.values.resolvedAt),
        col((r) => r.externalId),
        col((r) => JSON.stringify(r.values)),
        col((r) => r.externalUrl),
        sourceKey,
        sourceId,
        ...links,
      ],
    );
    const ids = new Array<number>(rows.length);
    for (const r of inserted) ids[r.n - 1] = r.id;
    return ids;
  }

  /**
   * Writes changed synced incidents: the fields a source provides (those people edited keep their
   * value, which `values` already holds), the source's values and link; version + 1, so an edit made
   * on the copy from before the sync is refused as stale. Services are replaced where they changed.
   */
  async updateIncidents(sql: Sql, rows: SyncedChange[]): Promise<void> {
    if (!rows.length) return;
    const col = <T>(f: (r: SyncedChange) => T) => rows.map(f);
    await sql.query(
      `UPDATE incident i SET title = u.title, severity = u.severity, detection_source = u.detection_source,
              started_at = u.started_at, detected_at = u.detected_at, acknowledged_at = u.acknowledged_at,
              mitigated_at = u.mitigated_at, resolved_at = u.resolved_at, source_values = u.source_values::jsonb,
              external_url = u.external_url, version = i.version + 1, updated_at = now()
         FROM unnest($1::int[], $2::text[], $3::severity[], $4::detection_source[], $5::timestamptz[], $6::timestamptz[],
                     $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
           AS u(id, title, severity, detection_source, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at,
                source_values, external_url)
        WHERE i.id = u.id`,
      [
        col((r) => r.id),
        col((r) => r.values.title),
        col((r) => r.values.severity),
        col((r) => r.values.detectionSource),
        col((r) => r.values.startedAt),
        col((r) => r.values.detectedAt),
        col((r) => r.values.acknowledgedAt),
        col((r) => r.values.mitigatedAt),
        col((r) => r.values.resolvedAt),
        col((r) => JSON.stringify(r.sourceValues)),
        col((r) => r.externalUrl),
      ],
    );
    const moved = rows.filter((r) => r.servicesChanged);
    if (!moved.length) return;
    const links: [number[], number[]] = [[], []];
    for (const r of moved) {
      for (const s of r.values.services) {
        links[0].push(r.id);
        links[1].push(s);
      }
    }
    await sql.query(
      `DELETE FROM incident_service x WHERE x.incident_id = ANY($1::int[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) n(i, s) WHERE n.i = x.incident_id AND n.s = x.service_id)`,
      [moved.map((r) => r.id), ...links],
    );
    await sql.query(
      `INSERT INTO incident_service (incident_id, service_id) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
      links,
    );
  }
}
