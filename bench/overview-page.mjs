#!/usr/bin/env node
/**
 * Overview page benchmark (issue #14): what the user waits for, the overview page in Chromium at 1M incidents.
 *
 *   npm run build && node bench/overview-page.mjs [--incidents 1000000] [--reuse] [--duration 60] [--connections 50]
 *                                                 [--root DIR] [--port P] [--skip-load] [--database hindsight_bench]
 *
 * 1. reuses (--reuse) or (re)creates and seeds `hindsight_bench` (as bench/metrics.mjs: the demo generator of
 *    api/dist/db/seeds/cli.js, --now the current UTC midnight so "last 12 months" is full), VACUUM ANALYZE, and
 *    builds the dirty months of the metric rollups;
 * 2. starts the built API (which serves the built web app) with NODE_ENV=production and signs in through the
 *    web app's login page in Chromium (playwright-core, /usr/bin/chromium, the flags of test/e2e/chromium.ts);
 * 3. for each view (last 12 months; + one team; + one service; + SEV1,SEV2; + one root cause; + one team and
 *    SEV1,SEV2; team, service and cause are the ones with the most incidents in the window), with the overview URL
 *    written as web/src/features/filters/transforms/filterParams.ts writes it:
 *    (a) uncached after an edit: updateIncident (expectedVersion; resolvedAt one minute later) of an incident in
 *        the view's window and filter, then a navigation, timed from navigation start until every GraphQL request
 *        the page made has answered and every chart card shows its drawn chart (recharts shapes, the heat-map
 *        table, or its empty state); median of 3;
 *    (b) cached: the same navigation again without an edit; median of 5;
 *    (c) the page's GraphQL requests (count, slowest), replayed together after bumping data_version (uncached;
 *        median of 5), against raw SQL for the same numbers on a pg pool (API size, jit off, work_mem 64MB), all
 *        statements at once: the SQL the API runs (the built metrics query builders: rollup form when the cells
 *        answer the filter, else the direct form) and the direct per-incident SQL of metrics.queries with an index
 *        fitting the filter (indexes created for this step only, dropped after); both with the closing-the-loop
 *        statements (reviews, repeats, fixes that did not hold) as the built repositories run them (loopStatements);
 * 4. (d) autocannon: C connections (users) for D seconds, each replaying the warm 12-month page's GraphQL requests
 *    one after another: latency p50/p97.5/p99, errors (transport, non-2xx, GraphQL errors in the body).
 * Prints a table and writes everything printed to bench/results/overview-page-<date>-<commit>-<incidents>.txt.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(repo, 'api/package.json'));
const pg = require('pg');
const autocannon = require(path.join(repo, 'node_modules/autocannon'));
const { chromium } = createRequire(path.join(repo, 'test/package.json'))('playwright-core');

const args = { incidents: 1_000_000, duration: 60, connections: 50, port: 3919, reuse: false, root: repo, load: true };
for (let i = 2; i < process.argv.length; i++) {
  const [flag, inline] = process.argv[i].split(/=(.*)/s, 2);
  const raw = () => inline ?? process.argv[++i];
  const value = () => Number(raw().replace(/_/g, ''));
  if (flag === '--incidents') args.incidents = value();
  else if (flag === '--duration') args.duration = value();
  else if (flag === '--connections') args.connections = value();
  else if (flag === '--port') args.port = value();
  else if (flag === '--reuse') args.reuse = true;
  else if (flag === '--root') args.root = path.resolve(raw());
  else if (flag === '--skip-load') args.load = false;
  else if (flag === '--database') args.database = raw();
  else if (flag === '--help') {
    console.log(
      'node bench/overview-page.mjs [--incidents N] [--reuse] [--duration S] [--connections C] [--root DIR] [--port P] [--skip-load] [--database NAME]',
    );
    process.exit(0);
  } else throw new Error(`unknown argument ${process.argv[i]}`);
}

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = args.database ?? 'hindsight_bench';
const dbUrl = (() => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const ADMIN = { email: 'bench-admin@example.com', password: 'Bench-Admin-Password-1' };
const API = `http://127.0.0.1:${args.port}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DAY = 86_400_000;
const UNCACHED_RUNS = 3;
const CACHED_RUNS = 5;
const REPLAY_RUNS = 5;

const out = [];
const log = (...xs) => {
  const line = xs.join(' ');
  out.push(line);
  console.log(line);
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const commitOf = (dir) => {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return existsSync(path.join(dir, 'COMMIT')) ? readFileSync(path.join(dir, 'COMMIT'), 'utf8').trim() : 'unknown';
  }
};

async function admin(sql, params) {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

async function prepareDatabase() {
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).rowCount > 0;
  if (args.reuse && exists) return false;
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  return true;
}

function startApi() {
  return spawn(process.execPath, [path.join(args.root, 'api/dist/api/src/main.js')], {
    cwd: args.root,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(args.port),
      HOST: '127.0.0.1',
      HINDSIGHT_DEMO_DATA: 'false',
      HINDSIGHT_ADMIN_EMAIL: ADMIN.email,
      HINDSIGHT_ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitHealthy(child) {
  for (let i = 0; i < 2400; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${API}/healthz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error('the API did not become healthy');
}

async function gql(token, query, variables) {
  const res = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const metricsDir = () => path.join(args.root, 'api/dist/api/src/metrics');
const queriesModule = () => require(path.join(metricsDir(), 'metrics.queries.js'));
const rollupModule = () => require(path.join(metricsDir(), 'metrics.rollup.js'));

/** Rebuilds every dirty month of the metric rollups (as the API does on a read, without its time budget). */
async function buildRollups(pool) {
  const { refreshRollups, clientSnapshots } = rollupModule();
  const c = await pool.connect();
  try {
    return await refreshRollups(clientSnapshots(c));
  } finally {
    c.release();
  }
}

