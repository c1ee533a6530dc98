import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups of the metrics, kept exact (docs/metrics.md, "How the numbers are computed"; docs/performance.md §Metrics).
 *
 * A *cell* is the part of one metric computed over the incidents that started in one UTC month (or, with
 * `day` set, one UTC day of it, for periods that cut a month and for weekly trends) with one `private` flag:
 * counts and sums, and for a duration statistic the sorted array of its values plus, for cells of 128 values
 * or more, how many of them lie at or below each of 257 fixed fences (`metric_fences()`). Cells add up: a
 * period is the sum of its cells, and an exact percentile is found by adding the fence counts (which fence
 * interval holds rank k) and sorting only the cells' values in that interval.
 *
 * Exactness does not depend on timing. Every statement that changes what a metric reads of an incident or
 * what hangs off it appends the incident's month to `metric_dirty` (statement triggers with transition
 * tables, in the writer's transaction). A reading statement uses a month's stored cells only when the month
 * is built (`metric_month`) and has no dirty row in the same snapshot; everything else is computed from the
 * incidents in that statement. Rebuilding a month (refreshRollups in api/src/metrics/metrics.rollup.ts)
 * deletes only the dirty rows it saw, in the snapshot it computed from, so a write that commits meanwhile
 * stays marked.
 */
/** Per table written by the app, the columns some metric reads (an UPDATE changing none of them dirties nothing). */
const METRIC_COLUMNS: Record<string, string> = {
  incident:
    'id, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, kind, exclude_from_metrics, private, severity, detection_source',
  incident_cause: 'incident_id, cause_id, is_primary, state',
  incident_service: 'incident_id, service_id',
  redundancy_assessment: 'incident_id, mechanism_id, outcome',
  action_item: 'incident_id, mechanism_id, status, due_date, created_at, completed_at',
};

export class MetricRollups1764547200300 implements MigrationInterface {
  name = 'MetricRollups1764547200300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE metric_month (month timestamptz PRIMARY KEY);
      CREATE TABLE metric_dirty (id bigserial PRIMARY KEY, month timestamptz NOT NULL);
      CREATE INDEX metric_dirty_month ON metric_dirty (month);

      -- grouping: all | ttd | tta | ttm | ttr | cause | contrib | detection | service | gap | action | due
      -- c: the grouping's counters (see api/src/metrics/metrics.rollup.ts); d: downtime minutes;
      -- n, s, v, fc: a duration statistic's count, sum, sorted values and counts at or below each fence
      CREATE TABLE metric_cell (
        month timestamptz NOT NULL,
        day timestamptz,
        private boolean NOT NULL,
        grouping text NOT NULL,
        key text,
        confirmed boolean NOT NULL DEFAULT false,
        c int[] NOT NULL DEFAULT '{}',
        d float8 NOT NULL DEFAULT 0,
        first_started_at timestamptz,
        n int NOT NULL DEFAULT 0,
        s float8,
        v float8[],
        fc int[]
      );
      CREATE INDEX metric_cell_month ON metric_cell (month, grouping);
      -- values are read in slices; uncompressed storage avoids decompressing whole arrays
      ALTER TABLE metric_cell ALTER COLUMN v SET STORAGE EXTERNAL;

      -- per service, the merged impact intervals of one month's (or day's) resolved counted incidents
      CREATE TABLE metric_island (
        month timestamptz NOT NULL,
        day timestamptz,
        private boolean NOT NULL,
        service_id integer NOT NULL,
        lo timestamptz NOT NULL,
        hi timestamptz NOT NULL
      );
      CREATE INDEX metric_island_month ON metric_island (month);

      -- non-admins read their own teams' private incidents of stored months from the incidents
      CREATE INDEX incident_private_started ON incident (started_at) WHERE private;

      CREATE FUNCTION metric_fences() RETURNS float8[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ARRAY['-Infinity'::float8, 0]
               || ARRAY(SELECT exp(ln(1.0 / 60) + g * ln(60e6) / 253) FROM generate_series(0, 253) g)
               || ARRAY['Infinity'::float8]
      $$;
      -- fc[j] = how many of the sorted values are <= metric_fences()[j]
      CREATE FUNCTION metric_fence_counts(v float8[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN NULL
                    ELSE ARRAY(SELECT width_bucket(f, v) FROM unnest(metric_fences()) WITH ORDINALITY AS u(f, o) ORDER BY o) END
      $$;

      CREATE FUNCTION metric_forget_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM metric_cell; DELETE FROM metric_island; DELETE FROM metric_month;
        RETURN NULL;
      END $$;
    `);
    for (const [table, columns] of Object.entries(METRIC_COLUMNS)) {
      const fn = `${table}_metric_mark`;
      // the months of the written rows: all of them for INSERT and DELETE; for UPDATE those whose columns that
      // metrics read changed, before and after (a new title or summary dirties nothing); one row per month
      const months = (rows: string) =>
        table === 'incident'
          ? `SELECT DISTINCT date_trunc('month', r.started_at, 'UTC') FROM ${rows} r`
          : // one primary-key probe per incident (a join would be planned blind on the transition table and may scan incident)
            `SELECT DISTINCT date_trunc('month', i.started_at, 'UTC') FROM (SELECT DISTINCT incident_id FROM ${rows} r) r
               CROSS JOIN LATERAL (SELECT started_at FROM incident WHERE id = r.incident_id OFFSET 0) i`;
      const changed = `((SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows)
                        UNION ALL (SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows))`;
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO metric_dirty (month) ${months('new_rows')};
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO metric_dirty (month) ${months('old_rows')};
          ELSE
            INSERT INTO metric_dirty (month) ${months(changed)};
          END IF;
          RETURN NULL;
        END $$;`);
      await q.query(`
        CREATE TRIGGER ${table}_metric_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
        CREATE TRIGGER ${table}_metric_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
        CREATE TRIGGER ${table}_metric_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
        CREATE TRIGGER ${table}_metric_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION metric_forget_all();
      `);
    }
    // existing incidents: every month is to be built
    await q.query(`INSERT INTO metric_dirty (month) SELECT DISTINCT date_trunc('month', started_at, 'UTC') FROM incident`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(METRIC_COLUMNS)) {
      for (const t of ['ins', 'upd', 'del', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS ${table}_metric_${t} ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS ${table}_metric_mark()`);
    }
    await q.query(`
      DROP FUNCTION IF EXISTS metric_forget_all(), metric_fence_counts(float8[]), metric_fences();
      DROP INDEX IF EXISTS incident_private_started;
      DROP TABLE IF EXISTS metric_island, metric_cell, metric_dirty, metric_month;
    `);
  }
}
