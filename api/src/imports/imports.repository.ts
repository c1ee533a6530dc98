import { Injectable } from '@nestjs/common';
import { Sql } from '../common/database/database.service';

/** Canonical UTC text at microsecond precision, the same form import-row.ts builds. */
export const ISO_MICROS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface Catalog {
  teams: Map<string, number>;
  services: Map<string, { id: number; teamId: number }>;
  /** Cause nodes by lower-case name: a cause (child) wins over a category of the same name. */
  causes: Map<string, number>;
  mechanisms: Map<string, number>;
}

/** What the import compares and writes: an incident's imported fields with ids resolved. */
export interface StoredIncident {
  source: string;
  externalId: string;
  title: string;
  summary: string | null;
  severity: string;
  detectionSource: string | null;
  private: boolean;
  excludeFromMetrics: boolean;
  teamId: number;
  phases: Array<string | null>; // started, detected, acknowledged, mitigated, resolved (canonical text)
  serviceIds: number[];
  primaryCauseId: number | null;
  contributingIds: number[];
  assessments: Array<[number, string]>; // [mechanismId, OUTCOME]
  timeline: Array<[string, string, string]> | null; // [at, kind, message]; null: the row carries none
}

export interface ExistingIncident extends StoredIncident {
  id: number;
  key: string; // `${source}\u0000${externalId}` as the row asked for it
}

/** Author of the timeline events a Statuspage import owns (and replaces on re-import). */
export const STATUSPAGE_AUTHOR = 'statuspage';

/**
 * Set-based SQL for imports: every statement covers a whole batch of rows (unnest of parameter
 * arrays), so an import costs a handful of statements per thousand rows instead of several per row.
 */
@Injectable()
export class ImportsRepository {
  async catalog(sql: Sql): Promise<Catalog> {
    // one after the other: a transaction has one connection
    const teams = await sql.query(`SELECT id, name FROM team`);
    const services = await sql.query(`SELECT id, name, team_id FROM service`);
    const causes = await sql.query(
      `SELECT id, name, parent_id FROM root_cause WHERE retired_at IS NULL ORDER BY (parent_id IS NULL), id DESC`,
    );
    const mechanisms = await sql.query(`SELECT id, name FROM redundancy_mechanism WHERE retired_at IS NULL`);
    const c: Catalog = { teams: new Map(), services: new Map(), causes: new Map(), mechanisms: new Map() };
    for (const t of teams) c.teams.set(t.name.toLowerCase(), t.id);
    for (const s of services) c.services.set(s.name.toLowerCase(), { id: s.id, teamId: s.team_id });
    // categories last and lowest id last, so the first cause of a name is the one kept
    for (const r of [...causes].reverse()) c.causes.set(r.name.toLowerCase(), r.id);
    for (const m of mechanisms) c.mechanisms.set(m.name.toLowerCase(), m.id);
    return c;
  }

  /**
   * Readies an import's transaction: a temporary table `import_key` of the (source, external id)
   * keys seen so far, with the row that named each first (how a file's repeated rows are found
   * without holding every key in memory; dropped with the transaction, commit or rollback), and no
   * JIT compilation: the planner's statistics lag behind a growing import, its cost estimates
   * climb past jit_above_cost, and compiling then costs more than the statement itself.
   */
  async prepareImport(sql: Sql): Promise<void> {
    await sql.query(`SET LOCAL jit = off`);
    await sql.query(
      `CREATE TEMPORARY TABLE import_key (source text NOT NULL, external_id text NOT NULL, first_row int NOT NULL,
         PRIMARY KEY (source, external_id)) ON COMMIT DROP`,
    );
  }