// ---------------------------------------------------------------- views and their URLs

/** The overview URL as the web app writes it (filterParams.ts writeFilterParams: period, team, service, severity, cause; comma lists). */
function overviewPath(v) {
  const p = new URLSearchParams();
  p.set('period', '365d');
  if (v.teamIds?.length) p.set('team', v.teamIds.join(','));
  if (v.serviceIds?.length) p.set('service', v.serviceIds.join(','));
  if (v.severities?.length) p.set('severity', v.severities.join(','));
  if (v.causeIds?.length) p.set('cause', v.causeIds.join(','));
  return `/?${p}`;
}

/** 'Last 12 months' as the web app asks it (periodRange): from UTC midnight 365 days ago, no end. */
function twelveMonths(now = new Date()) {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - 365 * DAY);
}

async function pickViews(pool, from) {
  const top = async (sql) => String((await pool.query(sql, [from])).rows[0].id);
  const team = await top(
    `SELECT team_id AS id FROM incident WHERE started_at >= $1 AND in_metrics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const service = await top(`SELECT s.service_id AS id FROM incident_service s JOIN incident i ON i.id = s.incident_id
    WHERE i.started_at >= $1 AND i.in_metrics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const cause = await top(`SELECT c.cause_id AS id FROM incident_cause c JOIN incident i ON i.id = c.incident_id
    WHERE c.is_primary AND i.started_at >= $1 AND i.in_metrics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const names = (
    await pool.query(
      `SELECT (SELECT name FROM team WHERE id = $1) AS team, (SELECT name FROM service WHERE id = $2) AS service,
        (SELECT name FROM root_cause WHERE id = $3) AS cause`,
      [team, service, cause],
    )
  ).rows[0];
  const sev = ['SEV1', 'SEV2'];
  return [
    { name: 'last 12 months', filter: {} },
    { name: `+ team ${names.team}`, filter: { teamIds: [team] } },
    { name: `+ service ${names.service}`, filter: { serviceIds: [service] } },
    { name: '+ SEV1,SEV2', filter: { severities: sev } },
    { name: `+ cause ${names.cause}`, filter: { causeIds: [cause] } },
    { name: `+ team ${names.team}, SEV1,SEV2`, filter: { teamIds: [team], severities: sev } },
  ];
}

/** An incident the view counts (in its window and filter, resolved), the k-th of a spread, for a metric-changing edit. */
async function incidentInView(pool, from, f, k) {
  const params = [from];
  const where = ['i.started_at >= $1', 'i.in_metrics', 'i.resolved_at IS NOT NULL', 'NOT i.private'];
  if (f.teamIds?.length) where.push(`i.team_id = ANY($${params.push(f.teamIds.map(Number))}::int[])`);
  if (f.severities?.length) where.push(`i.severity = ANY($${params.push(f.severities)}::severity[])`);
  if (f.serviceIds?.length)
    where.push(
      `EXISTS (SELECT 1 FROM incident_service x WHERE x.incident_id = i.id AND x.service_id = ANY($${params.push(f.serviceIds.map(Number))}::int[]))`,
    );
  if (f.causeIds?.length)
    where.push(
      `EXISTS (SELECT 1 FROM incident_cause c WHERE c.incident_id = i.id AND c.is_primary AND c.cause_id = ANY($${params.push(f.causeIds.map(Number))}::int[]))`,
    );
  const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM incident i WHERE ${where.join(' AND ')}`, params)).rows;
  const { rows } = await pool.query(
    `SELECT id, version, resolved_at FROM incident i WHERE ${where.join(' AND ')} ORDER BY started_at, id OFFSET $${params.push(Math.floor((n * (k + 1)) / (UNCACHED_RUNS + 1)))} LIMIT 1`,
    params,
  );
  if (!rows.length) throw new Error(`no incident to edit in view ${JSON.stringify(f)}`);
  return rows[0];
}

