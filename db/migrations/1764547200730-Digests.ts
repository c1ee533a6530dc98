import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digests (SPEC §6): the review sent to people on a schedule, and every delivery of it.
 *
 * - digest: what to send (schedule, channel, target, the metrics filter's dimensions as given), who made it (the
 *   metrics are read as that user) and when the schedule sends it next (next_run_at).
 * - digest_delivery: one sending of a digest for one period: its status (QUEUED, RETRYING, SENT, FAILED), the
 *   attempt it is at, the last error (never a secret), and when it started and finished. Deleting a digest deletes
 *   its deliveries.
 */
export class Digests1764547200730 implements MigrationInterface {
  name = 'Digests1764547200730';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        schedule text NOT NULL CHECK (schedule IN ('WEEKLY', 'MONTHLY', 'QUARTERLY')),
        channel text NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
        target text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        created_by integer NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        next_run_at timestamptz NOT NULL
      );
      CREATE INDEX digest_next_run_at ON digest (next_run_at);

      CREATE TABLE digest_delivery (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        digest_id integer NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RETRYING', 'SENT', 'FAILED')),
        attempt integer NOT NULL DEFAULT 0,
        error text,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX digest_delivery_digest_id ON digest_delivery (digest_id, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS digest_delivery; DROP TABLE IF EXISTS digest`);
  }
}
