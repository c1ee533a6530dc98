/**
 * The metrics of metrics.queries answered from monthly and daily cells (migration 1764547200300-MetricRollups),
 * with the same definitions and the same row shapes, exactly.
 *
 * One SQL text builds cells from incidents (`CELLS`): the refresh stores them per month and per day, and a
 * reading query computes them on the fly for what it cannot take from storage (the hours outside whole days
 * at the period's ends, months not built yet or written since, and for non-admins the private incidents of
 * their teams). A reading statement decides which months are usable in its own snapshot, so it never mixes
 * stale cells with fresh incidents.
 *
 * Cell columns: c = counters (per grouping, below), d = downtime minutes, n/s/v/fc = one duration
 * statistic (count, sum, sorted values, counts at or below each fence of metric_fences()).
 *   all        c = [counted, ongoing, excluded, near misses, SEV1..SEV4 counted, ttr histogram buckets 0..11]
 *   ttd..ttr   the duration statistic of resolved counted incidents
 *   cause      key = primary cause id, confirmed = tag state; c = [counted]; d; statistic = ttr
 *   contrib    the same for contributing factors
 *   detection  key = detection source (NULL: not recorded); c = [counted]; statistic = ttd
 *   service    key = service id; c = [counted]   (downtime: metric_island)
 *   gap        key = 'service:mechanism'; c = [gap incidents, of which covered, of which MISSING, of which FAILED]; d
 *   action     c = [items, open, done, incidents with items not WONT_DO, of which with such an item not DONE];
 *              statistic = days from created to completed of DONE items
 *   due        statistic = due dates (days since 1970-01-01) of open items, for `overdue`
 */
import { createHash } from 'node:crypto';
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { CauseMode, DOWNTIME, HISTOGRAM_EDGES, islandsSql, mergedDowntimeSql, Query, RESOLVED, TREND_UNITS } from './metrics.queries';
import { cellFilterSql, DIM_SLICES, incidentFilterSql, sliceFor } from './metrics.filter';
import type { ResolvedFilter, Visibility } from './metrics.scope';

/** How many fences metric_fences() has (1 + 16·STEP), and the step of the first search among them. */
const FENCES = 257;
const STEP = 16;
const FC_MIN = 128;
/** How many of row alias r's values lie at or below fence `o`: stored, or for a small cell found in its values. */
const fcAt = (r: string, o: string) => `coalesce(${r}.fc[${o}], width_bucket((metric_fences())[${o}], ${r}.v))`;
/** The UTC month of alias i's start, as stored in metric_cell.month. */
const MONTH = `date_trunc('month', i.started_at, 'UTC')`;
/** metric_cell.day: the UTC day of alias i's start for a day cell, NULL for a month cell. */
const dayOf = (byDay: boolean) => (byDay ? `date_trunc('day', i.started_at, 'UTC')` : 'NULL::timestamptz');
/** The UTC day after the day start `d` (UTC days are 24 hours long). */
const nextDay = (d: string) => `(${d} + interval '24 hours')`;
/** The UTC month after the month start `m`. */
const nextMonth = (m: string) => `((${m} AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC')`;
/** The incident columns a cell needs (the live part selects only these). */
const INCIDENT_COLUMNS = `i.id, i.started_at, i.private, i.team_id, i.kind, i.exclude_from_metrics, i.in_metrics, i.resolved_at,
  i.severity, i.detection_source, i.ttd_minutes, i.tta_minutes, i.ttm_minutes, i.ttr_minutes, i.impact_end_at, i.source_id`;
/**
 * A cell's slice and keys (columns of metric_cell and metric_island): slice '' has no keys (the whole month or day);
 * the month cells of each DIM_SLICES slice (metrics.filter) are keyed by its columns (team; severity; source; primary
 * cause node and whether that tag is confirmed; team and severity); slice 'service' keys them by one service the
 * incidents affect (an incident once per service). Other key columns are NULL.
 */
const KEY_COLUMNS = 'slice, team_id, severity, source_id, cause_id, cause_confirmed, slice_service_id';
/** Per key column, the column of a source row (alias i) of the cells that holds it, and its NULL. */
const KEY_SOURCE: Record<string, [string, string]> = {
  team_id: ['i.k_team', 'NULL::int'],
  severity: ['i.k_sev', 'NULL::severity'],
  source_id: ['i.k_source', 'NULL::int'],
  cause_id: ['i.k_cause', 'NULL::int'],
  cause_confirmed: ['i.k_confirmed', 'NULL::boolean'],
  slice_service_id: ['i.k_service', 'NULL::int'],
};
const K = `i.k_slice, ${Object.values(KEY_SOURCE)
  .map(([x]) => x)
  .join(', ')}`;
const NO_KEYS = `''::text AS k_slice, NULL::int AS k_team, NULL::severity AS k_sev, NULL::int AS k_source, NULL::int AS k_cause,
  NULL::boolean AS k_confirmed, NULL::int AS k_service`;
