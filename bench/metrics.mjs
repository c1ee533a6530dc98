#!/usr/bin/env node
/**
 * Metrics benchmark: one command, real PostgreSQL, the built API.
 *
 *   npx tsc -p api/tsconfig.build.json && node bench/metrics.mjs [--incidents 1000000] [--duration 30] [--connections 50] [--reuse] [--rebuild] [--drop]
 *
 * 1. (re)creates the database `hindsight_bench` on BENCH_DATABASE_URL's server
 *    (default postgres://postgres@127.0.0.1:5432/postgres); --reuse keeps an already seeded one, --rebuild then
 *    marks every month's metric rollups for rebuilding, so step 3 times a full build;
 * 2. starts the built API against it (node api/dist/api/src/main.js) and waits for /healthz;
 * 3. seeds N demo incidents with the demo generator (api/dist/db/seeds/cli.js, --now fixed so runs compare),
 *    then VACUUM ANALYZE, then builds the dirty months of the metric rollups and prints how long that took;
 * 4. times the dashboard's metric query through GraphQL for a one-year window and for all time: cold (first
 *    request), uncached (cache invalidated by bumping data_version, database buffers warm), after one real
 *    write in the period (its month is rebuilt on that request) and warm (cached);
 * 5. times, straight on a pg pool of the API's size with the API's query settings (jit off, work_mem 64MB),
 *    the same SQL the API runs (metrics.rollup, ratio API uncached / raw SQL) and the direct per-incident SQL
 *    of metrics.queries (the naive baseline);
 * 6. runs autocannon on the one-year dashboard (warm path) and prints latency percentiles, errors and the
 *    API's RSS before and after.
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'api/package.json'));
const pg = require('pg');
const autocannon = require(path.join(root, 'node_modules/autocannon'));

const args = { incidents: 1_000_000, duration: 30, connections: 50, port: 3917, reuse: false, rebuild: false, keep: true };
for (let i = 2; i < process.argv.length; i++) {
  const [flag, inline] = process.argv[i].split(/=(.*)/s, 2);
  const value = () => Number((inline ?? process.argv[++i]).replace(/_/g, ''));
  if (flag === '--incidents') args.incidents = value();
  else if (flag === '--duration') args.duration = value();
  else if (flag === '--connections') args.connections = value();
  else if (flag === '--port') args.port = value();
  else if (flag === '--reuse') args.reuse = true;
  else if (flag === '--rebuild') args.rebuild = true;
  else if (flag === '--drop') args.keep = false;
  else if (flag === '--help') {
    console.log('node bench/metrics.mjs [--incidents N] [--duration S] [--connections C] [--port P] [--reuse] [--rebuild] [--drop]');
    process.exit(0);
  } else throw new Error(`unknown argument ${process.argv[i]}`);
}

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'hindsight_bench';
const dbUrl = (() => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const NOW = '2026-11-01T00:00:00.000Z'; // the seed's window ends here; the one-year window is the year before
const YEAR = { from: '2025-11-01T00:00:00.000Z', to: NOW };
const ADMIN = { email: 'bench-admin@example.com', password: 'Bench-Admin-Password-1' };
const API = `http://127.0.0.1:${args.port}`;

const DASHBOARD = `query Dashboard($f: MetricsFilter, $g: Granularity!) {
  reliabilityMetrics(filter: $f) {
    periodStart periodEnd periodMinutes incidentCount ongoingCount excludedCount nearMissCount downtimeMinutes
    timeToDetect { count meanMinutes medianMinutes p90Minutes smallSample }
    timeToAcknowledge { count meanMinutes medianMinutes p90Minutes smallSample }
    timeToMitigate { count meanMinutes medianMinutes p90Minutes smallSample }
    timeToResolve { count meanMinutes medianMinutes p90Minutes smallSample }
    byRootCause { name incidentCount share cumulativeShare downtimeMinutes timeToResolve { count medianMinutes p90Minutes } }
    byRootCategory { name incidentCount share downtimeMinutes }
    contributingFactors { name incidentCount share }
    services { service { id name } incidentCount downtimeMinutes availability slo errorBudgetUsed mtbfMinutes }
    redundancyGaps { service { id name } mechanism { id name } gapCount downtimeMinutes covered }
    trend(granularity: $g) { periodStart incidentCount downtimeMinutes timeToResolve { count meanMinutes medianMinutes p90Minutes } timeToDetect { medianMinutes } bySeverity { severity count } }
    detection { source incidentCount share timeToDetect { medianMinutes p90Minutes } }
    durationHistogram { fromMinutes toMinutes count }
    actionItems { opened open done overdue medianDaysToDone incidentsAllDoneShare }
    previous { incidentCount downtimeMinutes timeToResolve { count meanMinutes medianMinutes p90Minutes } timeToDetect { medianMinutes } }
  }
}`;

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(1)} ms`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

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
  const child = spawn(process.execPath, [path.join(root, 'api/dist/api/src/main.js')], {
    cwd: root,
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
  return child;
}

async function waitHealthy(child) {
  for (let i = 0; i < 600; i++) {
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

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function gql(token, query, variables) {
  const res = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const queriesModule = () => require(path.join(root, 'api/dist/api/src/metrics/metrics.queries.js'));
const rollupModule = () => require(path.join(root, 'api/dist/api/src/metrics/metrics.rollup.js'));
const filterOf = (filter) => ({
  from: null,
  to: null,
  serviceIds: [],
  teamIds: [],
  severities: [],
  rootCauseIds: [],
  confirmedOnly: false,
  ...filter,
});

/**
 * The SQL behind DASHBOARD from the built modules, so "raw" is exactly the same work: `rollup`, the queries the
 * API runs for a period-only filter (metrics.rollup: monthly cells), or `direct`, the per-incident queries of
 * metrics.queries (the API's form for other filters, and the naive baseline).
 */
