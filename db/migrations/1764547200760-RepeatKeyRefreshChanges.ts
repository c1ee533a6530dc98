import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * repeat_key_refresh(ids) (migrations RepeatIndexes, RepeatKeyDimensions) writes only the keys that change: it deletes an
 * incident's keys that no longer match its incident, services and primary cause, and inserts the ones that are missing,
 * instead of deleting and re-inserting all of them. The keys it leaves are the same as before.
 *
 * Why: one statement that inserts an incident's services and causes together (the import writes a batch of new incidents
 * with data-modifying CTEs) fires both link tables' statement triggers, and each refreshes the batch's incidents; both run
 * after the whole statement, so both see the services and the primary causes. The second refresh found the keys the first
 * had just written, deleted them and wrote them again (and so fired repeat_key's own triggers twice more). Now it finds
 * nothing to change and writes nothing. An edit that does change a key (a new started_at, another primary cause, a
 * private flag) still replaces that key, as before.
 */
const COLUMNS = 'incident_id, service_id, cause_id, started_at, private, team_id, severity, source_id, cause_confirmed';
const KEYS = `
  SELECT i.id, s.service_id, c.cause_id, i.started_at, i.private, i.team_id, i.severity, i.source_id, c.state = 'CONFIRMED'
    FROM incident i
    JOIN incident_service s ON s.incident_id = i.id
    JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
   WHERE i.id = ANY(ids) AND i.in_metrics`;

export class RepeatKeyRefreshChanges1764547200760 implements MigrationInterface {
  name = 'RepeatKeyRefreshChanges1764547200760';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION repeat_key_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
        WITH stale AS (SELECT ${COLUMNS} FROM repeat_key WHERE incident_id = ANY(ids) EXCEPT ${KEYS})
        DELETE FROM repeat_key k USING stale
         WHERE k.incident_id = ANY(ids) AND k.incident_id = stale.incident_id AND k.service_id = stale.service_id;
        INSERT INTO repeat_key (${COLUMNS})
        ${KEYS}
        EXCEPT SELECT ${COLUMNS} FROM repeat_key WHERE incident_id = ANY(ids);
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // the RepeatKeyDimensions version: every key of the incidents deleted and inserted again
    await q.query(`
      CREATE OR REPLACE FUNCTION repeat_key_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM repeat_key WHERE incident_id = ANY(ids);
        INSERT INTO repeat_key (${COLUMNS})
        ${KEYS};
      $$;
    `);
  }
}