/** How the cells of a source relation are keyed: the key columns they select (KEY_COLUMNS) and what they group by. */
interface Keys {
  select: string;
  group: string;
}
/** The source rows' own keys (none, or one service). */
const PLAIN: Keys = { select: K, group: K };
/** Every DIM_SLICES slice in one pass (grouping sets); GROUPING() tells which slice a row is. */
const DIMS: Keys = (() => {
  const dims = ['team_id', 'severity', 'source_id', 'cause_id'];
  const bits = (columns: string[]) => dims.reduce((b, d, n) => b + (columns.includes(d) ? 0 : 1 << (dims.length - 1 - n)), 0);
  const which = Object.entries(DIM_SLICES)
    .map(([name, sl]) => `WHEN ${bits(sl.columns)} THEN '${name}'`)
    .join(' ');
  return {
    select: `CASE GROUPING(${dims.map((d) => KEY_SOURCE[d][0]).join(', ')}) ${which} END, ${K.replace('i.k_slice, ', '')}`,
    group: `i.k_service, GROUPING SETS (${Object.values(DIM_SLICES)
      .map((sl) => `(${sl.columns.map((c) => KEY_SOURCE[c][0]).join(', ')})`)
      .join(', ')})`,
  };
})();
const CELL_COLUMNS = `month, day, private, grouping, key, confirmed, c, d, first_started_at, n, s, v, ${KEY_COLUMNS}`;
const NO_STAT = `0, NULL::float8, NULL::float8[]`;
const OPEN = `a.status IN ('OPEN', 'IN_PROGRESS')`;

/** count, sum and sorted values of `x` over rows where `when` holds (and x is not NULL). */
const stat = (x: string, when: string) =>
  `count(${x}) FILTER (WHERE ${when})::int, sum(${x}) FILTER (WHERE ${when})::float8,
   array_agg(${x} ORDER BY ${x}) FILTER (WHERE ${when} AND ${x} IS NOT NULL)`;

type Family = 'all' | 'durations' | 'causes' | 'detection' | 'service' | 'gap' | 'action';

/**
 * `col` (an incident id) within the ids of `src`: redundant, but lets the planner read a link table's primary key
 * by range rather than scan it whole (incidents of one month mostly have neighbouring ids).
 */
const inRange = (src: string, col: string) => `${col} BETWEEN (SELECT min(id) FROM ${src}) AND (SELECT max(id) FROM ${src})`;

/**
 * The cells of one family from the incidents of relation `src` (INCIDENT_COLUMNS), columns CELL_COLUMNS: per month,
 * or with `byDay` per day.
 */
const CELLS: Record<Family, (src: string, byDay: boolean, keys: Keys) => string> = {
  all: (src, byDay, keys) => {
    const counted = [
      'i.in_metrics',
      'i.in_metrics AND i.resolved_at IS NULL',
      'i.exclude_from_metrics',
      `i.kind = 'NEAR_MISS' AND NOT i.exclude_from_metrics`,
    ];
    const severities = [1, 2, 3, 4].map((n) => `i.in_metrics AND i.severity = 'SEV${n}'`);
    const buckets = HISTOGRAM_EDGES.concat(0).map(
      (_, b) => `${RESOLVED} AND width_bucket(i.ttr_minutes, '{${HISTOGRAM_EDGES}}'::float8[]) = ${b}`,
    );
    const counters = [...counted, ...severities, ...buckets].map((w) => `count(*) FILTER (WHERE ${w})`).join(', ');
    return `SELECT ${MONTH}, ${dayOf(byDay)}, i.private, 'all', NULL::text, false, ARRAY[${counters}]::int[],
        coalesce(sum(${DOWNTIME}) FILTER (WHERE ${RESOLVED}), 0)::float8, min(i.started_at), ${NO_STAT}, ${keys.select}
      FROM ${src} i GROUP BY 1, 2, 3, ${keys.group}`;
  },
  durations: (
    src,
    byDay,
    keys,
  ) => `SELECT ${MONTH}, ${dayOf(byDay)}, i.private, x.g, NULL::text, false, '{}'::int[], 0::float8, NULL::timestamptz,
        count(*)::int, sum(x.v)::float8, array_agg(x.v ORDER BY x.v), ${keys.select}
      FROM ${src} i CROSS JOIN LATERAL (VALUES ('ttd', i.ttd_minutes), ('tta', i.tta_minutes), ('ttm', i.ttm_minutes), ('ttr', i.ttr_minutes)) x(g, v)
     WHERE ${RESOLVED} AND x.v IS NOT NULL GROUP BY 1, 2, 3, 4, ${keys.group}`,
  causes: (
    src,
    byDay,
    keys,
  ) => `SELECT ${MONTH}, ${dayOf(byDay)}, i.private, CASE WHEN c.is_primary THEN 'cause' ELSE 'contrib' END, c.cause_id::text,
        c.state = 'CONFIRMED', ARRAY[count(*)]::int[], coalesce(sum(${DOWNTIME}), 0)::float8, NULL::timestamptz,
        ${stat('i.ttr_minutes', RESOLVED)}, ${keys.select}
      FROM ${src} i JOIN incident_cause c ON c.incident_id = i.id AND ${inRange(src, 'c.incident_id')}
     WHERE i.in_metrics GROUP BY 1, 2, 3, 4, 5, 6, ${keys.group}`,
  detection: (
    src,
    byDay,
    keys,
  ) => `SELECT ${MONTH}, ${dayOf(byDay)}, i.private, 'detection', i.detection_source::text, false, ARRAY[count(*)]::int[], 0::float8,
        NULL::timestamptz, ${stat('i.ttd_minutes', RESOLVED)}, ${keys.select}
      FROM ${src} i WHERE i.in_metrics GROUP BY 1, 2, 3, 5, ${keys.group}`,
  service: (
    src,
    byDay,
    keys,
  ) => `SELECT ${MONTH}, ${dayOf(byDay)}, i.private, 'service', s.service_id::text, false, ARRAY[count(*)]::int[], 0::float8,
        NULL::timestamptz, ${NO_STAT}, ${keys.select}
      FROM ${src} i JOIN incident_service s ON s.incident_id = i.id AND ${inRange(src, 's.incident_id')}
     WHERE i.in_metrics GROUP BY 1, 2, 3, 5, ${keys.group}`,
  gap: (src, byDay, keys) => `SELECT ${MONTH}, ${dayOf(byDay)}, i.private, 'gap', s.service_id || ':' || a.mechanism_id, false,
        ARRAY[count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM action_item ai WHERE ai.incident_id = a.incident_id
          AND ai.mechanism_id = a.mechanism_id AND ai.status IN ('OPEN', 'IN_PROGRESS'))),
          count(*) FILTER (WHERE a.outcome = 'MISSING'), count(*) FILTER (WHERE a.outcome = 'FAILED')]::int[],
        coalesce(sum(${DOWNTIME}), 0)::float8, NULL::timestamptz, ${NO_STAT}, ${keys.select}
      FROM ${src} i JOIN redundancy_assessment a ON a.incident_id = i.id AND a.outcome IN ('MISSING', 'FAILED') AND ${inRange(src, 'a.incident_id')}
      JOIN incident_service s ON s.incident_id = i.id AND ${inRange(src, 's.incident_id')}
     WHERE i.in_metrics GROUP BY 1, 2, 3, 5, ${keys.group}`,
  action: (src, byDay, keys) => `SELECT a.month, a.day, a.private, x.g, NULL::text, false, x.c, 0::float8, NULL::timestamptz, x.n, x.s, x.v,
        a.k_slice, a.k_team, a.k_sev, a.k_source, a.k_cause, a.k_confirmed, a.k_service FROM (
      SELECT ${MONTH} AS month, ${dayOf(byDay)} AS day, i.private,
             ARRAY[count(*), count(*) FILTER (WHERE ${OPEN}), count(*) FILTER (WHERE a.status = 'DONE'),
                   count(DISTINCT i.id) FILTER (WHERE a.status <> 'WONT_DO'),
                   count(DISTINCT i.id) FILTER (WHERE a.status NOT IN ('DONE', 'WONT_DO'))]::int[] AS c,
             ${stat(`extract(epoch FROM a.completed_at - a.created_at)::float8 / 86400`, `a.status = 'DONE' AND a.completed_at IS NOT NULL`)},
             ${stat(`(a.due_date - DATE '1970-01-01')::float8`, OPEN)}, ${keys.select}
        FROM ${src} i JOIN action_item a ON a.incident_id = i.id AND ${inRange(src, 'a.incident_id')}
       WHERE NOT i.exclude_from_metrics GROUP BY 1, 2, 3, ${keys.group}
    ) a(month, day, private, c, dn, ds, dv, un, us, uv, k_slice, k_team, k_sev, k_source, k_cause, k_confirmed, k_service)
    CROSS JOIN LATERAL (VALUES ('action', a.c, a.dn, a.ds, a.dv), ('due', '{}'::int[], a.un, a.us, a.uv)) x(g, c, n, s, v)`,
};

