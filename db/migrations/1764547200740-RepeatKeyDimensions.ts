import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The metrics filter's dimensions on repeat_key (migration RepeatIndexes), so repeats and fixes that did not hold
 * answer every filter from the keys without reading incident: each key also copies its incident's severity and
 * source_id, and cause_confirmed (its primary tag's state is CONFIRMED, for confirmedOnly). Team and visibility were
 * there already; the root-cause filter is the key's cause_id (its category is looked up in root_cause, a small table);
 * the service filter ("affects any of them") is answered by the incident's keys, one per affected service.
 *
 * The keys are rebuilt with the new columns (faster than updating every row); the lookup index carries them, so a
 * filtered index range stays index-only. An update of severity or source_id refreshes the incident's keys; a change of
 * its primary tag's state already did (the incident_cause triggers refresh on every update).
 */
const REFRESH_AND_MARK = (withDimensions: boolean) => {
  const cols = withDimensions ? ', severity, source_id, cause_confirmed' : '';
  const vals = withDimensions ? `, i.severity, i.source_id, c.state = 'CONFIRMED'` : '';
  const watched = `id, started_at, in_metrics, private, team_id${withDimensions ? ', severity, source_id' : ''}`;
  return `
    CREATE OR REPLACE FUNCTION repeat_key_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
      DELETE FROM repeat_key WHERE incident_id = ANY(ids);
      INSERT INTO repeat_key (incident_id, service_id, cause_id, started_at, private, team_id${cols})
      SELECT i.id, s.service_id, c.cause_id, i.started_at, i.private, i.team_id${vals}
        FROM incident i
        JOIN incident_service s ON s.incident_id = i.id
        JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
       WHERE i.id = ANY(ids) AND i.in_metrics;
    $$;

    -- an incident's keys change only with started_at, whether it is counted, who sees it, or a filter dimension
    CREATE OR REPLACE FUNCTION repeat_key_mark_incident() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM repeat_key_refresh(ARRAY(
        SELECT id FROM (SELECT ${watched} FROM new_rows EXCEPT SELECT ${watched} FROM old_rows) x));
      RETURN NULL;
    END $$;`;
};

const LOOKUP = (include: string) => `CREATE INDEX repeat_key_lookup ON repeat_key (service_id, cause_id, started_at) INCLUDE (${include})`;

export class RepeatKeyDimensions1764547200740 implements MigrationInterface {
  name = 'RepeatKeyDimensions1764547200740';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX repeat_key_lookup;
      TRUNCATE repeat_key;
      ALTER TABLE repeat_key ADD COLUMN severity severity NOT NULL, ADD COLUMN source_id integer,
        ADD COLUMN cause_confirmed boolean NOT NULL;
      INSERT INTO repeat_key (incident_id, service_id, cause_id, started_at, private, team_id, severity, source_id, cause_confirmed)
      SELECT i.id, s.service_id, c.cause_id, i.started_at, i.private, i.team_id, i.severity, i.source_id, c.state = 'CONFIRMED'
        FROM incident i
        JOIN incident_service s ON s.incident_id = i.id
        JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
       WHERE i.in_metrics;
      ${LOOKUP('incident_id, private, team_id, severity, source_id, cause_confirmed')};
      ${REFRESH_AND_MARK(true)}
      ANALYZE repeat_key;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ${REFRESH_AND_MARK(false)}
      DROP INDEX repeat_key_lookup;
      ALTER TABLE repeat_key DROP COLUMN severity, DROP COLUMN source_id, DROP COLUMN cause_confirmed;
      ${LOOKUP('incident_id, private, team_id')};
    `);
  }
}
