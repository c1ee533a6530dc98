import { Injectable } from '@nestjs/common';
import { ACTION_ITEM_COLUMNS, ActionItemRow } from '../action-items/action-item.model';
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { INCIDENT_COLUMNS, IncidentRow } from '../incidents/incident.entity';
import { QUERY_WORK_MEM } from '../metrics/metrics.repository';
import type { ResolvedFilter, Visibility } from '../metrics/metrics.scope';

/**
 * SQL of SPEC §6 repeats and fixes that did not hold. Every lookup goes through repeat_key (migrations RepeatIndexes,
 * RepeatKeyDimensions and RepeatPredecessors): one row per counted incident with a primary cause × affected service, with
 * the incident's started_at, visibility (private, team_id) and filter dimensions (severity, source_id, cause_confirmed),
 * and the start of the latest earlier key of its service and cause (prev_at; prev_public_at among non-private keys),
 * indexed by (service_id, cause_id, started_at) and by started_at. A reader's keys and the filter's incidents are selected on the keys themselves,
 * so no statement reads incident for its scope (only to return the incidents it lists).
 */

/** The repeat window (loop_setting.repeat_window_days) as an interval of whole 24-hour days (no calendar or DST shift). */
const WINDOW = `(SELECT make_interval(hours => 24 * repeat_window_days) FROM loop_setting)`;

/** The root-cause nodes a rootCauseIds filter matches as a primary cause: each node and the causes under it (as metrics.filter). */
const filterCauseNodes = (ids: string) =>
  `(SELECT rc.id FROM root_cause rc WHERE rc.id = ANY(${ids}::int[]) OR rc.parent_id = ANY(${ids}::int[]))`;

/**
 * The filter's conditions on key alias `k` that every key of an incident shares (metrics.filter's semantics): team,
 * severity, source, and root cause (its primary cause is the node or under it; CONFIRMED only with confirmedOnly).
 * 'true' without them. The service filter ("affects any of them") is not among them: an incident has a key per
 * affected service, so it is answered over the incident's keys (serviceKeySql, or a lookup of the incident's other keys).
 */
function keyFilterSql(f: ResolvedFilter, k: string, params: unknown[]): string {
  const where: string[] = [];
  if (f.teamIds.length) where.push(`${k}.team_id = ANY($${params.push(f.teamIds)}::int[])`);
  if (f.severities.length) where.push(`${k}.severity = ANY($${params.push(f.severities)}::severity[])`);
  if (f.sourceIds?.length) where.push(`${k}.source_id = ANY($${params.push(f.sourceIds)}::int[])`);
  if (f.rootCauseIds.length) {
    where.push(
      `${k}.cause_id IN ${filterCauseNodes(`$${params.push(f.rootCauseIds)}`)}${f.confirmedOnly ? ` AND ${k}.cause_confirmed` : ''}`,
    );
  }
  return where.length ? where.join(' AND ') : 'true';
}

/** The service filter on key alias `k`: its incident affects one of the services (this key's service, or a key of another by primary key). */
function serviceKeySql(f: ResolvedFilter, k: string, params: unknown[]): string {
  if (!f.serviceIds.length) return 'true';
  const ids = `$${params.push(f.serviceIds)}::int[]`;
  return `(${k}.service_id = ANY(${ids}) OR EXISTS (SELECT 1 FROM repeat_key sx WHERE sx.incident_id = ${k}.incident_id AND sx.service_id = ANY(${ids})))`;
}

/**
 * Whether key alias `k` repeats for the reader: an earlier visible counted key of its service and cause started at most
 * the window before it (ties at the same instant do not count). The keys store their predecessors (migration
 * RepeatPredecessors): the latest earlier key (what an admin sees) and the latest earlier non-private key; a reader who
 * is not an admin also sees their teams' private keys, few enough to look up by index.
 */
function hitSql(who: Visibility, k: string, params: unknown[]): string {
  if (who.role === 'ADMIN') return `${k}.prev_at >= ${k}.started_at - ${WINDOW}`;
  const publicHit = `${k}.prev_public_at >= ${k}.started_at - ${WINDOW}`;
  if (!who.teamIds.length) return publicHit;
  return `(${publicHit} OR EXISTS (
    SELECT 1 FROM repeat_key p
     WHERE p.service_id = ${k}.service_id AND p.cause_id = ${k}.cause_id AND p.private
       AND p.team_id = ANY($${params.push(who.teamIds)}::int[])
       AND p.started_at < ${k}.started_at AND p.started_at >= ${k}.started_at - ${WINDOW}))`;
}