const GROUPINGS: Record<Family, string[]> = {
  all: ['all'],
  durations: ['ttd', 'tta', 'ttm', 'ttr'],
  causes: ['cause', 'contrib'],
  detection: ['detection'],
  service: ['service'],
  gap: ['gap'],
  action: ['action', 'due'],
};

/**
 * Cells with their fence counts, from `src`, per month or with `byDay` per day. A cell of fewer than FC_MIN values
 * (most day cells) stores none: the few counts a percentile needs are then found in its values (`fcAt`), which is
 * cheaper than building 257 counts for every small cell.
 */
const withFences = (families: Family[], src: string, byDay: boolean, keys = PLAIN) =>
  families
    .map(
      (f) =>
        `SELECT b.*, CASE WHEN b.n >= ${FC_MIN} THEN metric_fence_counts(b.v) END AS fc FROM (${CELLS[f](src, byDay, keys)}) b(${CELL_COLUMNS})`,
    )
    .join('\nUNION ALL\n');

/** The key columns of islands: the source rows' own (PLAIN), or those of one DIM_SLICES slice. */
const islandKeys = (slice?: string) => {
  const own = slice === undefined ? null : DIM_SLICES[slice].columns;
  const cols = Object.entries(KEY_SOURCE).map(([c, [x, none]]) => `${!own || own.includes(c) ? x : none} AS ${c}`);
  return `${own ? `'${slice}'` : 'i.k_slice'} AS slice, ${cols.join(', ')}`;
};

/** Merged impact intervals per (month, day, private, keys, service) of the resolved counted incidents of `src`. */
const islands = (src: string, byDay: boolean, keys = islandKeys()) => `(WITH iv AS (
    SELECT ${MONTH} AS month, ${dayOf(byDay)} AS day, i.private, s.service_id, i.started_at AS lo, i.impact_end_at AS hi, ${keys}
      FROM ${src} i JOIN incident_service s ON s.incident_id = i.id AND ${inRange(src, 's.incident_id')} WHERE ${RESOLVED}
  ) ${islandsSql('iv', `month, day, private, service_id, ${KEY_COLUMNS}`)})`;