/**
 * Waits until no month or day of the rollups is marked dirty, so each edit starts from built rollups and no rebuild
 * competes with the next measurement. Since 92b08ff the API rebuilds in the background after a read: wait for it.
 * Before (metrics.rollup exports rollupAnswers), only a period-only read rebuilt, within its request, and a filtered
 * view never did: build the dirty months here as bench/metrics.mjs does. Returns the time waited (ms), or -1 if still
 * dirty after 5 minutes.
 */
async function settled(pool) {
  const t0 = process.hrtime.bigint();
  const inRequestOnly = typeof rollupModule().rollupAnswers === 'function';
  while (ms(t0) < 300_000) {
    const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM metric_dirty`)).rows;
    if (n === 0) return ms(t0);
    if (inRequestOnly) await buildRollups(pool);
    else await sleep(200);
  }
  return -1;
}

const UPDATE = `mutation($id: ID!, $input: UpdateIncidentInput!) { updateIncident(id: $id, input: $input) { id version resolvedAt } }`;

// ---------------------------------------------------------------- the page in Chromium

/**
 * In the page: performance.now() (ms since navigation start) once the overview shows no loading state and every chart
 * card's body holds its drawn chart (recharts shapes, the heat-map table) or its empty message; a chart error throws.
 */
const CHARTS_DRAWN = () => {
  const page = document.querySelector('.page.overview');
  if (!page) return false;
  if (page.querySelector('.chart-loading, .kpi-card.skeleton')) return false;
  const cards = [...page.querySelectorAll('section.chart-card')];
  if (cards.length === 0) return false;
  for (const card of cards) {
    const body = card.querySelector('.chart-body');
    if (!body) return false;
    const err = body.querySelector('.chart-error');
    if (err) return { error: `${card.querySelector('h3')?.textContent}: ${err.textContent}` };
    if (body.querySelector('.chart-empty, table.heatmap')) continue;
    const svg = body.querySelector('svg.recharts-surface');
    if (!svg || !svg.querySelector('.recharts-bar-rectangle path, .recharts-bar-rectangle rect, .recharts-line-curve, .recharts-rectangle'))
      return false;
  }
  return { drawnAt: performance.now(), cards: cards.length };
};

async function launch() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'hindsight-bench-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return {
    page,
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function signIn(page) {
  await page.goto(`${API}/login`);
  await page.locator('input[type=email]').fill(ADMIN.email);
  await page.locator('input[type=password]').fill(ADMIN.password);
  await page.locator('input[type=password]').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 60_000 });
  await page.waitForLoadState('networkidle', { timeout: 180_000 });
}

/**
 * Navigates to `url` and waits until the charts are drawn and no GraphQL request is pending (and none started for
 * 500 ms). Returns the time from navigation start to the later of the two, and the page's GraphQL requests.
 */
async function loadPage(page, url) {
  const requests = [];
  const pending = new Set();
  let lastActivity = Date.now();
  // requests before the new document commits belong to the page left behind (aborted by the navigation)
  let committed = false;
  const onRequest = (r) => {
    if (!committed || !r.url().endsWith('/graphql')) return;
    pending.add(r);
    lastActivity = Date.now();
    requests.push({ r, body: r.postData(), headers: r.headers(), op: r.postDataJSON()?.operationName ?? '?' });
  };
  const onDone = (r) => {
    if (!pending.delete(r)) return;
    lastActivity = Date.now();
  };
  const failures = [];
  const onResponse = async (res) => {
    if (!res.url().endsWith('/graphql')) return;
    try {
      const body = await res.json();
      if (res.status() !== 200 || body.errors) failures.push(`${res.status()} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    } catch (e) {
      failures.push(String(e));
    }
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', (r) => {
    if (pending.has(r)) failures.push(`failed ${r.failure()?.errorText}`);
    onDone(r);
  });
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    committed = true;
    const drawn = await (await page.waitForFunction(CHARTS_DRAWN, null, { polling: 'raf', timeout: 180_000 })).jsonValue();
    if (drawn.error) throw new Error(`chart error: ${drawn.error}`);
    while (pending.size > 0 || Date.now() - lastActivity < 500) await sleep(25);
    if (failures.length) throw new Error(`GraphQL failures on ${url}: ${failures.join('; ')}`);
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/graphql'))
        .map((e) => ({ start: e.startTime, end: e.responseEnd })),
    );
    if (entries.length !== requests.length)
      throw new Error(`resource timing saw ${entries.length} GraphQL requests, the page made ${requests.length}`);
    const answered = Math.max(...entries.map((e) => e.end));
    const reqs = requests.map(({ r, body, headers, op }) => ({ op, body, headers, ms: r.timing().responseEnd }));
    const firstRequest = Math.min(...entries.map((e) => e.start));
    return { total: Math.max(drawn.drawnAt, answered), drawnAt: drawn.drawnAt, answered, firstRequest, cards: drawn.cards, requests: reqs };
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('response', onResponse);
    page.removeAllListeners('requestfailed');
  }
}