/**
 * The keys (alias k) of the repeating incidents of the scope — counted, visible, in the filter and period, with a key
 * that repeats (hitSql; the earlier incident may lie outside the filter and period). All keys of an incident share its
 * visibility, start, primary cause and filter dimensions, so the scope is a condition on each key. The service filter
 * ("affects any of them") takes the keys on one of its services whose incident repeats through any of its keys (looked
 * up by primary key). An incident may have several such keys: count or list it once.
 */
function repeatKeysWhere(who: Visibility, f: ResolvedFilter, params: unknown[]): string {
  const where = [visibleIncidentsSql(who as Principal, 'k', params), keyFilterSql(f, 'k', params)];
  if (f.from) where.push(`k.started_at >= $${params.push(f.from)}::timestamptz`);
  if (f.to) where.push(`k.started_at < $${params.push(f.to)}::timestamptz`);
  if (f.serviceIds.length) {
    where.push(`k.service_id = ANY($${params.push(f.serviceIds)}::int[])`);
    where.push(`(${hitSql(who, 'k', params)} OR EXISTS (
      SELECT 1 FROM repeat_key o WHERE o.incident_id = k.incident_id AND o.service_id <> k.service_id AND ${hitSql(who, 'o', params)}))`);
  } else {
    where.push(hitSql(who, 'k', params));
  }
  return where.join(' AND ');
}

/** The CTE `repeat` (id, cause_id, started_at): the repeating incidents of the scope (repeatKeysWhere), once each. */
function repeatCtes(who: Visibility, f: ResolvedFilter, params: unknown[]): string {
  return `repeat AS (
      SELECT k.incident_id AS id, min(k.cause_id) AS cause_id, min(k.started_at) AS started_at
        FROM repeat_key k WHERE ${repeatKeysWhere(who, f, params)}
       GROUP BY k.incident_id)`;
}

/** The item's cause node and the causes under it (a category) as rows `node`: a key lookup is then on equal (service, cause). */
const causeNodes = (item: string) =>
  `LATERAL (SELECT ${item}.cause_id AS id UNION ALL SELECT rc.id FROM root_cause rc WHERE rc.parent_id = ${item}.cause_id) node`;

export type RepeatRow = IncidentRow & { of_id: number };
export type FixRow = ActionItemRow & { incident_count: number; service_ids: number[]; later_ids: number[] };

/** How much of the fixes that did not hold one statement looks at and returns (FixThatDidNotHold's descriptions). */
export interface FixCaps {
  /** Failing items counted: the most recently completed ones. */
  candidates: number;
  /** Items returned, most later incidents first. */
  items: number;
  /** Later incidents returned per item, oldest first. */
  incidents: number;
  /** Most keys of a scope whose filter is read from incident for which the scope's keys are joined to the items. */
  scopeKeys: number;
}

@Injectable()
export class RepeatsRepository {
  constructor(private readonly db: Database) {}