  /**
   * Records these keys as seen (each once); answers, for the keys an earlier call recorded, the row
   * recorded then, by `${source}\u0000${externalId}`.
   */
  async claimKeys(sql: Sql, keys: Array<{ source: string; externalId: string; row: number }>): Promise<Map<string, number>> {
    const earlier = new Map<string, number>();
    if (!keys.length) return earlier;
    const claimed: Array<{ first_row: number }> = await sql.query(
      `INSERT INTO import_key (source, external_id, first_row) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT DO NOTHING RETURNING first_row`,
      [keys.map((k) => k.source), keys.map((k) => k.externalId), keys.map((k) => k.row)],
    );
    if (claimed.length === keys.length) return earlier;
    const fresh = new Set(claimed.map((c) => c.first_row));
    const repeated = keys.filter((k) => !fresh.has(k.row));
    const rows = await sql.query(
      // an index probe per key, whatever the planner thinks of the (never analysed) temporary table
      `SELECT k.source, k.external_id, s.first_row FROM unnest($1::text[], $2::text[]) AS k(source, external_id)
         CROSS JOIN LATERAL (SELECT x.first_row FROM import_key x WHERE x.source = k.source AND x.external_id = k.external_id LIMIT 1) s`,
      [repeated.map((k) => k.source), repeated.map((k) => k.externalId)],
    );
    for (const r of rows) earlier.set(`${r.source}\u0000${r.external_id}`, r.first_row);
    return earlier;
  }

  async insertTeam(sql: Sql, name: string): Promise<number> {
    const [row] = await sql.query(`INSERT INTO team (name) VALUES ($1) RETURNING id`, [name.trim()]);
    return row.id;
  }

  async insertService(sql: Sql, name: string, teamId: number): Promise<number> {
    const [row] = await sql.query(`INSERT INTO service (name, team_id) VALUES ($1, $2) RETURNING id`, [name.trim(), teamId]);
    return row.id;
  }

  /** A new cause under the category `category` (made if missing). */
  async insertCause(sql: Sql, name: string, category: string): Promise<number> {
    let [parent] = await sql.query(`SELECT id FROM root_cause WHERE parent_id IS NULL AND lower(name) = lower($1)`, [category]);
    if (!parent) [parent] = await sql.query(`INSERT INTO root_cause (name) VALUES ($1) RETURNING id`, [category]);
    const [row] = await sql.query(`INSERT INTO root_cause (name, parent_id) VALUES ($1, $2) RETURNING id`, [name.trim(), parent.id]);
    return row.id;
  }

  async insertMechanism(sql: Sql, name: string): Promise<number> {
    const [row] = await sql.query(`INSERT INTO redundancy_mechanism (name) VALUES ($1) RETURNING id`, [name.trim()]);
    return row.id;
  }