function dashboardSql(filter, form, granularity = 'MONTH') {
  const q = form === 'rollup' ? rollupModule() : queriesModule();
  const n = (name) => (form === 'rollup' ? `rollup${name[0].toUpperCase()}${name.slice(1)}` : name);
  const who = { role: 'ADMIN', teamIds: [] };
  const f = filterOf(filter);
  const today = new Date().toISOString().slice(0, 10);
  return [
    q[n('summaryQuery')](who, f),
    q[form === 'rollup' ? 'rollupCausesQuery' : 'causeFrequencyQuery'](who, f, 'NODE'),
    q[form === 'rollup' ? 'rollupCausesQuery' : 'causeFrequencyQuery'](who, f, 'CATEGORY'),
    q[form === 'rollup' ? 'rollupCausesQuery' : 'causeFrequencyQuery'](who, f, 'CONTRIBUTING'),
    q[n('serviceDowntimeQuery')](who, f),
    q[n('redundancyGapsQuery')](who, f),
    q[n('trendQuery')](who, f, granularity),
    q[n('detectionQuery')](who, f),
    q[n('histogramQuery')](who, f),
    q[n('actionItemsQuery')](who, f, today),
  ];
}

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

async function main() {
  console.log(`metrics benchmark: ${args.incidents.toLocaleString('en-US')} incidents, database ${DB} on ${new URL(SERVER_URL).host}`);
  const fresh = await prepareDatabase();
  const api = startApi();
  const stop = () => api.exitCode === null && api.kill('SIGTERM');
  process.on('exit', stop);
  try {
    let t0 = process.hrtime.bigint();
    await waitHealthy(api);
    console.log(`API healthy in ${fmt(ms(t0))} (pid ${api.pid})`);

    // the API's pool size, and the settings its metric queries run with (metrics.repository: SET LOCAL)
    const pool = new pg.Pool({ connectionString: dbUrl, max: 10, options: '-c jit=off -c work_mem=64MB' });
    const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM incident`)).rows;
    if (fresh || n < args.incidents) {
      t0 = process.hrtime.bigint();
      const out = execFileSync(
        process.execPath,
        [
          path.join(root, 'api/dist/db/seeds/cli.js'),
          '--incidents',
          String(args.incidents - n),
          '--database-url',
          dbUrl,
          '--now',
          NOW,
          '--seed',
          String(42 + n),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
      );
      console.log(`seed: ${String(out).trim().split('\n').slice(-1)[0]}`); // the CLI builds the metric rollups last
      console.log(`seeded ${(args.incidents - n).toLocaleString('en-US')} incidents in ${(ms(t0) / 1000).toFixed(1)} s`);
      t0 = process.hrtime.bigint();
      await pool.query('VACUUM ANALYZE');
      console.log(`VACUUM ANALYZE in ${(ms(t0) / 1000).toFixed(1)} s`);
    } else {
      console.log(`reusing ${n.toLocaleString('en-US')} seeded incidents`);
    }
    // --rebuild: every month to be built again, to time a full build on a reused database
    if (args.rebuild)
      await pool.query(`INSERT INTO metric_dirty (month) SELECT DISTINCT date_trunc('month', started_at, 'UTC') FROM incident`);
    t0 = process.hrtime.bigint();
    const months = await buildRollups(pool);
    console.log(`metric rollups: ${months} dirty months built in ${(ms(t0) / 1000).toFixed(1)} s`);
    const counts = (
      await pool.query(
        `SELECT (SELECT count(*) FROM incident)::int AS incidents, (SELECT count(*) FROM incident WHERE started_at >= $1 AND started_at < $2)::int AS year,
        (SELECT count(*) FROM incident_service)::int AS links, (SELECT count(*) FROM redundancy_assessment)::int AS assessments,
        (SELECT count(*) FROM action_item)::int AS action_items, pg_size_pretty(pg_database_size(current_database())) AS size`,
        [YEAR.from, YEAR.to],
      )
    ).rows[0];
    console.log(`data: ${JSON.stringify(counts)}`);

    const login = await fetch(`${API}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }`,
        variables: { e: ADMIN.email, p: ADMIN.password },
      }),
    });
    const token = (await login.json()).data.login.token;
    const rssStart = rssMb(api.pid);

    const results = {};
    for (const [name, filter, granularity] of [
      ['one year', YEAR, 'MONTH'],
      ['all time', null, 'MONTH'],
      // what the web app asks by default: 'Last 90 days' = from UTC midnight 90 days before now, no end, by week
      ['last 90 days', { from: new Date(Date.parse(NOW) - 90 * 86_400_000).toISOString() }, 'WEEK'],
    ]) {
      const bump = () => pool.query(`UPDATE data_version SET version = version + 1`); // as any write would: invalidates the cache
      await bump();
      t0 = process.hrtime.bigint();
      const first = await gql(token, DASHBOARD, { f: filter, g: granularity });
      const cold = ms(t0);
      const uncached = [];
      for (let i = 0; i < 5; i++) {
        await bump();
        t0 = process.hrtime.bigint();
        await gql(token, DASHBOARD, { f: filter, g: granularity });
        uncached.push(ms(t0));
      }
      const warm = [];
      for (let i = 0; i < 20; i++) {
        t0 = process.hrtime.bigint();
        await gql(token, DASHBOARD, { f: filter, g: granularity });
        warm.push(ms(t0));
      }
      // one write in the period that changes a metric (an incident resolved a minute later), then the dashboard:
      // its month is rebuilt on that request
      const afterWrite = [];
      for (let i = 0; i < 3; i++) {
        await pool.query(
          `UPDATE incident SET resolved_at = resolved_at + interval '1 minute'
            WHERE id = (SELECT id FROM incident WHERE started_at >= $1 AND resolved_at IS NOT NULL ORDER BY started_at LIMIT 1 OFFSET $2)`,
          [filter?.from ?? '2025-01-01T00:00:00Z', 40_000 * (i + 1)],
        );
        t0 = process.hrtime.bigint();
        await gql(token, DASHBOARD, { f: filter, g: granularity });
        afterWrite.push(ms(t0));
      }
      const m = first.reliabilityMetrics;
      const prevTo = new Date(m.periodStart);
      const prevFrom = new Date(prevTo.getTime() - (new Date(m.periodEnd) - prevTo));
      const timeSql = async (form) => {
        const sql = dashboardSql(filter ?? {}, form, granularity);
        // the previous period's headline query too (the dashboard asks for it)
        if (filter) {
          const q = form === 'rollup' ? rollupModule().rollupSummaryQuery : queriesModule().summaryQuery;
          sql.push(q({ role: 'ADMIN', teamIds: [] }, filterOf({ from: prevFrom, to: prevTo })));
        }
        const times = [];
        for (let i = 0; i < (form === 'rollup' ? 5 : 3); i++) {
          // the API runs the summary first (it resolves the period), then the rest in parallel
          t0 = process.hrtime.bigint();
          await pool.query(sql[0].text, sql[0].params);
          await Promise.all(sql.slice(1).map((q) => pool.query(q.text, q.params)));
          times.push(ms(t0));
        }
        return median(times);
      };
      const raw = await timeSql('rollup');
      const direct = await timeSql('direct');
      results[name] = {
        cold,
        uncached: median(uncached),
        warm: median(warm),
        raw,
        direct,
        afterWrite: median(afterWrite),
        incidents: m.incidentCount,
      };
      console.log(
        `${name.padEnd(9)} incidentCount ${m.incidentCount.toLocaleString('en-US')}: GraphQL cold ${fmt(cold)}, uncached median ${fmt(median(uncached))} ` +
          `(min ${fmt(Math.min(...uncached))}), after one write median ${fmt(median(afterWrite))} (${afterWrite.map(fmt).join(', ')}), ` +
          `warm (cached) median ${fmt(median(warm))}; raw SQL (the same rollup queries) median ${fmt(raw)}, ratio API uncached / raw SQL = ` +
          `${(median(uncached) / raw).toFixed(2)}; direct per-incident SQL median ${fmt(direct)} (${(direct / median(uncached)).toFixed(1)}× the API)`,
      );
    }
    // per-query raw timings of the one-year dashboard, to see where the time goes
    const names = [
      'summary',
      'byRootCause',
      'byRootCategory',
      'contributingFactors',
      'services',
      'redundancyGaps',
      'trend(MONTH)',
      'detection',
      'durationHistogram',
      'actionItems',
    ];
    for (const form of ['rollup', 'direct']) {
      const per = [];
      for (const [i, q] of dashboardSql(YEAR, form).entries()) {
        t0 = process.hrtime.bigint();
        await pool.query(q.text, q.params);
        per.push(`${names[i]} ${ms(t0).toFixed(0)}`);
      }
      console.log(`one-year ${form} SQL one at a time (ms): ${per.join(', ')}`);
    }

    // the all-time runs above bumped data_version: answer the one-year dashboard once so the load run is warm
    t0 = process.hrtime.bigint();
    await gql(token, DASHBOARD, { f: YEAR, g: 'MONTH' });
    console.log(`one-year dashboard re-warmed in ${fmt(ms(t0))}`);
    const rssBefore = rssMb(api.pid);
    const body = JSON.stringify({ query: DASHBOARD, variables: { f: YEAR, g: 'MONTH' } });
    const load = await autocannon({
      url: `${API}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      connections: args.connections,
      duration: args.duration,
    });
    const rssAfter = rssMb(api.pid);
    const l = load.latency;
    console.log(
      `autocannon ${args.duration} s, ${args.connections} connections, one-year dashboard (warm): ${load.requests.total} requests, ` +
        `${load.requests.average.toFixed(0)} req/s; latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms; ` +
        `errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}`,
    );
    console.log(
      `API RSS: ${rssStart.toFixed(0)} MB after login, ${rssBefore.toFixed(0)} MB before the load run, ${rssAfter.toFixed(0)} MB after it`,
    );
    await pool.end();
    const ok = results['one year'].uncached < 1000 && results['one year'].uncached <= 1.5 * results['one year'].raw;
    console.log(`targets (one-year uncached < 1 s, within 1.5× raw SQL): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    stop();
    if (!args.keep) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