  /** Runs one statement with the metric queries' work_mem (its sorts stay in memory) and without JIT. */
  private read<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('work_mem', '${QUERY_WORK_MEM}', true), set_config('jit', 'off', true)`);
      return tx.query(sql, params);
    });
  }

  /** For each of the incidents: the latest earlier visible incident it repeats (ties by the higher id); none when it repeats none. */
  repeatOf(who: Visibility, ids: readonly number[]): Promise<RepeatRow[]> {
    const params: unknown[] = [ids];
    const visible = visibleIncidentsSql(who as Principal, 'i', params);
    return this.db.query(
      `SELECT DISTINCT ON (k.incident_id) k.incident_id AS of_id, r.*
         FROM repeat_key k
        CROSS JOIN LATERAL (
          SELECT ${INCIDENT_COLUMNS}
            FROM repeat_key ek JOIN incident i ON i.id = ek.incident_id
           WHERE ek.service_id = k.service_id AND ek.cause_id = k.cause_id
             AND ek.started_at < k.started_at AND ek.started_at >= k.started_at - ${WINDOW}
             AND ${visible}
           ORDER BY ek.started_at DESC, ek.incident_id DESC
           LIMIT 1) r
        WHERE k.incident_id = ANY($1::int[])
        ORDER BY k.incident_id, r.started_at DESC, r.id DESC`,
      params,
    );
  }

  /** For each of the incidents: the later visible incidents that repeat it (started in (its start, its start + window]), oldest first. */
  repeatedBy(who: Visibility, ids: readonly number[]): Promise<RepeatRow[]> {
    const params: unknown[] = [ids];
    const visible = visibleIncidentsSql(who as Principal, 'i', params);
    return this.db.query(
      `SELECT x.of_id, ${INCIDENT_COLUMNS}
         FROM (SELECT DISTINCT k.incident_id AS of_id, ek.incident_id AS id
                 FROM repeat_key k
                 JOIN repeat_key ek ON ek.service_id = k.service_id AND ek.cause_id = k.cause_id
                  AND ek.started_at > k.started_at AND ek.started_at <= k.started_at + ${WINDOW}
                WHERE k.incident_id = ANY($1::int[])) x
        -- one primary-key probe per pair (a hash join would read every incident)
        CROSS JOIN LATERAL (SELECT * FROM incident i WHERE i.id = x.id OFFSET 0) i
        WHERE ${visible}
        ORDER BY x.of_id, i.started_at, i.id`,
      params,
    );
  }

  /**
   * REPEATS by cause and day — per primary cause node and UTC day of started_at: count = counted incidents in the scope
   * (visible, in the filter and period) that repeat an earlier visible counted incident. RepeatsService adds these up
   * into byRootCause and into trend buckets (a week, month or quarter is a union of UTC days), so one statement answers
   * both. Ordered by day, then cause.
   */
  byCauseAndDay(who: Visibility, f: ResolvedFilter): Promise<Array<{ cause_id: number; day: string; count: number }>> {
    const params: unknown[] = [];
    // an incident's keys share its cause and day: counted once within its group (no grouping by incident first)
    return this.read(
      `SELECT k.cause_id, to_char((k.started_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
              count(DISTINCT k.incident_id)::int AS count
         FROM repeat_key k WHERE ${repeatKeysWhere(who, f, params)}
        GROUP BY (k.started_at AT TIME ZONE 'UTC')::date, k.cause_id ORDER BY 2, 1`,
      params,
    );
  }

  /** The repeating incidents of the scope, newest first, at most `limit`; only those with primary cause node `causeId` when given. */
  incidents(who: Visibility, f: ResolvedFilter, limit: number, causeId: number | null): Promise<IncidentRow[]> {
    const params: unknown[] = [];
    const ctes = repeatCtes(who, f, params);
    const cause = causeId === null ? '' : `WHERE r.cause_id = $${params.push(causeId)}::int`;
    return this.read(
      `WITH ${ctes},
       page AS (SELECT r.id FROM repeat r ${cause} ORDER BY r.started_at DESC, r.id DESC LIMIT $${params.push(limit)}::int)
       SELECT ${INCIDENT_COLUMNS} FROM page JOIN incident i ON i.id = page.id
        ORDER BY i.started_at DESC, i.id DESC`,
      params,
    );
  }

  /**
   * FIXES_THAT_DID_NOT_HOLD — DONE PREVENT action items with a cause, whose incident is visible, completed before the
   * period's end, followed by a later incident: a counted visible incident in the scope (filter and period), other than
   * the item's own, started after completed_at on a service of the item's incident with the item's cause or a cause
   * under it as primary cause. Of the `caps.candidates` most recently completed such items (each found by one index
   * probe per service and cause node), with incident_count = their later incidents (all of them), service_ids = the
   * services those affected, later_ids = the first `caps.incidents` of them (oldest first): the `caps.items` with the
   * most, then completed last, then by id.
   */
  async fixes(who: Visibility, f: ResolvedFilter, caps: FixCaps): Promise<FixRow[]> {
    // the scope's conditions on key k but the service filter: visibility, period and the other dimensions
    const keyScopeSql = (ps: unknown[]) => {
      const where = [visibleIncidentsSql(who as Principal, 'k', ps)];
      if (f.from) where.push(`k.started_at >= $${ps.push(f.from)}::timestamptz`);
      if (f.to) where.push(`k.started_at < $${ps.push(f.to)}::timestamptz`);
      where.push(keyFilterSql(f, 'k', ps));
      return where.join(' AND ');
    };
    // every key of the scope's incidents (alias k): with a service filter, all keys of the incidents with a key on one
    // of its services (an incident's keys share its visibility, start and dimensions)
    const scopeKeys = (ps: unknown[]) =>
      f.serviceIds.length
        ? `(SELECT x.* FROM (SELECT DISTINCT k.incident_id FROM repeat_key k
                                WHERE k.service_id = ANY($${ps.push(f.serviceIds)}::int[]) AND ${keyScopeSql(ps)}) s
             -- the incident's other keys by primary key (fenced: not a scan of every key)
             CROSS JOIN LATERAL (SELECT * FROM repeat_key x WHERE x.incident_id = s.incident_id OFFSET 0) x) k`
        : `(SELECT k.* FROM repeat_key k WHERE ${keyScopeSql(ps)}) k`;

    // A filter may leave few later incidents, and an item probe then walks every key of its service and cause in vain:
    // when the scope has at most caps.scopeKeys keys, its keys are joined to the items instead (exact either way).
    let scopeFirst = false;
    if (f.teamIds.length || f.severities.length || f.sourceIds?.length || f.serviceIds.length || f.rootCauseIds.length) {
      const ps: unknown[] = [];
      const [row] = await this.read<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${scopeKeys(ps)} LIMIT $${ps.push(caps.scopeKeys + 1)}::int) x`,
        ps,
      );
      scopeFirst = row.n <= caps.scopeKeys;
    }

