import { MigrationInterface, QueryRunner } from 'typeorm';
import { COLUMNS, DELETE_STALE, KEYS } from './1764547200760-RepeatKeyRefreshChanges';

/**
 * repeat_key_refresh(ids) inserts each new key with its predecessors (prev_at, prev_public_at; migration
 * RepeatPredecessors) already computed, instead of inserting it without them and letting the relink trigger UPDATE it
 * right after — in an import every new key was written twice (a new row version and its index entries).
 *
 * A new key's predecessor is the later of the latest strictly earlier key already stored for its service and cause (an
 * index probe) and the latest strictly earlier key among the keys inserted with it (a window over the batch). The relink
 * trigger still runs after the INSERT: it finds the new keys right and so writes only the later keys whose predecessors
 * changed. It stays the one rule for any other writer of repeat_key.
 */
const PREV = (cond: string) =>
  `(SELECT max(e.started_at) FROM repeat_key e
     WHERE e.service_id = n.service_id AND e.cause_id = n.cause_id AND e.started_at < n.started_at${cond})`;

export class RepeatKeyInsertPredecessors1764547200780 implements MigrationInterface {
  name = 'RepeatKeyInsertPredecessors1764547200780';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION repeat_key_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
        ${DELETE_STALE}
        INSERT INTO repeat_key (${COLUMNS}, prev_at, prev_public_at)
        SELECT ${COLUMNS}, greatest(n.batch_prev_at, ${PREV('')}), greatest(n.batch_prev_public_at, ${PREV(' AND NOT e.private')})
          FROM (SELECT a.*,
                       max(a.started_at) OVER earlier AS batch_prev_at,
                       max(a.started_at) FILTER (WHERE NOT a.private) OVER earlier AS batch_prev_public_at
                  FROM (${KEYS}
                        EXCEPT SELECT ${COLUMNS} FROM repeat_key WHERE incident_id = ANY(ids)) AS a (${COLUMNS})
                WINDOW earlier AS (PARTITION BY a.service_id, a.cause_id ORDER BY a.started_at
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND interval '1 microsecond' PRECEDING)) n;
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // the RepeatKeyRefreshChanges version: new keys inserted without predecessors (the relink trigger sets them)
    await q.query(`
      CREATE OR REPLACE FUNCTION repeat_key_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
        ${DELETE_STALE}
        INSERT INTO repeat_key (${COLUMNS})
        ${KEYS}
        EXCEPT SELECT ${COLUMNS} FROM repeat_key WHERE incident_id = ANY(ids);
      $$;
    `);
  }
}
