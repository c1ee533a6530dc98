import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole domain of SPEC §2 in one reviewed schema.
 *
 * Durations are stored generated columns (minutes, fractional) so the metrics SQL never recomputes
 * them per row and percentile queries read a narrow column. `data_version` is bumped by statement
 * triggers on every table the metrics read, which lets any process validate a cached answer with
 * one cheap query (see metrics.cache).
 */
export class InitialSchema1764547200000 implements MigrationInterface {
  name = 'InitialSchema1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE severity AS ENUM ('SEV1','SEV2','SEV3','SEV4');
      CREATE TYPE user_role AS ENUM ('VIEWER','RESPONDER','ADMIN');
      CREATE TYPE postmortem_state AS ENUM ('NONE','DRAFT','IN_REVIEW','PUBLISHED');
      CREATE TYPE incident_kind AS ENUM ('INCIDENT','NEAR_MISS');
      CREATE TYPE detection_source AS ENUM ('MONITORING','CUSTOMER_REPORT','SOCIAL_MEDIA','INTERNAL_REPORT','THIRD_PARTY','OTHER');
      CREATE TYPE tag_state AS ENUM ('PROPOSED','CONFIRMED');
      CREATE TYPE redundancy_outcome AS ENUM ('MISSING','FAILED','PARTIAL','WORKED');
      CREATE TYPE action_item_type AS ENUM ('PREVENT','DETECT','MITIGATE','PROCESS');
      CREATE TYPE action_item_status AS ENUM ('OPEN','IN_PROGRESS','DONE','WONT_DO');

