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
 * - Since cells are keyed by team and source, a change of an incident's team or source now marks its month too.
 */
const INCIDENT_COLUMNS =
  'id, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, kind, exclude_from_metrics, private, severity, detection_source, team_id, source_id';

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
    const changed = `((SELECT ${INCIDENT_COLUMNS} FROM new_rows EXCEPT SELECT ${INCIDENT_COLUMNS} FROM old_rows)
                      UNION ALL (SELECT ${INCIDENT_COLUMNS} FROM old_rows EXCEPT SELECT ${INCIDENT_COLUMNS} FROM new_rows))`;
    const months = (rows: string) => `SELECT DISTINCT date_trunc('month', r.started_at, 'UTC') FROM ${rows} r`;
    await q.query(`
      CREATE OR REPLACE FUNCTION incident_metric_mark() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`ALTER TABLE metric_month DROP COLUMN layout`);
    await q.query(`INSERT INTO metric_dirty (month) SELECT DISTINCT date_trunc('month', started_at, 'UTC') FROM incident`);
  }
}