/** The statements that rebuild the cells of month $1 (a UTC month start), recording `layout` as the month's cell layout. */
function buildStatements(layout: string): string[] {
  // the month's incidents once, with their primary cause; then as the sources of the slices: no keys, the dimensions'
  // keys (every DIM_SLICES slice in one pass), and one row per affected service
  const src = `base AS MATERIALIZED (
      SELECT ${INCIDENT_COLUMNS}, pc.cause_id AS primary_cause, pc.state = 'CONFIRMED' AS primary_confirmed
        FROM incident i LEFT JOIN incident_cause pc ON pc.incident_id = i.id AND pc.is_primary
       WHERE i.started_at >= $1 AND i.started_at < ${nextMonth('$1::timestamptz')}
    ), src AS (SELECT b.*, ${NO_KEYS} FROM base b
    ), dims AS (
      SELECT b.*, ''::text AS k_slice, b.team_id AS k_team, b.severity AS k_sev, b.source_id AS k_source,
             b.primary_cause AS k_cause, b.primary_confirmed AS k_confirmed, NULL::int AS k_service FROM base b
    ), per_service AS (
      SELECT b.*, 'service'::text AS k_slice, NULL::int AS k_team, NULL::severity AS k_sev, NULL::int AS k_source,
             NULL::int AS k_cause, NULL::boolean AS k_confirmed, s.service_id AS k_service
        FROM base b JOIN incident_service s ON s.incident_id = b.id AND ${inRange('base', 's.incident_id')}
    )`;
  const families = Object.keys(CELLS) as Family[];
  return [
    `DELETE FROM metric_cell WHERE month = $1`,
    `DELETE FROM metric_island WHERE month = $1`,
    `INSERT INTO metric_cell (${CELL_COLUMNS}, fc) WITH ${src}
       ${withFences(families, 'src', false)}
       UNION ALL ${withFences(families, 'src', true)}
       UNION ALL ${withFences(families, 'dims', false, DIMS)}
       UNION ALL ${withFences(families, 'per_service', false)}`,
    `INSERT INTO metric_island (month, day, private, service_id, lo, hi, ${KEY_COLUMNS}) WITH ${src}
       SELECT month, day, private, service_id, lo, hi, ${KEY_COLUMNS} FROM (
         ${[
           islands('src', false),
           islands('src', true),
           ...Object.keys(DIM_SLICES).map((sl) => islands('dims', false, islandKeys(sl))),
           islands('per_service', false),
         ].join(' UNION ALL ')}) x`,
    `INSERT INTO metric_month (month, layout) VALUES ($1, '${layout}') ON CONFLICT (month) DO UPDATE SET layout = EXCLUDED.layout`,
  ];
}

/**
 * The version of the stored cells' layout and definitions: a hash of the SQL that builds them (which holds every
 * definition a cell stores, the fences included). A month built under another layout is read from the incidents and
 * rebuilt by the next refresh, so a changed definition never keeps old numbers in old months.
 */
export const CELL_LAYOUT = createHash('sha256').update(buildStatements('').join('\n')).digest('hex').slice(0, 16);

/** The statements that rebuild the cells of month $1 (a UTC month start) under the current layout. */
export const rebuildMonthStatements = (): string[] => buildStatements(CELL_LAYOUT);

/** A statement runner inside one REPEATABLE READ transaction. */
export type RunInSnapshot = <T>(work: (query: (text: string, params?: unknown[]) => Promise<any[]>) => Promise<T>) => Promise<T>;

/** RunInSnapshot on one `pg` client (the seed CLI, the benchmark); the API uses its TypeORM data source. */
export function clientSnapshots(client: { query(text: string, params?: unknown[]): Promise<{ rows: any[] }> }): RunInSnapshot {
  return async (work) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      const out = await work(async (text, params) => (await client.query(text, params)).rows);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  };
}

/**
 * Rebuilds dirty months, one per transaction, oldest first, until none is left or `budgetMs` has passed.
 * Only one refresher per schema runs at a time across processes (a transaction advisory lock; the others return at
 * once and their queries read those months from the incidents). Each transaction deletes only the dirty
 * rows of its own snapshot, so a write committed meanwhile keeps its month dirty. Returns the months built.
 */
export async function refreshRollups(inSnapshot: RunInSnapshot, budgetMs = Infinity): Promise<number> {
  const started = Date.now();
  const statements = rebuildMonthStatements();
  let built = 0;
  while (Date.now() - started < budgetMs) {
    const month = await inSnapshot(async (query) => {
      const [{ locked }] = await query(
        `SELECT pg_try_advisory_xact_lock(hashtext('hindsight.metric_rollup.' || current_schema())) AS locked`,
      );
      if (!locked) return null;
      // the oldest month written since it was built, or built under another layout
      const [{ month }] = await query(
        `SELECT min(month) AS month FROM (SELECT month FROM metric_dirty UNION ALL SELECT month FROM metric_month WHERE layout <> $1) m`,
        [CELL_LAYOUT],
      );
      if (!month) return null;
      const dirty = await query(`SELECT id::text FROM metric_dirty WHERE month = $1`, [month]);
      for (const text of statements) await query(text, [month]);
      await query(`DELETE FROM metric_dirty WHERE id = ANY($1::bigint[])`, [dirty.map((d) => d.id)]);
      return month as Date;
    });
    if (!month) break;
    built++;
  }
  return built;
}

