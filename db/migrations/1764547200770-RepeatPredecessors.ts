import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each repeat key stores its predecessors, so repeats (SPEC §6) are a filter on the keys of a period and not a sort
 * of every key of the period and the window before it (about 650k keys for a year at 1M incidents):
 * - prev_at: the start of the latest strictly earlier key of the same service and cause (any visibility);
 * - prev_public_at: the same among the keys of non-private incidents.
 * A key repeats for an admin when prev_at lies within the repeat window before it; for anyone else when prev_public_at
 * does, or a private key of one of their teams does (private keys are few: that one is an index probe).
 *
 * Statement triggers on repeat_key keep them in step in the writer's transaction, whatever removed or added keys
 * (repeat_key_refresh replaces an incident's keys; deleting an incident cascades to its keys; keys are never updated but
 * for these two columns): at every instant where a key went or came (service, cause, started_at) the predecessors of the
 * keys at that instant and after it, up to and including the next non-private key, are recomputed by index probes. (A
 * key is prev_at only of the keys at the next instant, and prev_public_at of the keys up to the next non-private key.)
 */
const PREV_AT = (k: string, cond: string) =>
  `(SELECT max(e.started_at) FROM repeat_key e
     WHERE e.service_id = ${k}.service_id AND e.cause_id = ${k}.cause_id AND e.started_at < ${k}.started_at${cond})`;

/**
 * repeat_key_relink(s, c, t): recomputes the predecessors around the instants (service s[i], cause c[i], started_at t[i])
 * (see above); writes only the rows that change. A function of arrays, not of the triggers' transition tables, so its
 * plan is prepared once per session (a statement over a transition table was planned again on every call: ~12 ms each,
 * half of an import's time in these triggers).
 */
const RELINK = `
  WITH point AS (SELECT DISTINCT p.service_id, p.cause_id, p.started_at FROM unnest(s, c, t) AS p (service_id, cause_id, started_at)),
  target AS (
    -- per point an index range (fenced, OFFSET 0): joined instead, the planner hashed every key of the table
    SELECT DISTINCT k.incident_id, k.service_id, k.cause_id, k.started_at
      FROM point p
     CROSS JOIN LATERAL (
       SELECT k.incident_id, k.service_id, k.cause_id, k.started_at FROM repeat_key k
        WHERE k.service_id = p.service_id AND k.cause_id = p.cause_id AND k.started_at >= p.started_at
          AND k.started_at <= coalesce((
            SELECT n.started_at FROM repeat_key n
             WHERE n.service_id = p.service_id AND n.cause_id = p.cause_id AND n.started_at > p.started_at AND NOT n.private
             ORDER BY n.started_at LIMIT 1), 'infinity')
        OFFSET 0) k
  ),
  -- (materialized: each predecessor computed once, not again in the UPDATE's condition)
  fresh AS MATERIALIZED (
    SELECT tg.incident_id, tg.service_id, ${PREV_AT('tg', '')} AS prev_at, ${PREV_AT('tg', ' AND NOT e.private')} AS prev_public_at
      FROM target tg
  )
  UPDATE repeat_key k SET prev_at = fresh.prev_at, prev_public_at = fresh.prev_public_at
    FROM fresh
   WHERE k.incident_id = fresh.incident_id AND k.service_id = fresh.service_id
     AND (k.prev_at IS DISTINCT FROM fresh.prev_at OR k.prev_public_at IS DISTINCT FROM fresh.prev_public_at)`;

/** A statement trigger's function: repeat_key_relink over the instants of the keys in its transition table `rows`. */
const RELINK_TRIGGER = (name: string, rows: string) => `      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM ${rows}) THEN
          PERFORM repeat_key_relink(ARRAY(SELECT service_id FROM ${rows}), ARRAY(SELECT cause_id FROM ${rows}),
                                    ARRAY(SELECT started_at FROM ${rows}));
        END IF;
        RETURN NULL;
      END $$;
`;

export class RepeatPredecessors1764547200770 implements MigrationInterface {
  name = 'RepeatPredecessors1764547200770';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE repeat_key ADD COLUMN prev_at timestamptz, ADD COLUMN prev_public_at timestamptz;
      UPDATE repeat_key k SET prev_at = w.prev_at, prev_public_at = w.prev_public_at
        FROM (SELECT incident_id, service_id,
                     max(started_at) OVER earlier AS prev_at,
                     max(started_at) FILTER (WHERE NOT private) OVER earlier AS prev_public_at
                FROM repeat_key
              WINDOW earlier AS (PARTITION BY service_id, cause_id ORDER BY started_at
                                 RANGE BETWEEN UNBOUNDED PRECEDING AND interval '1 microsecond' PRECEDING)) w
       WHERE k.incident_id = w.incident_id AND k.service_id = w.service_id
         AND (w.prev_at IS NOT NULL OR w.prev_public_at IS NOT NULL);
      CREATE FUNCTION repeat_key_relink(s integer[], c integer[], t timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${RELINK};
      END $$;
      -- the instants of the keys a statement added or removed (nothing to do when it wrote none)
${RELINK_TRIGGER('repeat_key_relink_new', 'new_rows')}${RELINK_TRIGGER('repeat_key_relink_old', 'old_rows')}      CREATE TRIGGER repeat_key_relink_ins AFTER INSERT ON repeat_key REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION repeat_key_relink_new();
      CREATE TRIGGER repeat_key_relink_del AFTER DELETE ON repeat_key REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION repeat_key_relink_old();
      CREATE INDEX repeat_key_started ON repeat_key (started_at);
      ANALYZE repeat_key;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER repeat_key_relink_ins ON repeat_key;
      DROP TRIGGER repeat_key_relink_del ON repeat_key;
      DROP FUNCTION repeat_key_relink_new(), repeat_key_relink_old(), repeat_key_relink(integer[], integer[], timestamptz[]);
      DROP INDEX repeat_key_started;
      ALTER TABLE repeat_key DROP COLUMN prev_at, DROP COLUMN prev_public_at;
    `);
  }
}