  /**
   * The incidents these (source, external id) keys already name, with everything an import
   * compares. A `manual` key `INC-<id>` (what the export writes for incidents made in the app)
   * names that incident.
   */
  async existing(sql: Sql, keys: Array<{ source: string; externalId: string }>, withTimeline: boolean): Promise<ExistingIncident[]> {
    if (!keys.length) return [];
    const manual = keys.filter((k) => k.source === 'manual' && /^INC-[0-9]{1,9}$/.test(k.externalId));
    const columns = `id, title, summary, severity, detection_source, private, exclude_from_metrics, team_id, started_at,
                     detected_at, acknowledged_at, mitigated_at, resolved_at`;
    const rows = await sql.query(
      // one index probe per key, which fetches the incident itself: (source, external_id) through the
      // partial unique index, or the id behind a manual key. LATERAL ... LIMIT 1 keeps it a probe
      // whatever the statistics say: inside an import the table grows faster than they do, and a
      // planned hash join would scan it once per batch
      `WITH found AS (
         SELECT i.*, k.source AS k_source, k.external_id AS k_external_id
           FROM unnest($1::text[], $2::text[]) AS k(source, external_id)
           CROSS JOIN LATERAL (SELECT ${columns} FROM incident x WHERE x.source = k.source AND x.external_id = k.external_id
                                  AND x.external_id IS NOT NULL LIMIT 1) i
         UNION ALL
         SELECT ${columns}, 'manual', 'INC-' || id FROM incident
          WHERE id = ANY($3::int[]) AND source = 'manual' AND external_id IS NULL
       )
       SELECT i.id, i.k_source, i.k_external_id, i.title, i.summary, i.severity::text AS severity,
              i.detection_source::text AS detection_source, i.private, i.exclude_from_metrics, i.team_id,
              ${ISO_MICROS('i.started_at')} AS started_at, ${ISO_MICROS('i.detected_at')} AS detected_at,
              ${ISO_MICROS('i.acknowledged_at')} AS acknowledged_at, ${ISO_MICROS('i.mitigated_at')} AS mitigated_at,
              ${ISO_MICROS('i.resolved_at')} AS resolved_at,
              coalesce((SELECT array_agg(service_id ORDER BY service_id) FROM incident_service WHERE incident_id = i.id), '{}') AS service_ids,
              (SELECT cause_id FROM incident_cause WHERE incident_id = i.id AND is_primary) AS primary_cause_id,
              coalesce((SELECT array_agg(cause_id ORDER BY cause_id) FROM incident_cause WHERE incident_id = i.id AND NOT is_primary), '{}') AS contributing_ids,
              coalesce((SELECT array_agg(mechanism_id::text || ':' || outcome::text ORDER BY mechanism_id) FROM redundancy_assessment WHERE incident_id = i.id), '{}') AS assessments,
              ${
                withTimeline
                  ? `(SELECT coalesce(json_agg(json_build_array(${ISO_MICROS('at')}, kind, message) ORDER BY at, kind, message), '[]') FROM timeline_event WHERE incident_id = i.id AND author = '${STATUSPAGE_AUTHOR}')`
                  : 'NULL'
              } AS timeline
         FROM found i`,
      [keys.map((k) => k.source), keys.map((k) => k.externalId), manual.map((k) => Number(k.externalId.slice(4)))],
    );
    return rows.map((r: any) => ({
      id: r.id,
      key: `${r.k_source}\u0000${r.k_external_id}`,
      source: r.k_source,
      externalId: r.k_external_id,
      title: r.title,
      summary: r.summary,
      severity: r.severity,
      detectionSource: r.detection_source,
      private: r.private,
      excludeFromMetrics: r.exclude_from_metrics,
      teamId: r.team_id,
      phases: [r.started_at, r.detected_at, r.acknowledged_at, r.mitigated_at, r.resolved_at],
      serviceIds: r.service_ids,
      primaryCauseId: r.primary_cause_id,
      contributingIds: r.contributing_ids,
      assessments: (r.assessments as string[]).map((a) => {
        const [m, o] = a.split(':');
        return [Number(m), o] as [number, string];
      }),
      timeline: r.timeline,
    }));
  }