/**
 * The CTEs every reading query starts with, all in the statement's one snapshot:
 * - `bounds`, `months`: the period and the UTC months it touches;
 * - `parts`: per month, the period's part of it [a, b) and whether its cells can be used (`ok`: built under the current
 *   layout, not dirty, and some slice answers the filter; see sliceFor);
 * - `stored`: what storage answers: a usable month wholly inside the period (month cells of the filter's slice; never
 *   with `byDay`), else, without dimensions in the filter, the whole UTC days of a usable month's part (day cells);
 * - `ranges`, `live`: every other part of the period, read from the visible incidents the filter selects (months not
 *   usable, the hours before the first and after the last whole day of a part, and with dimensions every part of a
 *   month not wholly inside the period); for non-admins also the private incidents of their teams in the stored
 *   parts (stored cells keep only non-private ones for them);
 * - `cells`: the families' stored cells of the filter's slice and keys plus their cells computed from `live`
 *   (per day with `byDay`).
 */
function cellsSql(who: Visibility, f: ResolvedFilter, families: Family[], params: unknown[], byDay = false): string {
  const p = (value: unknown) => `$${params.push(value)}`;
  const admin = who.role === 'ADMIN';
  const from = p(f.from);
  const to = p(f.to);
  const visible = visibleIncidentsSql(who as Principal, 'i', params);
  const selected = incidentFilterSql(f, p);
  const slice = sliceFor(f);
  // day cells have no keys: a filter with dimensions takes only whole months from storage
  const dayCells = slice === '';
  const ownPrivate = admin
    ? ''
    : `UNION ALL SELECT i.* FROM stored CROSS JOIN LATERAL (
         SELECT ${INCIDENT_COLUMNS}, ${NO_KEYS} FROM incident i
          WHERE i.started_at >= stored.lo AND i.started_at < stored.hi AND i.private AND ${visible} AND ${selected}
            AND NOT EXISTS (SELECT 1 FROM dirty_days dd WHERE dd.day = date_trunc('day', i.started_at, 'UTC')) OFFSET 0) i`;
  const groupings = families.flatMap((fam) => GROUPINGS[fam]);
  return `bounds AS (
      -- with no from, the month of the first incident is whole (nothing starts before it)
      SELECT coalesce(${from}::timestamptz, date_trunc('month', (SELECT min(started_at) FROM incident), 'UTC')) AS lo,
             coalesce(${to}::timestamptz, 'infinity') AS hi,
             least(coalesce(${to}::timestamptz, 'infinity'), coalesce((SELECT max(started_at) FROM incident), '-infinity')) AS last
    ), months AS (
      SELECT g AT TIME ZONE 'UTC' AS m
        FROM bounds, generate_series(date_trunc('month', bounds.lo, 'UTC') AT TIME ZONE 'UTC', bounds.last AT TIME ZONE 'UTC', interval '1 month') g
    ), parts AS (
      SELECT m, a, b, built AND (clean OR ${dayCells} AND days_ok) AS ok, clean FROM (
        SELECT months.m, greatest(months.m, bounds.lo) AS a, least(${nextMonth('months.m')}, bounds.hi) AS b,
               ${slice === null ? 'false' : 'true'}
                 AND EXISTS (SELECT 1 FROM metric_month x WHERE x.month = months.m AND x.layout = '${CELL_LAYOUT}') AS built,
               NOT EXISTS (SELECT 1 FROM metric_dirty d WHERE d.month = months.m) AS clean,
               NOT EXISTS (SELECT 1 FROM metric_dirty d WHERE d.month = months.m AND d.day IS NULL) AS days_ok
          FROM months CROSS JOIN bounds) p
    ), spans AS (
      -- a month written since it was built: its day cells, but for the days written (read from the incidents)
      SELECT m, a, b, ${byDay ? 'false' : `clean AND a = m AND b = ${nextMonth('m')}`} AS whole,
             CASE WHEN date_trunc('day', a, 'UTC') = a THEN a ELSE ${nextDay(`date_trunc('day', a, 'UTC')`)} END AS da,
             date_trunc('day', b, 'UTC') AS db
        FROM parts WHERE ok
    ), stored AS (
      SELECT m, true AS whole, m AS lo, ${nextMonth('m')} AS hi FROM spans WHERE whole
      UNION ALL
      SELECT m, false, da, db FROM spans WHERE NOT whole AND da < db AND ${dayCells}
    ), dirty_days AS (
      SELECT DISTINCT d.day FROM stored JOIN metric_dirty d ON d.month = stored.m AND d.day >= stored.lo AND d.day < stored.hi
       WHERE NOT stored.whole
    ), ranges AS (
      SELECT a AS lo, b AS hi FROM parts WHERE NOT ok
      UNION ALL SELECT a, b FROM spans WHERE NOT whole AND (da >= db OR NOT ${dayCells})
      UNION ALL SELECT a, da FROM spans WHERE NOT whole AND da < db AND a < da AND ${dayCells}
      UNION ALL SELECT db, b FROM spans WHERE NOT whole AND da < db AND db < b AND ${dayCells}
      UNION ALL SELECT day, ${nextDay('day')} FROM dirty_days
    ), live AS MATERIALIZED (
      -- LATERAL: one index range scan per range read from the incidents
      SELECT i.* FROM ranges CROSS JOIN LATERAL (
        SELECT ${INCIDENT_COLUMNS}, ${NO_KEYS} FROM incident i
         WHERE i.started_at >= ranges.lo AND i.started_at < ranges.hi AND ${visible} AND ${selected} OFFSET 0) i
      ${ownPrivate}
    ), cells AS (
      -- LATERAL: one index scan per stored part (a join could be planned blind on stored and scan every cell)
      SELECT mc.* FROM stored CROSS JOIN LATERAL (
        SELECT ${CELL_COLUMNS}, fc FROM metric_cell mc
         WHERE mc.month = stored.m AND mc.slice = '${slice ?? ''}' AND mc.grouping = ANY(${p(groupings)}::text[])
           ${admin ? '' : 'AND NOT mc.private'} AND ${cellFilterSql(f, p)}
           AND CASE WHEN stored.whole THEN mc.day IS NULL
                    ELSE mc.day >= stored.lo AND mc.day < stored.hi AND NOT EXISTS (SELECT 1 FROM dirty_days dd WHERE dd.day = mc.day) END
           OFFSET 0) mc
      UNION ALL
      ${withFences(families, 'live', byDay)}
    )`;
}