// ---------------------------------------------------------------- raw SQL for the page's numbers

/**
 * The metric statements behind the overview's queries (web/src/features/overview/graphql/overviewQueries.ts), once
 * each as the API's cache shares them between the page's requests: headline (summary, quarterly trend, detection,
 * services; the same four for the previous period), fix-next (action items, gaps, causes), trend (trend by month),
 * causes (causes by node and category), gaps, distribution (histogram, detection).
 */
function pageStatements(form, f, prev) {
  const q = form === 'rollup' ? rollupModule() : queriesModule();
  const pick = (direct, rollup) => q[form === 'rollup' ? rollup : direct];
  const who = { role: 'ADMIN', teamIds: [] };
  const today = new Date().toISOString().slice(0, 10);
  const summary = pick('summaryQuery', 'rollupSummaryQuery');
  const trend = pick('trendQuery', 'rollupTrendQuery');
  const detection = pick('detectionQuery', 'rollupDetectionQuery');
  const services = pick('serviceDowntimeQuery', 'rollupServiceDowntimeQuery');
  const causes = pick('causeFrequencyQuery', 'rollupCausesQuery');
  return [
    summary(who, f),
    summary(who, prev),
    trend(who, f, 'QUARTER'),
    trend(who, prev, 'QUARTER'),
    detection(who, f),
    detection(who, prev),
    services(who, f),
    services(who, prev),
    pick('actionItemsQuery', 'rollupActionItemsQuery')(who, f, today),
    pick('redundancyGapsQuery', 'rollupRedundancyGapsQuery')(who, f),
    causes(who, f, 'NODE'),
    causes(who, f, 'CATEGORY'),
    trend(who, f, 'MONTH'),
    pick('histogramQuery', 'rollupHistogramQuery')(who, f),
  ];
}

/**
 * The closing-the-loop part of the page (SPEC §6: review completion for the period and the previous one, the overdue
 * list, repeats by cause for both periods, the repeat trend by month, fixes that did not hold), as the API's own
 * repositories (built, from --root) run it, on `pool` instead of the API's connection: thunks, each one statement set.
 * There is one implementation of these (no per-incident twin), so the same thunks join both raw SQL columns.
 */
