import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each built month records the layout its cells were built under (CELL_LAYOUT in api/src/metrics/metrics.rollup.ts:
 * a hash of the SQL that builds them). A reading statement uses a month's cells only under the current layout, and
 * the refresh rebuilds the others, so a changed definition never keeps old numbers in old months. Months built
 * before this migration have the empty layout: they are read from the incidents until rebuilt.
 */
export class MetricLayout1764547200600 implements MigrationInterface {
  name = 'MetricLayout1764547200600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE metric_month ADD COLUMN layout text NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE metric_month DROP COLUMN layout`);
  }
}