/**
 * CTEs named `${name}*` computing, per group g of `rows` (a SELECT of g, n, s, v, fc over cells), the statistic
 * count, mean and [median, p90] exactly as percentile_cont: rank r = p·(n−1) (0-based), value =
 * lo + (r − ⌊r⌋)·(hi − lo) with lo, hi the values at ranks ⌊r⌋ and ⌈r⌉. A rank's value is found by adding the
 * cells' fence counts (how many values lie at or below fence o) and taking the last fence o with at most `rank`
 * values at or below it, then sorting only the cells' values between fences o and o+1. The fence is found in two
 * steps so that only 17 + 16 of the 257 counts are added per group: every STEP-th fence first (width_bucket's
 * binary search on their running counts), then the fences inside that interval.
 */
function statSql(name: string, rows: string): string {
  const n = name;
  return `${n}_rows AS MATERIALIZED (${rows}),
    ${n}_tot AS (SELECT g, sum(n)::int8 AS n, sum(s) AS s FROM ${n}_rows GROUP BY g),
    ${n}_cf AS (
      SELECT g, o, sum(x)::int8 AS below FROM (
        -- (the subquery takes fc[o] out before grouping, so the grouping does not carry whole arrays)
        SELECT r.g, k.o, ${fcAt('r', 'k.o')} AS x FROM ${n}_rows r, generate_series(1, ${FENCES}, ${STEP}) AS k(o) WHERE r.n > 0 OFFSET 0) c
       GROUP BY g, o
    ), ${n}_ccum AS (
      SELECT g, array_agg(below ORDER BY o) AS cum FROM ${n}_cf GROUP BY g
    ), ${n}_ranks AS (
      SELECT t.g, q.ord, q.r, k.rank, 1 + ${STEP} * (width_bucket(k.rank, c.cum) - 1) AS co
        FROM ${n}_tot t JOIN ${n}_ccum c USING (g)
        CROSS JOIN LATERAL (SELECT u.ord, u.p * (t.n - 1) AS r FROM unnest('{0.5,0.9}'::float8[]) WITH ORDINALITY AS u(p, ord)) q
        CROSS JOIN LATERAL (SELECT DISTINCT x FROM (VALUES (floor(q.r)::int8), (ceil(q.r)::int8)) AS v(x)) k(rank)
    ), ${n}_ff AS (
      SELECT g, co, o, sum(x)::int8 AS below FROM (
        SELECT w.g, w.co, k.o, ${fcAt('r', 'k.o')} AS x
          FROM (SELECT DISTINCT g, co FROM ${n}_ranks) w JOIN ${n}_rows r ON r.g = w.g AND r.n > 0
          CROSS JOIN LATERAL generate_series(w.co, w.co + ${STEP - 1}) AS k(o) OFFSET 0) f
       GROUP BY g, co, o
    ), ${n}_pick AS (
      SELECT DISTINCT ON (p.g, p.ord, p.rank) p.g, p.ord, p.r, p.rank, f.o, f.below
        FROM ${n}_ranks p JOIN ${n}_ff f ON f.g = p.g AND f.co = p.co AND f.below <= p.rank
       ORDER BY p.g, p.ord, p.rank, f.o DESC
    ), ${n}_val AS MATERIALIZED (
      SELECT p.g, p.ord, p.r, p.rank,
             (SELECT x FROM ${n}_rows r, unnest(r.v[${fcAt('r', 'p.o')} + 1 : ${fcAt('r', 'p.o + 1')}]) AS x
               WHERE r.g = p.g AND r.n > 0 ORDER BY x OFFSET p.rank - p.below LIMIT 1) AS x
        FROM ${n}_pick p
    ), ${n}_pct AS (
      SELECT g, array_agg(lo + (r - floor(r)) * (hi - lo) ORDER BY ord) AS pct FROM (
        SELECT g, ord, min(r) AS r, min(x) FILTER (WHERE rank = floor(r)) AS lo, min(x) FILTER (WHERE rank = ceil(r)) AS hi
          FROM ${n}_val GROUP BY g, ord) z
       GROUP BY g
    ), ${n} AS (
      SELECT t.g, t.n::int AS count, CASE WHEN t.n > 0 THEN t.s / t.n END AS mean, pc.pct
        FROM ${n}_tot t LEFT JOIN ${n}_pct pc USING (g)
    )`;
}