function loopStatements(pool, f, prev) {
  const dir = path.join(args.root, 'api/dist/api/src');
  const load = (m) => {
    try {
      return require(path.join(dir, m));
    } catch {
      return null;
    }
  };
  const repeats = load('repeats/repeats.repository.js');
  const reviews = load('reviews/reviews.repository.js');
  const caps = load('repeats/repeats.service.js')?.FIX_CAPS;
  const limit = load('reviews/reviews.service.js')?.OVERDUE_LIST_LIMIT ?? 50;
  if (!repeats || !reviews) return [];
  const db = {
    query: async (text, params) => (await pool.query(text, params)).rows,
    transaction: async (work) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await work({ query: async (text, params) => (await c.query(text, params)).rows });
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
  };
  const who = { role: 'ADMIN', teamIds: [] };
  const rep = new repeats.RepeatsRepository(db);
  const rev = new reviews.ReviewsRepository(db);
  const scope = (x) => ({
    visibility: who,
    filter: x,
    periodStart: x.from,
    periodEnd: x.to ?? new Date(),
    periodMinutes: 0,
    incidentCount: 0,
  });
  // the settings are read once per request and passed in (since a8651c8); before, each call read them itself
  let settings;
  const passed = rev.overdueIncidents.length === 3;
  const withSettings = (fn) => async () => fn(passed ? (settings ??= await rev.settings()) : undefined);
  return [
    withSettings((s) => rev.completion(scope(f), s)),
    withSettings((s) => rev.completion(scope(prev), s)),
    withSettings((s) => (passed ? rev.overdueIncidents(scope(f), s, limit) : rev.overdueIncidents(scope(f), limit))),
    // since d3c8cc6 repeats' counts, causes and trend add up one statement per period (the trend's incident counts are
    // the metrics trend's, above); before, byCause per period and a trend statement
    ...(rep.byCauseAndDay
      ? [() => rep.byCauseAndDay(who, f), () => rep.byCauseAndDay(who, prev)]
      : [() => rep.byCause(who, f), () => rep.byCause(who, prev), () => rep.trend(who, f, 'MONTH')]),
    () => rep.fixes(who, f, caps),
  ];
}

const resolved = (v, from, to = null) => ({
  from,
  to,
  serviceIds: (v.serviceIds ?? []).map(Number),
  teamIds: (v.teamIds ?? []).map(Number),
  severities: v.severities ?? [],
  rootCauseIds: (v.causeIds ?? []).map(Number),
  sourceIds: [],
  confirmedOnly: false,
});

/**
 * Median time of all `statements` sent at once on `pool` (the fastest schedule a pool of its size allows); a statement
 * is a query `{ text, params }` or a thunk that runs its own (loopStatements).
 */
async function timeStatements(pool, statements, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await Promise.all(statements.map((s) => (typeof s === 'function' ? s() : pool.query(s.text, s.params))));
    times.push(ms(t0));
  }
  return median(times);
}

/** Indexes fitting each filter for the direct per-incident baseline (created for that step only). */
const COVER = `INCLUDE (in_metrics, private, kind, exclude_from_metrics, detection_source, ttd_minutes, tta_minutes, ttm_minutes, ttr_minutes, impact_end_at, resolved_at)`;
const BASELINE_INDEXES = [
  `CREATE INDEX bench_incident_time ON incident (started_at) INCLUDE (id, severity, team_id, in_metrics, private, kind, exclude_from_metrics, detection_source, ttd_minutes, tta_minutes, ttm_minutes, ttr_minutes, impact_end_at, resolved_at)`,
  `CREATE INDEX bench_incident_team ON incident (team_id, started_at) INCLUDE (id, severity, in_metrics, private, kind, exclude_from_metrics, detection_source, ttd_minutes, tta_minutes, ttm_minutes, ttr_minutes, impact_end_at, resolved_at)`,
  `CREATE INDEX bench_incident_severity ON incident (severity, started_at) INCLUDE (id, team_id, in_metrics, private, kind, exclude_from_metrics, detection_source, ttd_minutes, tta_minutes, ttm_minutes, ttr_minutes, impact_end_at, resolved_at)`,
  `CREATE INDEX bench_incident_team_severity ON incident (team_id, severity, started_at) ${COVER}`,
  `CREATE INDEX bench_incident_service ON incident_service (service_id, incident_id)`,
  `CREATE INDEX bench_incident_cause_primary ON incident_cause (cause_id, incident_id) WHERE is_primary`,
];
const BASELINE_INDEX_NAMES = BASELINE_INDEXES.map((s) => /INDEX (\w+)/.exec(s)[1]);

// ---------------------------------------------------------------- replaying the page's requests

async function replay(requests) {
  const t0 = process.hrtime.bigint();
  const each = await Promise.all(
    requests.map(async (r) => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${API}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: r.headers.authorization },
        body: r.body,
      });
      const body = await res.json();
      if (res.status !== 200 || body.errors) throw new Error(`${r.op}: ${res.status} ${JSON.stringify(body.errors)}`);
      return ms(t);
    }),
  );
  return { total: ms(t0), each };
}

// ---------------------------------------------------------------- main

