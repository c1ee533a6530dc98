import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sources (SPEC §5): connections to PagerDuty, incident.io, status pages and pushed webhooks, their
 * sync runs, and what a synced incident remembers of its source: which source and item it came
 * from, the source's last values of the fields it provides, and which of those fields people
 * edited in Hindsight (an edit wins over later syncs until reset).
 *
 * - Secrets (token, webhook secret) are stored encrypted (AES-256-GCM, key from HINDSIGHT_SECRET_KEY);
 *   the columns hold the sealed text, never the secret.
 * - `mark` is the adapter's opaque progress mark, moved only together with a committed batch.
 * - A deleted source is kept (deleted_at) so its incidents still say where they came from.
 * - At most one queued or running pull per source (scheduled or manual); webhook runs are serialised
 *   by the engine's per-source lock instead.
 * - Synced incidents use source = '<kind>:<source id>' (lower-case kind) in the existing
 *   (source, external_id) key, so they never collide with a file import's rows.
 */
export class Sources1764547200500 implements MigrationInterface {
  name = 'Sources1764547200500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE source (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('PAGERDUTY', 'INCIDENT_IO', 'STATUSPAGE', 'WEBHOOK')),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        base_url text,
        token_sealed text,
        webhook_secret_sealed text,
        team_id integer NOT NULL REFERENCES team (id),
        enabled boolean NOT NULL DEFAULT true,
        sync_every_minutes integer NOT NULL DEFAULT 60 CHECK (sync_every_minutes >= 0),
        since timestamptz NOT NULL,
        severity_map jsonb NOT NULL DEFAULT '[]',
        default_severity text NOT NULL DEFAULT 'SEV3',
        create_missing boolean NOT NULL DEFAULT true,
        private boolean NOT NULL DEFAULT false,
        settings jsonb NOT NULL DEFAULT '{}',
        mark text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE UNIQUE INDEX source_name_key ON source (lower(name)) WHERE deleted_at IS NULL;

      CREATE TABLE sync_run (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_id integer NOT NULL REFERENCES source (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL', 'WEBHOOK')),
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        fetched integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        error_count integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0
      );
      CREATE INDEX sync_run_source_id ON sync_run (source_id, id DESC);
      CREATE UNIQUE INDEX sync_run_one_active_pull ON sync_run (source_id)
        WHERE status IN ('QUEUED', 'RUNNING') AND trigger <> 'WEBHOOK';

      ALTER TABLE incident
        ADD COLUMN source_id integer REFERENCES source (id),
        ADD COLUMN source_values jsonb,
        ADD COLUMN overridden_fields text[] NOT NULL DEFAULT '{}',
        ADD COLUMN external_url text;
      CREATE INDEX incident_source_id ON incident (source_id) WHERE source_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX incident_source_id;
      ALTER TABLE incident DROP COLUMN source_id, DROP COLUMN source_values, DROP COLUMN overridden_fields,
        DROP COLUMN external_url;
      DROP TABLE sync_run;
      DROP TABLE source;
    `);
  }
}