/**
 * The columns `${name}_count, _mean, _pct` of statistic alias `alias` (as metrics.queries' stat()); the count is 0
 * rather than NULL when `present` holds (a row exists for the group but no statistic cell does).
 */
const statColumns = (alias: string, name: string, present = 'false') =>
  `CASE WHEN ${present} THEN coalesce(${alias}.count, 0) ELSE ${alias}.count END AS ${name}_count, ${alias}.mean AS ${name}_mean,
   ${alias}.pct AS ${name}_pct`;

/** SUMMARY from cells; the same columns as summaryQuery. */
export function rollupSummaryQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['all', 'durations'], params);
  return {
    text: `WITH ${cells}, ${statSql('st', `SELECT grouping AS g, n, s, v, fc FROM cells WHERE grouping <> 'all'`)},
      a AS (
        SELECT coalesce(sum(c[1]), 0)::int AS incident_count, coalesce(sum(c[2]), 0)::int AS ongoing_count,
               coalesce(sum(c[3]), 0)::int AS excluded_count, coalesce(sum(c[4]), 0)::int AS near_miss_count,
               min(first_started_at) AS first_started_at, coalesce(sum(d), 0)::float8 AS downtime_minutes
          FROM cells WHERE grouping = 'all')
      SELECT a.*, ${['ttd', 'tta', 'ttm', 'ttr'].map((m) => statColumns(m, m, 'true')).join(', ')}
        FROM a ${['ttd', 'tta', 'ttm', 'ttr'].map((m) => `LEFT JOIN st ${m} ON ${m}.g = '${m}'`).join(' ')}`,
    params,
  };
}

/** CAUSE_FREQUENCY from cells; the same columns and order as causeFrequencyQuery. */
export function rollupCausesQuery(who: Visibility, f: ResolvedFilter, mode: CauseMode): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['causes'], params);
  const node = mode === 'CATEGORY' ? 'coalesce(rc.parent_id, rc.id)::text' : 'cells.key';
  return {
    text: `WITH ${cells}, tagged AS (
        SELECT ${node} AS g, cells.* FROM cells ${mode === 'CATEGORY' ? 'JOIN root_cause rc ON rc.id = cells.key::int' : ''}
         WHERE cells.grouping = '${mode === 'CONTRIBUTING' ? 'contrib' : 'cause'}'${f.confirmedOnly ? ' AND cells.confirmed' : ''}
      ), ${statSql('st', 'SELECT g, n, s, v, fc FROM tagged')},
      agg AS (SELECT g, sum(c[1])::int AS incident_count, coalesce(sum(d), 0)::float8 AS downtime_minutes FROM tagged GROUP BY g)
      SELECT agg.g::int AS cause_id, agg.incident_count, agg.downtime_minutes, ${statColumns('st', 'ttr')}
        FROM agg LEFT JOIN st USING (g)
       ORDER BY incident_count DESC, downtime_minutes DESC, 1`,
    params,
  };
}

/**
 * SERVICE_DOWNTIME from cells and stored islands (merged again across months and keys); as serviceDowntimeQuery.
 * Which services: those of serviceIds when given; else, with teamIds, those the teams own plus those with incidents;
 * else every service.
 */
export function rollupServiceDowntimeQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const cells = cellsSql(who, f, ['service'], params);
  const to = `${p(f.to)}::timestamptz`;
  let services = 'true';
  if (f.serviceIds.length) services = `sv.id = ANY(${p(f.serviceIds)}::int[])`;
  else if (f.teamIds.length) services = `(sv.team_id = ANY(${p(f.teamIds)}::int[]) OR counts.incident_count IS NOT NULL)`;
  return {
    text: `WITH ${cells}, iv AS (
        SELECT mi.service_id, mi.lo, least(mi.hi, ${to}) AS hi FROM stored CROSS JOIN LATERAL (
          SELECT service_id, lo, hi FROM metric_island mi
           WHERE mi.month = stored.m AND mi.slice = '${sliceFor(f) ?? ''}' ${who.role === 'ADMIN' ? '' : 'AND NOT mi.private'}
             AND ${cellFilterSql(f, p, 'mi')}
             AND CASE WHEN stored.whole THEN mi.day IS NULL
                      ELSE mi.day >= stored.lo AND mi.day < stored.hi AND NOT EXISTS (SELECT 1 FROM dirty_days dd WHERE dd.day = mi.day) END
             OFFSET 0) mi
        UNION ALL
        SELECT s.service_id, i.started_at, least(i.impact_end_at, ${to}) FROM live i
          JOIN incident_service s ON s.incident_id = i.id AND ${inRange('live', 's.incident_id')}
         WHERE ${RESOLVED}
      ), merged AS (${mergedDowntimeSql('iv')}
      ), counts AS (
        SELECT key::int AS service_id, sum(c[1])::int AS incident_count FROM cells GROUP BY 1
      )
      SELECT sv.id AS service_id, sv.name, sv.slo::float8 AS slo, coalesce(counts.incident_count, 0) AS incident_count,
             coalesce(m.downtime_minutes, 0)::float8 AS downtime_minutes
        FROM service sv LEFT JOIN counts ON counts.service_id = sv.id LEFT JOIN merged m ON m.service_id = sv.id
       WHERE ${services}
       ORDER BY sv.id`,
    params,
  };
}