async function main() {
  const commit = commitOf(args.root);
  const date = new Date().toISOString().slice(0, 10);
  log(`overview page benchmark (issue #14), ${new Date().toISOString()}: built tree ${args.root} (commit ${commit}), database ${DB}`);
  log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; load average at start ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const fresh = await prepareDatabase();
  const api = startApi();
  const stop = () => api.exitCode === null && api.kill('SIGTERM');
  process.on('exit', stop);
  let browser;
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, options: '-c jit=off -c work_mem=64MB' });
  try {
    let t0 = process.hrtime.bigint();
    await waitHealthy(api);
    log(`API healthy in ${f0(ms(t0))} ms (pid ${api.pid})`);
    const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM incident`)).rows;
    if (fresh || n < args.incidents) {
      const now = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
      t0 = process.hrtime.bigint();
      const seedOut = execFileSync(
        process.execPath,
        [
          path.join(args.root, 'api/dist/db/seeds/cli.js'),
          '--incidents',
          String(args.incidents - n),
          '--database-url',
          dbUrl,
          '--now',
          now,
          '--seed',
          String(42 + n),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
      );
      log(`seed: ${String(seedOut).trim().split('\n').slice(-1)[0]}`);
      log(`seeded ${(args.incidents - n).toLocaleString('en-US')} incidents (--now ${now}) in ${(ms(t0) / 1000).toFixed(1)} s`);
      t0 = process.hrtime.bigint();
      await pool.query('VACUUM ANALYZE');
      log(`VACUUM ANALYZE in ${(ms(t0) / 1000).toFixed(1)} s`);
    } else {
      log(`reusing ${n.toLocaleString('en-US')} seeded incidents`);
    }
    t0 = process.hrtime.bigint();
    const months = await buildRollups(pool);
    log(`metric rollups: ${months} dirty months built in ${(ms(t0) / 1000).toFixed(1)} s`);
    const from = twelveMonths();
    const counts = (
      await pool.query(
        `SELECT (SELECT count(*) FROM incident)::int AS incidents, (SELECT count(*) FROM incident WHERE started_at >= $1)::int AS last_12_months,
          (SELECT max(started_at) FROM incident) AS newest, pg_size_pretty(pg_database_size(current_database())) AS size`,
        [from],
      )
    ).rows[0];
    log(`data: ${JSON.stringify(counts)}`);

    const token = (
      await gql(null, `mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }`, { e: ADMIN.email, p: ADMIN.password })
    ).login.token;
    browser = await launch();
    const { page } = browser;
    t0 = process.hrtime.bigint();
    await signIn(page);
    log(`signed in through /login in Chromium in ${f0(ms(t0))} ms`);
    // the browser's first visit loads the app's assets into its cache, as for a returning user
    await loadPage(page, `${API}/`);

    const views = await pickViews(pool, from);
    const results = [];
    for (const v of views) {
      const url = `${API}${overviewPath(v.filter)}`;
      // (a) uncached after an edit
      const uncached = [];
      const rebuilt = [];
      for (let k = 0; k < UNCACHED_RUNS; k++) {
        await settled(pool);
        const inc = await incidentInView(pool, from, v.filter, k);
        const later = new Date(new Date(inc.resolved_at).getTime() + 60_000).toISOString();
        const tEdit = process.hrtime.bigint();
        await gql(token, UPDATE, { id: String(inc.id), input: { expectedVersion: inc.version, resolvedAt: later } });
        uncached.push(await loadPage(page, url));
        const waited = await settled(pool);
        rebuilt.push(waited < 0 ? 'not within 5 min' : `${f0(ms(tEdit))} ms`);
      }
      // (b) cached
      const cached = [];
      for (let k = 0; k < CACHED_RUNS; k++) cached.push(await loadPage(page, url));
      const requests = cached.at(-1).requests;
      // (c) is about the metric queries; the filter bar's option lists are not metrics
      const metricRequests = requests.filter((r) => r.op.startsWith('Overview'));
      // the filter the page asked for is the view's (the URL was understood)
      const asked = requests.map((r) => JSON.parse(r.body)).find((b) => b.operationName === 'OverviewTrend')?.variables?.filter;
      const want = {
        teamIds: v.filter.teamIds,
        serviceIds: v.filter.serviceIds,
        severities: v.filter.severities,
        rootCauseIds: v.filter.causeIds,
      };
      for (const [k, val] of Object.entries(want))
        if (JSON.stringify(asked?.[k]) !== JSON.stringify(val))
          throw new Error(`${v.name}: the page asked ${k}=${JSON.stringify(asked?.[k])}, expected ${JSON.stringify(val)}`);
      if (Math.abs(Date.parse(asked.from) - from.getTime()) > DAY) throw new Error(`${v.name}: the page asked from=${asked.from}`);
      // (c) the page's requests replayed, uncached (data_version bumped) and cached
      const replays = [];
      for (let k = 0; k < REPLAY_RUNS; k++) {
        await pool.query(`UPDATE data_version SET version = version + 1`);
        replays.push(await replay(metricRequests));
      }
      const warm = [];
      for (let k = 0; k < REPLAY_RUNS; k++) warm.push((await replay(metricRequests)).total);
      const warmReplay = median(warm);
      const perOp = metricRequests.map((r, i) => `${r.op} ${f0(median(replays.map((x) => x.each[i])))}`).join(', ');
      const f = resolved(v.filter, new Date(asked.from));
      const prev = resolved(v.filter, new Date(2 * Date.parse(asked.from) - Math.floor(Date.now() / DAY) * DAY), new Date(asked.from));
      // the form the API's repository picks: rollup when the cells answer the filter (before f06ff79 only a period-only
      // filter: rollupAnswers), else the direct per-incident form; since f06ff79 the rollup form answers every filter
      const answers = rollupModule().rollupAnswers;
      const form = typeof answers !== 'function' || answers(f) ? 'rollup' : 'direct';
      const statements = [...pageStatements(form, f, prev), ...loopStatements(pool, f, prev)];
      const apiSql = await timeStatements(pool, statements, 5);
      const slowest = [...requests].sort((a, b) => b.ms - a.ms)[0];
      const r = {
        name: v.name,
        url: overviewPath(v.filter),
        uncached: median(uncached.map((x) => x.total)),
        uncachedRuns: uncached.map((x) => x.total),
        uncachedDrawn: median(uncached.map((x) => x.drawnAt)),
        uncachedAnswered: median(uncached.map((x) => x.answered)),
        uncachedFirst: median(uncached.map((x) => x.firstRequest)),
        cachedDrawn: median(cached.map((x) => x.drawnAt)),
        cachedAnswered: median(cached.map((x) => x.answered)),
        cachedFirst: median(cached.map((x) => x.firstRequest)),
        metricRequests: metricRequests.length,
        cached: median(cached.map((x) => x.total)),
        cachedRuns: cached.map((x) => x.total),
        requests: requests.length,
        ops: requests.map((x) => x.op),
        slowestUncached: (() => {
          const last = uncached.at(-1).requests;
          const s = [...last].sort((a, b) => b.ms - a.ms)[0];
          return `${s.op} ${f0(s.ms)} ms`;
        })(),
        slowestCached: `${slowest.op} ${f0(slowest.ms)} ms`,
        gqlUncached: median(replays.map((x) => x.total)),
        gqlCached: warmReplay,
        form,
        apiSql,
        f,
        prev,
      };
      results.push(r);
      log(
        `${r.name} ${r.url}: page uncached after an edit median ${f0(r.uncached)} ms (${r.uncachedRuns.map(f0).join(', ')}; medians: first GraphQL request sent at ` +
          `${f0(r.uncachedFirst)}, all answered at ${f0(r.uncachedAnswered)}, charts drawn at ${f0(r.uncachedDrawn)}), cached median ${f0(r.cached)} ms ` +
          `(${r.cachedRuns.map(f0).join(', ')}; first request at ${f0(r.cachedFirst)}, answered at ${f0(r.cachedAnswered)}, drawn at ${f0(r.cachedDrawn)}); ` +
          `rollups clean again after each edit at ${rebuilt.join(', ')} (from the edit); ` +
          `${r.requests} GraphQL requests (${r.ops.join(', ')}), slowest uncached ${r.slowestUncached}, cached ${r.slowestCached}; ` +
          `the ${r.metricRequests} metric requests replayed together: uncached median ${f0(r.gqlUncached)} ms (${replays.map((x) => f0(x.total)).join(', ')}; per request ${perOp}), cached ${f0(r.gqlCached)} ms; ` +
          `the API's SQL (${form} form, ${statements.length} statements at once) ${f0(apiSql)} ms; load ${os.loadavg()[0].toFixed(2)}`,
      );
    }

    // the direct per-incident SQL with indexes fitting each filter (the "best raw SQL" baseline)
    t0 = process.hrtime.bigint();
    for (const s of BASELINE_INDEXES) await pool.query(s);
    await pool.query('VACUUM ANALYZE incident, incident_service, incident_cause');
    log(`baseline indexes ${BASELINE_INDEX_NAMES.join(', ')} built (and VACUUM ANALYZE) in ${(ms(t0) / 1000).toFixed(1)} s`);
    try {
      for (const r of results) {
        const statements = [...pageStatements('direct', r.f, r.prev), ...loopStatements(pool, r.f, r.prev)];
        r.direct = await timeStatements(pool, statements, 3);
        log(`${r.name}: direct per-incident SQL with fitting indexes (${statements.length} statements at once) median ${f0(r.direct)} ms`);
      }
    } finally {
      for (const name of BASELINE_INDEX_NAMES) await pool.query(`DROP INDEX IF EXISTS ${name}`);
      log('baseline indexes dropped');
    }

    // (d) concurrent users on the warm 12-month page
    let load = null;
    if (args.load) {
      const reqs = results[0] && (await loadPage(page, `${API}${results[0].url}`)).requests;
      await replay(reqs); // warm
      let gqlErrors = 0;
      const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]) / 1024;
      const rssBefore = rssMb();
      const loadBefore = os.loadavg()[0];
      load = await autocannon({
        url: `${API}/graphql`,
        connections: args.connections,
        duration: args.duration,
        requests: reqs.map((r) => ({
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: r.headers.authorization },
          body: r.body,
          onResponse: (status, body) => {
            if (status === 200 && body.includes('"errors"')) gqlErrors++;
          },
        })),
      });
      const l = load.latency;
      log(
        `autocannon ${args.duration} s, ${args.connections} connections each replaying the warm 12-month page's ${reqs.length} GraphQL requests in turn: ` +
          `${load.requests.total} requests (${load.requests.average.toFixed(0)} req/s); latency p50 ${l.p50} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms, max ${l.max} ms; ` +
          `errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}, GraphQL errors ${gqlErrors}; API RSS ${rssBefore.toFixed(0)} → ${rssMb().toFixed(0)} MB; ` +
          `load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`,
      );
      load.gqlErrors = gqlErrors;
    }

    // the table
    log('');
    log(
      `| view | page uncached after edit (median of ${UNCACHED_RUNS}) | page cached (median of ${CACHED_RUNS}) | GraphQL requests (slowest, uncached) | ` +
        `metric queries uncached (GraphQL) | API's SQL | direct SQL + index | GraphQL / API's SQL | GraphQL / direct SQL | GraphQL / best raw SQL |`,
    );
    log('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const ok = (x, lim) => `${f0(x)} ms${x <= lim ? '' : ' ✗'}`;
      log(
        `| ${r.name} | ${ok(r.uncached, 1500)} | ${ok(r.cached, 600)} | ${r.requests} (${r.slowestUncached}) | ${f0(r.gqlUncached)} ms | ${f0(r.apiSql)} ms (${r.form}) | ${f0(r.direct)} ms | ` +
          `${(r.gqlUncached / r.apiSql).toFixed(2)} | ${(r.gqlUncached / r.direct).toFixed(2)} | ` +
          `${(r.gqlUncached / Math.min(r.apiSql, r.direct)).toFixed(2)}${r.gqlUncached / Math.min(r.apiSql, r.direct) <= 1.2 ? '' : ' ✗'} |`,
      );
    }
    if (load) {
      const l = load.latency;
      const errs = load.errors + load.timeouts + load.non2xx + load.gqlErrors;
      log(
        `| ${args.connections} users × ${args.duration} s, warm 12-month page | p50 ${l.p50} ms | p97.5 ${l.p97_5} ms${l.p97_5 < 200 ? '' : ' ✗'} | p99 ${l.p99} ms | errors ${errs}${errs === 0 ? '' : ' ✗'} | | | | | |`,
      );
    }
    log(
      "targets (issue #14): page uncached ≤ 1500 ms, cached ≤ 600 ms, GraphQL ≤ 1.2 × best raw SQL (the faster of the API's SQL and the direct SQL with fitting indexes), " +
        'load p97.5 < 200 ms and 0 errors; ✗ marks a miss',
    );
    log(
      `load average at the end ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await browser?.close().catch(() => {});
    await pool.end().catch(() => {});
    stop();
    const file = path.join(repo, 'bench/results', `overview-page-${date}-${commit}-${args.incidents}.txt`);
    writeFileSync(file, out.join('\n') + '\n');
    console.log(`written ${path.relative(repo, file)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