  /**
   * Inserts a batch of incidents with their services, causes, assessments and timeline events in one
   * statement (one round trip instead of five); returns their ids in input order. The links name
   * their incident by its position in the batch. They are plain inserts: the incidents are new, so
   * no link exists yet, and a row's ids are distinct by construction (an ON CONFLICT arbiter check
   * per link cost about a fifth more, measured).
   */
  async insertIncidents(sql: Sql, rows: StoredIncident[], actor: string): Promise<number[]> {
    if (!rows.length) return [];
    const col = <T>(f: (r: StoredIncident) => T) => rows.map(f);
    const links = this.flatten(
      rows.map((_, n) => n + 1),
      rows,
    );
    const inserted: Array<{ id: number; n: number }> = await sql.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::severity[], $4::detection_source[], $5::boolean[], $6::boolean[],
                              $7::int[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
                              $12::timestamptz[], $13::text[], $14::text[]) WITH ORDINALITY
           AS u(title, summary, severity, detection_source, private, exclude_from_metrics, team_id, started_at,
                detected_at, acknowledged_at, mitigated_at, resolved_at, source, external_id, n)
       ), ins AS (
         INSERT INTO incident (title, summary, severity, detection_source, private, exclude_from_metrics, team_id, started_at,
                               detected_at, acknowledged_at, mitigated_at, resolved_at, source, external_id)
         SELECT title, summary, severity, detection_source, private, exclude_from_metrics, team_id, started_at,
                detected_at, acknowledged_at, mitigated_at, resolved_at, source, external_id FROM input ORDER BY n
         RETURNING id, source, external_id
       ), ids AS (
         SELECT input.n::int AS n, ins.id FROM ins JOIN input ON input.source = ins.source AND input.external_id = ins.external_id
       ), services AS (
         INSERT INTO incident_service (incident_id, service_id)
         SELECT ids.id, l.s FROM unnest($15::int[], $16::int[]) AS l(n, s) JOIN ids ON ids.n = l.n
       ), causes AS (
         INSERT INTO incident_cause (incident_id, cause_id, is_primary, set_by)
         SELECT ids.id, l.c, l.p, $27 FROM unnest($17::int[], $18::int[], $19::boolean[]) AS l(n, c, p) JOIN ids ON ids.n = l.n
       ), assessments AS (
         INSERT INTO redundancy_assessment (incident_id, mechanism_id, outcome, assessed_by)
         SELECT ids.id, l.m, l.o, $27 FROM unnest($20::int[], $21::int[], $22::redundancy_outcome[]) AS l(n, m, o) JOIN ids ON ids.n = l.n
       ), timeline AS (
         INSERT INTO timeline_event (incident_id, at, kind, message, author)
         SELECT ids.id, l.a, l.k, l.m, $28
           FROM unnest($23::int[], $24::timestamptz[], $25::text[], $26::text[]) AS l(n, a, k, m) JOIN ids ON ids.n = l.n
       )
       SELECT id, n FROM ids`,
      [
        col((r) => r.title),
        col((r) => r.summary),
        col((r) => r.severity),
        col((r) => r.detectionSource),
        col((r) => r.private),
        col((r) => r.excludeFromMetrics),
        col((r) => r.teamId),
        col((r) => r.phases[0]),
        col((r) => r.phases[1]),
        col((r) => r.phases[2]),
        col((r) => r.phases[3]),
        col((r) => r.phases[4]),
        col((r) => r.source),
        col((r) => r.externalId),
        ...links.services,
        ...links.causes,
        ...links.assessments,
        ...links.timeline,
        actor,
        STATUSPAGE_AUTHOR,
      ],
    );
    const ids = new Array<number>(rows.length);
    for (const r of inserted) ids[r.n - 1] = r.id;
    return ids;
  }

  /** Rewrites changed incidents (version + 1) and replaces their imported links. */
  async updateIncidents(sql: Sql, ids: number[], rows: StoredIncident[], actor: string): Promise<void> {
    if (!rows.length) return;
    const col = <T>(f: (r: StoredIncident) => T) => rows.map(f);
    await sql.query(
      `UPDATE incident i SET title = u.title, summary = u.summary, severity = u.severity, detection_source = u.detection_source,
              private = u.private, exclude_from_metrics = u.exclude_from_metrics, team_id = u.team_id,
              started_at = u.started_at, detected_at = u.detected_at, acknowledged_at = u.acknowledged_at,
              mitigated_at = u.mitigated_at, resolved_at = u.resolved_at, version = i.version + 1, updated_at = now()
         FROM unnest($1::int[], $2::text[], $3::text[], $4::severity[], $5::detection_source[], $6::boolean[], $7::boolean[],
                     $8::int[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[])
           AS u(id, title, summary, severity, detection_source, private, exclude_from_metrics, team_id, started_at,
                detected_at, acknowledged_at, mitigated_at, resolved_at)
        WHERE i.id = u.id`,
      [
        ids,
        col((r) => r.title),
        col((r) => r.summary),
        col((r) => r.severity),
        col((r) => r.detectionSource),
        col((r) => r.private),
        col((r) => r.excludeFromMetrics),
        col((r) => r.teamId),
        col((r) => r.phases[0]),
        col((r) => r.phases[1]),
        col((r) => r.phases[2]),
        col((r) => r.phases[3]),
        col((r) => r.phases[4]),
      ],
    );
    const links = this.flatten(ids, rows);
    await sql.query(
      `DELETE FROM incident_service x WHERE x.incident_id = ANY($1::int[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) n(i, s) WHERE n.i = x.incident_id AND n.s = x.service_id)`,
      [ids, links.services[0], links.services[1]],
    );
    // a tag that stays (same cause, same role) keeps its review state; others are replaced
    await sql.query(
      `DELETE FROM incident_cause c WHERE c.incident_id = ANY($1::int[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[], $4::boolean[]) n(i, c, p)
                           WHERE n.i = c.incident_id AND n.c = c.cause_id AND n.p = c.is_primary)`,
      [ids, links.causes[0], links.causes[1], links.causes[2]],
    );
    await sql.query(
      `DELETE FROM redundancy_assessment a WHERE a.incident_id = ANY($1::int[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) n(i, m) WHERE n.i = a.incident_id AND n.m = a.mechanism_id)`,
      [ids, links.assessments[0], links.assessments[1]],
    );
    const withTimeline = ids.filter((_, n) => rows[n].timeline !== null);
    if (withTimeline.length) {
      await sql.query(`DELETE FROM timeline_event WHERE incident_id = ANY($1::int[]) AND author = $2`, [withTimeline, STATUSPAGE_AUTHOR]);
    }
    await this.insertLinks(sql, ids, rows, actor, links);
  }

  private flatten(ids: number[], rows: StoredIncident[]) {
    const services: [number[], number[]] = [[], []];
    const causes: [number[], number[], boolean[]] = [[], [], []];
    const assessments: [number[], number[], string[]] = [[], [], []];
    const timeline: [number[], string[], string[], string[]] = [[], [], [], []];
    rows.forEach((r, n) => {
      const id = ids[n];
      const add = <T extends unknown[][]>(columns: T, ...values: unknown[]) => values.forEach((v, n) => columns[n].push(v));
      for (const s of r.serviceIds) add(services, id, s);
      if (r.primaryCauseId !== null) add(causes, id, r.primaryCauseId, true);
      for (const c of r.contributingIds) add(causes, id, c, false);
      for (const [m, o] of r.assessments) add(assessments, id, m, o);
      for (const [at, kind, message] of r.timeline ?? []) add(timeline, id, at, kind, message);
    });
    return { services, causes, assessments, timeline };
  }

  /** Adds the links of changed incidents that they lack (those they keep are left as they are). */
  private async insertLinks(
    sql: Sql,
    ids: number[],
    rows: StoredIncident[],
    actor: string,
    links = this.flatten(ids, rows),
  ): Promise<void> {
    if (links.services[0].length) {
      await sql.query(
        `INSERT INTO incident_service (incident_id, service_id) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
        links.services,
      );
    }
    if (links.causes[0].length) {
      await sql.query(
        `INSERT INTO incident_cause (incident_id, cause_id, is_primary, set_by)
         SELECT i, c, p, $4 FROM unnest($1::int[], $2::int[], $3::boolean[]) AS n(i, c, p) ON CONFLICT DO NOTHING`,
        [...links.causes, actor],
      );
    }
    if (links.assessments[0].length) {
      await sql.query(
        `INSERT INTO redundancy_assessment (incident_id, mechanism_id, outcome, assessed_by)
         SELECT i, m, o, $4 FROM unnest($1::int[], $2::int[], $3::redundancy_outcome[]) AS n(i, m, o)
         ON CONFLICT (incident_id, mechanism_id) DO UPDATE SET outcome = EXCLUDED.outcome, assessed_by = EXCLUDED.assessed_by, assessed_at = now()
           WHERE redundancy_assessment.outcome IS DISTINCT FROM EXCLUDED.outcome`,
        [...links.assessments, actor],
      );
    }
    if (links.timeline[0].length) {
      await sql.query(
        `INSERT INTO timeline_event (incident_id, at, kind, message, author)
         SELECT i, a, k, m, $5 FROM unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[]) AS n(i, a, k, m)`,
        [...links.timeline, STATUSPAGE_AUTHOR],
      );
    }
  }
}
