import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metric rollups that answer every filter, and know their own version (docs/metrics.md, "How the numbers are computed").
 *
 * - Each built month records the layout its cells were built under (CELL_LAYOUT in api/src/metrics/metrics.rollup.ts:
 *   a hash of the SQL that builds them). A reading statement uses a month's cells only under the current layout, and
 *   the refresh rebuilds the others, so a changed definition never keeps old numbers in old months. Months built
 *   before this migration have the empty layout: they are read from the incidents until rebuilt.
 * - Cells and islands gain a slice and keys: slice '' is what there was (no keys); month cells of slice 'dims' are
 *   keyed by the incident's team, severity, source and primary cause (node, and whether that tag is confirmed); slice
 *   'service' keys them the same way and by one service the incident affects. A filter by those dimensions then adds
 *   up the matching keyed cells of the months it covers whole.
 * - A write marks the day it touches as well as the month (metric_dirty.day): a reading statement then still uses the
 *   day cells of the month's other days and reads only the marked days from the incidents, so the next reader after
 *   a write does not wait for the month's rebuild, which runs off the request path.
 * - Since cells are keyed by team and source, a change of an incident's team or source now marks its month too.
 */
/** Per table written by the app, the columns some metric reads (an UPDATE changing none of them marks nothing). */
const METRIC_COLUMNS: Record<string, string> = {
  incident:
    'id, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, kind, exclude_from_metrics, private, severity, detection_source, team_id, source_id',
  incident_cause: 'incident_id, cause_id, is_primary, state',
  incident_service: 'incident_id, service_id',
  redundancy_assessment: 'incident_id, mechanism_id, outcome',
  action_item: 'incident_id, mechanism_id, status, due_date, created_at, completed_at',
};

/** The mark function of `table`: the UTC months and days of the incidents of the written rows, as rows of metric_dirty. */
function markFunction(table: string): string {
  const columns = METRIC_COLUMNS[table];
  const marks = (rows: string) =>
    table === 'incident'
      ? `SELECT DISTINCT date_trunc('month', r.started_at, 'UTC'), date_trunc('day', r.started_at, 'UTC') FROM ${rows} r`
      : // one primary-key probe per incident (a join would be planned blind on the transition table and may scan incident)
        `SELECT DISTINCT date_trunc('month', i.started_at, 'UTC'), date_trunc('day', i.started_at, 'UTC')
           FROM (SELECT DISTINCT incident_id FROM ${rows} r) r
          CROSS JOIN LATERAL (SELECT started_at FROM incident WHERE id = r.incident_id OFFSET 0) i`;
  const changed = `((SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows)
                    UNION ALL (SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows))`;
  return `
    CREATE OR REPLACE FUNCTION ${table}_metric_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO metric_dirty (month, day) ${marks('new_rows')};
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO metric_dirty (month, day) ${marks('old_rows')};
      ELSE
        INSERT INTO metric_dirty (month, day) ${marks(changed)};
      END IF;
      RETURN NULL;
    END $$;`;
}

const ADD_KEYS = `ADD COLUMN slice text NOT NULL DEFAULT '', ADD COLUMN team_id integer, ADD COLUMN severity severity,
  ADD COLUMN source_id integer, ADD COLUMN cause_id integer, ADD COLUMN cause_confirmed boolean, ADD COLUMN slice_service_id integer`;

export class MetricLayout1764547200600 implements MigrationInterface {
  name = 'MetricLayout1764547200600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE metric_month ADD COLUMN layout text NOT NULL DEFAULT ''`);
    await q.query(`DELETE FROM metric_cell; DELETE FROM metric_island; DELETE FROM metric_month`);
    await q.query(`ALTER TABLE metric_cell ${ADD_KEYS}`);
    await q.query(`ALTER TABLE metric_island ${ADD_KEYS}`);
    await q.query(`DROP INDEX metric_cell_month; CREATE INDEX metric_cell_month ON metric_cell (month, slice, grouping)`);
    await q.query(`DROP INDEX metric_island_month; CREATE INDEX metric_island_month ON metric_island (month, slice)`);
    // a month marked without a day (as before this migration) is marked whole; down keeps the column
    await q.query(`ALTER TABLE metric_dirty ADD COLUMN IF NOT EXISTS day timestamptz`);
    for (const table of Object.keys(METRIC_COLUMNS)) await q.query(markFunction(table));
    await q.query(`INSERT INTO metric_dirty (month) SELECT DISTINCT date_trunc('month', started_at, 'UTC') FROM incident`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM metric_cell; DELETE FROM metric_island; DELETE FROM metric_month`);
    for (const table of ['metric_cell', 'metric_island']) {
      await q.query(
        `ALTER TABLE ${table} DROP COLUMN slice, DROP COLUMN team_id, DROP COLUMN severity, DROP COLUMN source_id,
           DROP COLUMN cause_id, DROP COLUMN cause_confirmed, DROP COLUMN slice_service_id`,
      );
    }
    // dropping slice dropped the indexes that held it: the older readers' indexes back
    await q.query(`CREATE INDEX metric_cell_month ON metric_cell (month, grouping)`);
    await q.query(`CREATE INDEX metric_island_month ON metric_island (month)`);
    await q.query(`ALTER TABLE metric_month DROP COLUMN layout`);
    // metric_dirty.day and the mark functions that fill it stay: the older readers ignore the day
    await q.query(`INSERT INTO metric_dirty (month) SELECT DISTINCT date_trunc('month', started_at, 'UTC') FROM incident`);
  }
}
