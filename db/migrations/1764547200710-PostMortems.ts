import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews (SPEC §6, `Incident.postMortem`): the current review of an incident, one row per incident, and its reviewers.
 *
 * - Only the current text is kept; prior versions are not stored (each edit's audit entry names the changed fields).
 * - `incident.postmortem_state` (editable through updateIncident and imports since the first schema) stays the one
 *   truth of the state: the review service writes both, and the trigger below carries a change made on the incident
 *   into an existing review (PUBLISHED sets published_at when unset, any other state clears it; the version moves on,
 *   so an open review editor gets CONFLICT).
 * - `search`: words of the body for the incident search, which matches only PUBLISHED reviews (partial GIN index).
 */
export class PostMortems1764547200710 implements MigrationInterface {
  name = 'PostMortems1764547200710';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_mortem (
        incident_id integer PRIMARY KEY REFERENCES incident(id) ON DELETE CASCADE,
        state postmortem_state NOT NULL DEFAULT 'DRAFT',
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
        due_at timestamptz,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
      );
      CREATE INDEX post_mortem_search ON post_mortem USING gin (search) WHERE state = 'PUBLISHED';
      -- review completion of a period reads the required severities' counted resolved incidents from this index alone
      CREATE INDEX incident_review_scope ON incident (severity, started_at)
        INCLUDE (id, team_id, private, source_id, postmortem_state, resolved_at) WHERE in_metrics AND resolved_at IS NOT NULL;
      CREATE TABLE post_mortem_reviewer (
        incident_id integer NOT NULL REFERENCES post_mortem(incident_id) ON DELETE CASCADE,
        user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        PRIMARY KEY (incident_id, user_id)
      );
      CREATE INDEX post_mortem_reviewer_user ON post_mortem_reviewer (user_id);

      CREATE FUNCTION post_mortem_follow_incident() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE post_mortem
           SET state = NEW.postmortem_state,
               published_at = CASE WHEN NEW.postmortem_state = 'PUBLISHED' THEN coalesce(published_at, now()) END,
               version = version + 1,
               updated_at = now()
         WHERE incident_id = NEW.id AND state <> NEW.postmortem_state;
        RETURN NULL;
      END $$;
      CREATE TRIGGER incident_post_mortem_state AFTER UPDATE OF postmortem_state ON incident
        FOR EACH ROW WHEN (OLD.postmortem_state IS DISTINCT FROM NEW.postmortem_state)
        EXECUTE FUNCTION post_mortem_follow_incident();
    `);
    // review completion is a metric: caches compare against data_version (see InitialSchema)
    for (const table of ['post_mortem', 'post_mortem_reviewer', 'loop_setting']) {
      await q.query(
        `CREATE TRIGGER ${table}_bump_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS loop_setting_bump_version ON loop_setting;
      DROP INDEX IF EXISTS incident_review_scope;
      DROP TRIGGER IF EXISTS incident_post_mortem_state ON incident;
      DROP FUNCTION IF EXISTS post_mortem_follow_incident();
      DROP TABLE IF EXISTS post_mortem_reviewer, post_mortem;
    `);
  }
}
