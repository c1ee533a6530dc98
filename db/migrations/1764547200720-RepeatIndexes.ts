import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeat incidents and fixes that did not hold (SPEC §6) ask, per incident, for the counted incidents with the same
 * service and primary cause in a time window. Those three keys live in three tables (incident_service, incident_cause,
 * incident), so no index on them can answer it; at 1M incidents every lookup would read all incidents of the service
 * or of the cause. repeat_key holds them side by side, one row per counted incident (neither near miss nor excluded)
 * with a primary cause × affected service, indexed by (service, cause, started_at): a lookup reads only the incidents
 * of its window. Statement triggers keep it in step with its three sources (as the metric rollups' marks do); a
 * deleted incident's rows go with it (ON DELETE CASCADE). Each row also copies the incident's visibility (private,
 * team_id), so a reader's keys are selected without reading incident (repeats compare every key of a period with the
 * keys before it: a join to incident per key was what made them slow); an update of private or team_id refreshes them.
 *
 * Also a partial index on the DONE PREVENT action items with a cause, the only ones a fix that did not hold can be,
 * by completed_at (the most recently completed are looked at first).
 */
export class RepeatIndexes1764547200720 implements MigrationInterface {
  name = 'RepeatIndexes1764547200720';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE repeat_key (
        incident_id integer NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        service_id integer NOT NULL,
        cause_id integer NOT NULL,
        started_at timestamptz NOT NULL,
        private boolean NOT NULL,
        team_id integer NOT NULL,
        PRIMARY KEY (incident_id, service_id)
      );
      CREATE INDEX repeat_key_lookup ON repeat_key (service_id, cause_id, started_at) INCLUDE (incident_id, private, team_id);

      -- the rows of these incidents, rebuilt from incident, incident_service and incident_cause
      CREATE FUNCTION repeat_key_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM repeat_key WHERE incident_id = ANY(ids);
        INSERT INTO repeat_key (incident_id, service_id, cause_id, started_at, private, team_id)
        SELECT i.id, s.service_id, c.cause_id, i.started_at, i.private, i.team_id
          FROM incident i
          JOIN incident_service s ON s.incident_id = i.id
          JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
         WHERE i.id = ANY(ids) AND i.in_metrics;
      $$;

      CREATE FUNCTION repeat_key_mark_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM repeat_key_refresh(ARRAY(SELECT DISTINCT incident_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM repeat_key_refresh(ARRAY(SELECT DISTINCT incident_id FROM old_rows));
        ELSE
          PERFORM repeat_key_refresh(ARRAY(SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$;

      -- an incident's keys change only with started_at, whether it is counted, or who sees it (a new title changes nothing)
      CREATE FUNCTION repeat_key_mark_incident() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM repeat_key_refresh(ARRAY(
          SELECT id FROM (SELECT id, started_at, in_metrics, private, team_id FROM new_rows
                         EXCEPT SELECT id, started_at, in_metrics, private, team_id FROM old_rows) x));
        RETURN NULL;
      END $$;
    `);
    for (const table of ['incident_service', 'incident_cause']) {
      await q.query(`
        CREATE TRIGGER ${table}_repeat_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION repeat_key_mark_links();
        CREATE TRIGGER ${table}_repeat_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION repeat_key_mark_links();
        CREATE TRIGGER ${table}_repeat_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION repeat_key_mark_links();
      `);
    }
    // (an inserted incident has no services or causes yet: their own inserts fill its keys)
    await q.query(`
      CREATE TRIGGER incident_repeat_upd AFTER UPDATE ON incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION repeat_key_mark_incident();

      INSERT INTO repeat_key (incident_id, service_id, cause_id, started_at, private, team_id)
      SELECT i.id, s.service_id, c.cause_id, i.started_at, i.private, i.team_id
        FROM incident i
        JOIN incident_service s ON s.incident_id = i.id
        JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
       WHERE i.in_metrics;

      CREATE INDEX action_item_done_prevent ON action_item (completed_at, id)
        WHERE type = 'PREVENT' AND status = 'DONE' AND cause_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS action_item_done_prevent;
      DROP TRIGGER IF EXISTS incident_repeat_upd ON incident;
      DROP TRIGGER IF EXISTS incident_service_repeat_ins ON incident_service;
      DROP TRIGGER IF EXISTS incident_service_repeat_upd ON incident_service;
      DROP TRIGGER IF EXISTS incident_service_repeat_del ON incident_service;
      DROP TRIGGER IF EXISTS incident_cause_repeat_ins ON incident_cause;
      DROP TRIGGER IF EXISTS incident_cause_repeat_upd ON incident_cause;
      DROP TRIGGER IF EXISTS incident_cause_repeat_del ON incident_cause;
      DROP FUNCTION IF EXISTS repeat_key_mark_incident(), repeat_key_mark_links(), repeat_key_refresh(integer[]);
      DROP TABLE IF EXISTS repeat_key;
    `);
  }
}