    const params: unknown[] = [];
    // the item's own incident decides only whether the reader may see the item (admins see all: no join)
    const itemVisible = visibleIncidentsSql(who as Principal, 'ai', params);
    // (fenced, OFFSET 0: a primary-key lookup per item looked at, never a join of all incidents)
    const itemFrom = `action_item a ${
      itemVisible === 'true'
        ? ''
        : 'CROSS JOIN LATERAL (SELECT ai.private, ai.team_id FROM incident ai WHERE ai.id = a.incident_id OFFSET 0) ai'
    }`;
    const to = f.to ? `$${params.push(f.to)}::timestamptz` : null;
    const items = `a.type = 'PREVENT' AND a.status = 'DONE' AND a.cause_id IS NOT NULL AND a.completed_at IS NOT NULL
      ${to ? `AND a.completed_at < ${to}` : ''} AND ${itemVisible}`;
    const candidates = `$${params.push(caps.candidates)}::int`;
    // (the probes' conditions; only their parameters are pushed when the scope is joined instead)
    const keyScope = scopeFirst ? 'true' : keyScopeSql(params);
    const keyService = scopeFirst ? 'true' : serviceKeySql(f, 'k', params);
    // a cause filter leaves only those of the item's cause nodes that it selects (no probe of the others)
    const nodeFilter = !scopeFirst && f.rootCauseIds.length ? `node.id IN ${filterCauseNodes(`$${params.push(f.rootCauseIds)}`)}` : 'true';
    // the later keys of item alias `a` on service `s0.service_id` and cause `node.id`: an index range
    const laterKeys = (a: string) => `repeat_key k
       WHERE k.service_id = s0.service_id AND k.cause_id = node.id AND k.started_at > ${a}.completed_at
         AND k.incident_id <> ${a}.incident_id AND ${keyScope} AND ${keyService}`;
    const failingAndLater = scopeFirst
      ? `scoped AS MATERIALIZED (
           -- each key of the scope under its cause and under that cause's category: the item causes it answers to
           SELECT k.incident_id, k.service_id, k.started_at, node.id AS item_cause
             FROM ${scopeKeys(params)}
             JOIN root_cause rc ON rc.id = k.cause_id
            CROSS JOIN LATERAL unnest(ARRAY[k.cause_id, rc.parent_id]) node (id)
            WHERE node.id IS NOT NULL),
         -- per service and item cause the latest key and its incident: the item failed when that key is later than its
         -- completion and of another incident (else, rarely, another later key is looked for)
         -- (materialized: a few rows per service and cause, not recomputed per item)
         bucket AS MATERIALIZED (
           SELECT service_id, item_cause, max(started_at) AS last,
                  (array_agg(incident_id ORDER BY started_at DESC, incident_id DESC))[1] AS last_id
             FROM scoped GROUP BY service_id, item_cause),
         failing AS (
           SELECT a.id, a.completed_at
             FROM ${itemFrom}
            WHERE ${items} AND EXISTS (
              -- the item incident's services fenced (OFFSET 0): a primary-key lookup per item, not a scan
              SELECT 1 FROM (SELECT s.service_id FROM incident_service s WHERE s.incident_id = a.incident_id OFFSET 0) s0
                JOIN bucket b ON b.service_id = s0.service_id AND b.item_cause = a.cause_id AND b.last > a.completed_at
               WHERE (b.last_id <> a.incident_id
                      OR EXISTS (SELECT 1 FROM scoped sk WHERE sk.service_id = b.service_id AND sk.item_cause = b.item_cause
                                    AND sk.started_at > a.completed_at AND sk.incident_id <> a.incident_id)))
            ORDER BY a.completed_at DESC, a.id DESC
            LIMIT ${candidates}),
         later AS (
           SELECT f.id AS item_id, s0.service_id, sk.incident_id, sk.started_at
             FROM failing f
             JOIN action_item a ON a.id = f.id
             JOIN incident_service s0 ON s0.incident_id = a.incident_id
             JOIN scoped sk ON sk.service_id = s0.service_id AND sk.item_cause = a.cause_id
              AND sk.started_at > a.completed_at AND sk.incident_id <> a.incident_id)`
      : `failing AS (
           SELECT a.id, a.incident_id, a.cause_id, a.completed_at
             FROM ${itemFrom}
            -- one later key is enough; the services in a fenced subquery and ORDER BY on the key keep both index lookups
            CROSS JOIN LATERAL (
              SELECT 1 FROM (SELECT s.service_id FROM incident_service s WHERE s.incident_id = a.incident_id OFFSET 0) s0
               CROSS JOIN ${causeNodes('a')}
               CROSS JOIN LATERAL (SELECT 1 FROM ${laterKeys('a')} ORDER BY k.started_at LIMIT 1) h
               WHERE ${nodeFilter}
               LIMIT 1) x
            WHERE ${items}
            ORDER BY a.completed_at DESC, a.id DESC
            LIMIT ${candidates}),
         later AS (
           SELECT f.id AS item_id, s0.service_id, k.incident_id, k.started_at
             FROM failing f
            CROSS JOIN LATERAL (SELECT s.service_id FROM incident_service s WHERE s.incident_id = f.incident_id OFFSET 0) s0
            CROSS JOIN ${causeNodes('f')}
            -- fenced (OFFSET 0): an index range per item, service and cause, not a join of all keys of the cause
            CROSS JOIN LATERAL (SELECT k.incident_id, k.started_at FROM ${laterKeys('f')} OFFSET 0) k
            WHERE ${nodeFilter})`;
    return this.read(
      `WITH ${failingAndLater},
       counted AS (
         SELECT l.item_id, count(DISTINCT l.incident_id)::int AS incident_count, array_agg(DISTINCT l.service_id) AS service_ids
           FROM later l GROUP BY l.item_id),
       top AS (
         SELECT c.*, f.completed_at FROM counted c JOIN failing f ON f.id = c.item_id
          ORDER BY c.incident_count DESC, f.completed_at DESC, c.item_id
          LIMIT $${params.push(caps.items)}::int)
       SELECT ${ACTION_ITEM_COLUMNS}, top.incident_count, top.service_ids, l.later_ids
         FROM top
         JOIN action_item a ON a.id = top.item_id
        CROSS JOIN LATERAL (
          SELECT array_agg(x.incident_id ORDER BY x.started_at, x.incident_id) AS later_ids
            FROM (SELECT DISTINCT l.incident_id, l.started_at FROM later l WHERE l.item_id = top.item_id
                   ORDER BY l.started_at, l.incident_id LIMIT $${params.push(caps.incidents)}::int) x) l
        ORDER BY top.incident_count DESC, top.completed_at DESC, a.id`,
      params,
    );
  }

  /** Incidents by id (the caller has checked visibility). */
  byIds(ids: readonly number[]): Promise<IncidentRow[]> {
    return this.db.query(`SELECT ${INCIDENT_COLUMNS} FROM incident i WHERE i.id = ANY($1::int[])`, [ids]);
  }
}
