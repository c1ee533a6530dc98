import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closing the loop (SPEC §6): the organisation's settings for reviews and repeat incidents, one row.
 *
 * - review_severities: the severities whose resolved, counted incidents require a published review.
 * - review_due_days: a review is due this many days after resolvedAt unless its own due date is set.
 * - repeat_window_days: an incident repeats an earlier one that started at most this many days before it.
 * - version: optimistic concurrency for admins editing the settings.
 */
export class LoopSettings1764547200700 implements MigrationInterface {
  name = 'LoopSettings1764547200700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE loop_setting (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        review_severities severity[] NOT NULL DEFAULT '{SEV1,SEV2}',
        review_due_days integer NOT NULL DEFAULT 5 CHECK (review_due_days BETWEEN 0 AND 365),
        repeat_window_days integer NOT NULL DEFAULT 90 CHECK (repeat_window_days BETWEEN 1 AND 3650),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO loop_setting DEFAULT VALUES;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS loop_setting`);
  }
}