      CREATE TABLE team (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX team_name_key ON team (lower(name));

      CREATE TABLE app_user (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        name text,
        password_hash text,
        role user_role NOT NULL DEFAULT 'VIEWER',
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

      CREATE TABLE user_team (
        user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        team_id integer NOT NULL REFERENCES team(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, team_id)
      );

      CREATE TABLE session (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );

      CREATE TABLE api_token (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );

      -- Failed logins, per account and per address, for throttling that holds across processes.
      CREATE TABLE login_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failure_email_at ON login_failure (lower(email), at);
      CREATE INDEX login_failure_address_at ON login_failure (address, at);

      CREATE TABLE service (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text,
        team_id integer NOT NULL REFERENCES team(id),
        slo numeric(7,4) NOT NULL DEFAULT 99.9 CHECK (slo > 0 AND slo < 100),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX service_name_key ON service (lower(name));
      CREATE INDEX service_team ON service (team_id);

      CREATE TABLE root_cause (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text,
        parent_id integer REFERENCES root_cause(id),
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX root_cause_name_key ON root_cause (coalesce(parent_id, 0), lower(name));

      CREATE TABLE redundancy_mechanism (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX redundancy_mechanism_name_key ON redundancy_mechanism (lower(name));

      CREATE TABLE service_redundancy (
        service_id integer NOT NULL REFERENCES service(id) ON DELETE CASCADE,
        mechanism_id integer NOT NULL REFERENCES redundancy_mechanism(id),
        PRIMARY KEY (service_id, mechanism_id)
      );

      CREATE TABLE incident (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        summary text,
        severity severity NOT NULL,
        postmortem_state postmortem_state NOT NULL DEFAULT 'NONE',
        kind incident_kind NOT NULL DEFAULT 'INCIDENT',
        exclude_from_metrics boolean NOT NULL DEFAULT false,
        private boolean NOT NULL DEFAULT false,
        team_id integer NOT NULL REFERENCES team(id),
        regions text[] NOT NULL DEFAULT '{}',
        customer_impact text,
        affected_users_percent numeric(6,3) CHECK (affected_users_percent BETWEEN 0 AND 100),
        detection_source detection_source,
        started_at timestamptz NOT NULL,
        detected_at timestamptz,
        acknowledged_at timestamptz,
        mitigated_at timestamptz,
        resolved_at timestamptz,
        source text NOT NULL DEFAULT 'manual',
        external_id text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- minutes from startedAt, fractional; NULL when either end is missing
        ttd_minutes double precision GENERATED ALWAYS AS (extract(epoch FROM detected_at - started_at) / 60) STORED,
        tta_minutes double precision GENERATED ALWAYS AS (extract(epoch FROM acknowledged_at - started_at) / 60) STORED,
        ttm_minutes double precision GENERATED ALWAYS AS (extract(epoch FROM mitigated_at - started_at) / 60) STORED,
        ttr_minutes double precision GENERATED ALWAYS AS (extract(epoch FROM resolved_at - started_at) / 60) STORED,
        -- impact ends at mitigation when set, else at resolution (SPEC §3 downtime)
        impact_end_at timestamptz GENERATED ALWAYS AS (CASE WHEN resolved_at IS NULL THEN NULL ELSE coalesce(mitigated_at, resolved_at) END) STORED,
        -- counts in duration statistics: a resolved, non-excluded incident (not a near miss)
        in_metrics boolean GENERATED ALWAYS AS (kind = 'INCIDENT' AND NOT exclude_from_metrics) STORED,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || coalesce(summary, ''))) STORED,
        CONSTRAINT incident_phase_order CHECK (
          (detected_at IS NULL OR detected_at >= started_at)
          AND (acknowledged_at IS NULL OR acknowledged_at >= coalesce(detected_at, started_at))
          AND (mitigated_at IS NULL OR mitigated_at >= coalesce(acknowledged_at, detected_at, started_at))
          AND (resolved_at IS NULL OR resolved_at >= coalesce(mitigated_at, acknowledged_at, detected_at, started_at))
        )
      );
      CREATE UNIQUE INDEX incident_source_external_key ON incident (source, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX incident_started ON incident (started_at DESC, id DESC);
      CREATE INDEX incident_team_started ON incident (team_id, started_at);
      CREATE INDEX incident_search ON incident USING gin (search);
      CREATE INDEX incident_metrics ON incident (started_at) INCLUDE (severity, team_id, private, kind, exclude_from_metrics, ttd_minutes, tta_minutes, ttm_minutes, ttr_minutes, impact_end_at, resolved_at);

      CREATE TABLE incident_service (
        incident_id integer NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        service_id integer NOT NULL REFERENCES service(id),
        PRIMARY KEY (incident_id, service_id)
      );
      CREATE INDEX incident_service_service ON incident_service (service_id, incident_id);

      CREATE TABLE incident_cause (
        incident_id integer NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        cause_id integer NOT NULL REFERENCES root_cause(id),
        is_primary boolean NOT NULL,
        state tag_state NOT NULL DEFAULT 'PROPOSED',
        set_by text,
        set_at timestamptz NOT NULL DEFAULT now(),
        confirmed_by text,
        confirmed_at timestamptz,
        PRIMARY KEY (incident_id, cause_id)
      );
      CREATE UNIQUE INDEX incident_one_primary_cause ON incident_cause (incident_id) WHERE is_primary;
      CREATE INDEX incident_cause_cause ON incident_cause (cause_id, incident_id);

      CREATE TABLE redundancy_assessment (
        incident_id integer NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        mechanism_id integer NOT NULL REFERENCES redundancy_mechanism(id),
        outcome redundancy_outcome NOT NULL,
        notes text,
        assessed_by text,
        assessed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, mechanism_id)
      );
      CREATE INDEX redundancy_assessment_gap ON redundancy_assessment (mechanism_id, incident_id) WHERE outcome IN ('MISSING','FAILED');

      CREATE TABLE action_item (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id integer NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        type action_item_type NOT NULL DEFAULT 'PREVENT',
        status action_item_status NOT NULL DEFAULT 'OPEN',
        owner_id integer REFERENCES app_user(id),
        due_date date,
        cause_id integer REFERENCES root_cause(id),
        mechanism_id integer REFERENCES redundancy_mechanism(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX action_item_incident ON action_item (incident_id);
      CREATE INDEX action_item_owner_status ON action_item (owner_id, status);
      CREATE INDEX action_item_open_gap ON action_item (mechanism_id, incident_id) WHERE status IN ('OPEN','IN_PROGRESS');

      CREATE TABLE timeline_event (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id integer NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        kind text NOT NULL DEFAULT 'NOTE',
        message text NOT NULL CHECK (length(btrim(message)) > 0),
        author text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX timeline_event_incident ON timeline_event (incident_id, at);

      -- Append-only: written in the same transaction as the change it records.
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_user_id integer,
        actor_token_id integer,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_entry_at ON audit_entry (id DESC);
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$;
      CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

      -- One row; bumped by every write that can change a metric. Caches compare against it.
      CREATE TABLE data_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), version bigint NOT NULL);
      INSERT INTO data_version VALUES (true, 1);
      CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE data_version SET version = version + 1; RETURN NULL; END $$;
    `);
    for (const table of [
      'incident',
      'incident_service',
      'incident_cause',
      'redundancy_assessment',
      'action_item',
      'service',
      'service_redundancy',
      'team',
      'root_cause',
      'redundancy_mechanism',
      'user_team',
    ]) {
      await q.query(
        `CREATE TRIGGER ${table}_bump_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS data_version, audit_entry, timeline_event, action_item, redundancy_assessment,
        incident_cause, incident_service, incident, service_redundancy, redundancy_mechanism, root_cause,
        service, login_failure, api_token, session, user_team, app_user, team CASCADE;
      DROP FUNCTION IF EXISTS bump_data_version(), audit_entry_append_only();
      DROP TYPE IF EXISTS action_item_status, action_item_type, redundancy_outcome, tag_state,
        detection_source, incident_kind, postmortem_state, user_role, severity;
    `);
  }
}