/** TREND from cells (by week from day cells, since weeks cut months); the same columns as trendQuery. */
export function rollupTrendQuery(who: Visibility, f: ResolvedFilter, granularity: keyof typeof TREND_UNITS): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['all', 'durations', 'detection'], params, granularity === 'WEEK');
  const [unit, step] = TREND_UNITS[granularity];
  return {
    text: `WITH ${cells}, b AS (
        SELECT date_trunc('${unit}', coalesce(day, month) AT TIME ZONE 'UTC') AS bucket, cells.* FROM cells
      ), agg AS (
        SELECT bucket, sum(c[1])::int AS incident_count, coalesce(sum(d), 0)::float8 AS downtime_minutes,
               ${[1, 2, 3, 4].map((n) => `sum(c[${4 + n}])::int AS sev${n}`).join(', ')}
          FROM b WHERE grouping = 'all' GROUP BY bucket HAVING sum(c[1]) > 0
      ), ${statSql('st', `SELECT grouping || ' ' || bucket AS g, n, s, v, fc FROM b WHERE grouping IN ('ttr', 'ttd')`)},
      det AS (
        SELECT bucket, json_agg(json_build_object('source', source, 'count', n) ORDER BY source::text NULLS LAST) AS by_detection FROM (
          SELECT bucket, key AS source, sum(c[1])::int AS n FROM b WHERE grouping = 'detection' GROUP BY 1, 2 HAVING sum(c[1]) > 0) x
         GROUP BY bucket
      ),
      span AS (SELECT generate_series(min(bucket), max(bucket), '${step}'::interval) AS bucket FROM agg)
      SELECT span.bucket AT TIME ZONE 'UTC' AS period_start, agg.incident_count, agg.downtime_minutes, agg.sev1, agg.sev2, agg.sev3, agg.sev4,
             ${statColumns('ttr', 'ttr', 'agg.bucket IS NOT NULL')}, ${statColumns('ttd', 'ttd', 'agg.bucket IS NOT NULL')}, det.by_detection
        FROM span LEFT JOIN agg USING (bucket) LEFT JOIN det USING (bucket)
        LEFT JOIN st ttr ON ttr.g = 'ttr ' || span.bucket LEFT JOIN st ttd ON ttd.g = 'ttd ' || span.bucket
       ORDER BY span.bucket`,
    params,
  };
}

/** REDUNDANCY_GAPS from cells; as redundancyGapsQuery. */
export function rollupRedundancyGapsQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['gap'], params);
  return {
    text: `WITH ${cells}
      SELECT split_part(key, ':', 1)::int AS service_id, split_part(key, ':', 2)::int AS mechanism_id, sum(c[1])::int AS gap_count,
             sum(c[3])::int AS missing_count, sum(c[4])::int AS failed_count,
             coalesce(sum(d), 0)::float8 AS downtime_minutes, sum(c[2]) > 0 AS covered
        FROM cells GROUP BY 1, 2
       ORDER BY gap_count DESC, downtime_minutes DESC, service_id, mechanism_id`,
    params,
  };
}

/** ACTION_ITEMS from cells; as actionItemsQuery (overdue: due dates before `today` counted in the sorted arrays). */
export function rollupActionItemsQuery(who: Visibility, f: ResolvedFilter, today: string): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['action'], params);
  const before = `(($${params.push(today)}::date - DATE '1970-01-01') - 0.5)::float8`;
  return {
    text: `WITH ${cells}, ${statSql('st', `SELECT 'days' AS g, n, s, v, fc FROM cells WHERE grouping = 'action'`)},
      a AS (SELECT coalesce(sum(c[1]), 0)::int AS opened, coalesce(sum(c[2]), 0)::int AS open, coalesce(sum(c[3]), 0)::int AS done,
                   sum(c[4]) AS with_items, sum(c[5]) AS with_undone FROM cells WHERE grouping = 'action')
      SELECT a.opened, a.open, a.done,
             (SELECT coalesce(sum(width_bucket(${before}, v)), 0)::int FROM cells WHERE grouping = 'due' AND n > 0) AS overdue,
             (SELECT pct[1] FROM st) AS median_days_to_done,
             CASE WHEN a.with_items > 0 THEN (a.with_items - a.with_undone)::float8 / a.with_items END AS all_done_share
        FROM a`,
    params,
  };
}

/** DETECTION from cells; as detectionQuery. */
export function rollupDetectionQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['detection'], params);
  return {
    text: `WITH ${cells}, ${statSql('st', `SELECT coalesce(key, '') AS g, n, s, v, fc FROM cells`)},
      agg AS (SELECT coalesce(key, '') AS g, sum(c[1])::int AS incident_count FROM cells GROUP BY 1)
      SELECT nullif(agg.g, '')::detection_source AS source, agg.incident_count, ${statColumns('st', 'ttd')}
        FROM agg LEFT JOIN st USING (g)
       ORDER BY incident_count DESC, 1 NULLS LAST`,
    params,
  };
}

/** DURATION_HISTOGRAM from cells; as histogramQuery. */
export function rollupHistogramQuery(who: Visibility, f: ResolvedFilter): Query {
  const params: unknown[] = [];
  const cells = cellsSql(who, f, ['all'], params);
  const first = 9; // c[9] holds width_bucket 0
  return {
    text: `WITH ${cells}
      SELECT k - ${first} AS bucket, sum(c[k])::int AS count
        FROM cells, generate_series(${first}, ${first + HISTOGRAM_EDGES.length}) AS k
       GROUP BY k HAVING sum(c[k]) > 0 ORDER BY 1`,
    params,
  };
}
