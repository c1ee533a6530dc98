#!/usr/bin/env node
/**
 * PagerDuty sync benchmark: one command, the PagerDuty stand-in over real HTTP, the built API on real PostgreSQL.
 *
 *   npm run build && npm run bench -- sources-pagerduty [--incidents 50000] [--years 2] [--port 3921]
 *                                                       [--timeout-minutes 45] [--no-import] [--keep]
 *   (the same as `node bench/sources-pagerduty.mjs ...`)
 *
 * 1. starts the PagerDuty stand-in of the API tests (api/test/support/standins, transpiled on the fly)
 *    in a child process, serving N seeded incidents spread over the last Y years (with their log
 *    entries); the same stand-in serves every step below;
 * 2. baseline, no database: times `adapterFor('PAGERDUTY').pull` from api/dist in this process (every
 *    page, nothing stored), sampling RSS every 50 ms; checks that every incident came exactly once; then
 *    the next scheduled run from the finished run's mark (incidents still open, the last hour);
 * 3. (re)creates the database `hindsight_sources_bench` on BENCH_DATABASE_URL's server (default
 *    postgres://postgres@127.0.0.1:5432/postgres) and starts the built API on it (jobs on), creates a
 *    PAGERDUTY source through GraphQL as admin pointing at the stand-in, and times:
 *    - the first sync: `syncSource`, then `syncRun` polled every 250 ms until SUCCEEDED or FAILED (wall
 *      time from the mutation to SUCCEEDED), the run's counts, the API's RSS (VmRSS sampled every 100 ms,
 *      and the kernel's high-water mark VmHWM, reset before each step), the CPU time of the API and of the
 *      database's backends, the database's transactions (pg_stat_database, this script's polls included),
 *      the read rate over each fifth of the run; checked in SQL: N incidents with N distinct external ids;
 *    - the next run (`syncSource` again, from the stored mark: open incidents and the last hour);
 *    - a full re-walk of unchanged data (`source.mark` set to NULL in SQL, then `syncSource`): every
 *      incident must count as unchanged, and no incident's version, updated_at or source_values may change
 *      in either re-sync (compared in SQL with a copy taken after the first sync);
 * 4. comparison (unless --no-import): the same incidents, read back from the database, as a JSON file
 *    through `POST /api/import` (source `bench-json`, so they are new), then the same file again;
 * 5. prints a table and writes everything to bench/results/sources-pagerduty-<date>-<incidents>.json.
 *
 * The whole run has a deadline (--timeout-minutes); the stand-in and the API are killed on any exit.
 * BENCH_SERVER_NODE_ARGS passes node flags to the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof";
 * BENCH_TRACK_FUNCTIONS=1 sets track_functions = 'all' on the bench database and reports the first sync's
 * trigger time (pg_stat_user_functions). It warns when api/dist is older than api/src (run `npm run build`).
 */
import { execFile, execFileSync, fork, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

const args = { incidents: 50_000, years: 2, serve: false, port: 3921, timeoutMinutes: 45, import: true, keep: false };
for (let n = 2; n < process.argv.length; n++) {
  const a = process.argv[n];
  const num = () => {
    const v = Number(process.argv[++n]);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
    return v;
  };
  if (a === '--incidents') args.incidents = num();
  else if (a === '--years') args.years = num();
  else if (a === '--port') args.port = num();
  else if (a === '--timeout-minutes') args.timeoutMinutes = num();
  else if (a === '--no-import') args.import = false;
  else if (a === '--keep') args.keep = true;
  else if (a === '--serve') args.serve = true;
  else throw new Error(`unknown argument ${a} (see the comment at the top of bench/sources-pagerduty.mjs)`);
}
const TOKEN = 'bench-token-0123456789';
const DAY = 24 * 3600_000;

/** The stand-in's TypeScript, transpiled to CommonJS next to each other in a scratch folder. */
function loadStandin() {
  const ts = require(path.join(root, 'node_modules/typescript'));
  const src = path.join(root, 'api/test/support/standins');
  const out = path.join(tmpdir(), `hindsight-bench-standins-${process.pid}`);
  mkdirSync(out, { recursive: true });
  for (const f of ['standin-server', 'pagerduty.standin']) {
    const js = ts.transpileModule(readFileSync(path.join(src, `${f}.ts`), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    writeFileSync(path.join(out, `${f}.js`), js);
  }
  // once loaded, the transpiled files are not needed (the child is killed, so no exit handler would remove them)
  try {
    return require(path.join(out, 'pagerduty.standin.js'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (args.serve) {
  // the child: serve, answer stats over IPC; end with the parent
  process.on('disconnect', () => process.exit(0));
  const { PagerDutyStandin, generatePagerDutyIncidents } = loadStandin();
  const now = Date.now();
  const incidents = generatePagerDutyIncidents({
    count: args.incidents,
    from: new Date(now - args.years * 365 * DAY),
    to: new Date(now - 2 * 3600_000),
    seed: 2026,
  });
  const standin = await PagerDutyStandin.start({ token: TOKEN, incidents });
  process.on('message', (m) => {
    if (m === 'stats') {
      const byPath = {};
      for (const r of standin.requests) {
        const key = /^\/incidents\/[^/]+\/log_entries$/.test(r.path)
          ? '/incidents/{id}/log_entries'
          : /^\/incidents\/[^/]+$/.test(r.path)
            ? '/incidents/{id}'
            : r.path;
        byPath[key] = (byPath[key] ?? 0) + 1;
      }
      process.send({ requests: standin.requests.length, byPath, open: incidents.filter((i) => i.resolvedAt === null).length });
      standin.requests.length = 0;
    } else if (m === 'stop') standin.close().then(() => process.exit(0));
  });
  process.send({ url: standin.url, count: incidents.length });
} else {
  await main().catch((err) => {
    console.error(`bench/sources-pagerduty.mjs failed: ${err?.stack ?? err}`);
    process.exit(1);
  });
}

// --- helpers of the parent -------------------------------------------------------------------------

function loadAverage() {
  const [m1, m5, m15] = loadavg().map((l) => +l.toFixed(2));
  return { '1m': m1, '5m': m5, '15m': m15 };
}

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM), NaN once the process is gone. */
function procMb(pid, field) {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Resets the kernel's peak-RSS mark of a process (clear_refs 5); false where that is not allowed. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/**
 * Samples a process's RSS every 100 ms until stopped; the peak (sampled and VmHWM) and its CPU time; and,
 * given `backends` (the bench database's server processes, listed once a second), their CPU time too.
 */
function watch(pid, backends) {
  const canReset = resetPeak(pid);
  const cpu0 = cpuSeconds(pid);
  const before = procMb(pid, 'VmRSS');
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, procMb(pid, 'VmRSS') || 0)), 100);
  // PostgreSQL backends: CPU at the first sight of each (0 if it started meanwhile), and the latest
  const seen = new Map();
  let first = true;
  let busy = false;
  const sample = async () => {
    if (!backends || busy) return;
    busy = true;
    try {
      for (const b of await backends()) {
        const cpu = cpuSeconds(b);
        if (Number.isNaN(cpu)) continue;
        const s = seen.get(b) ?? { from: first ? cpu : 0, last: cpu };
        s.last = cpu;
        seen.set(b, s);
      }
      first = false;
    } catch {
      // best effort
    } finally {
      busy = false;
    }
  };
  const started = sample();
  const pgTimer = setInterval(sample, 1000);
  return async () => {
    clearInterval(timer);
    clearInterval(pgTimer);
    await started;
    await sample();
    peak = Math.max(peak, procMb(pid, 'VmRSS') || 0);
    return {
      rssBeforeMb: Math.round(before),
      peakRssSampledMb: Math.round(peak),
      peakRssHwmMb: canReset ? Math.round(procMb(pid, 'VmHWM')) : null,
      apiCpuSeconds: +(cpuSeconds(pid) - cpu0).toFixed(1),
      postgresCpuSeconds: backends ? +[...seen.values()].reduce((t, s) => t + s.last - s.from, 0).toFixed(1) : null,
    };
  };
}

function git(...a) {
  try {
    return execFileSync('git', ['-C', root, ...a], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/** api/src files (not specs) newer than their build in api/dist, or missing from it. */
function staleDist() {
  const stale = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts')) {
        const built = path.join(root, 'api/dist/api', path.relative(path.join(root, 'api'), p)).replace(/\.ts$/, '.js');
        if (!existsSync(built) || statSync(built).mtimeMs < statSync(p).mtimeMs) stale.push(path.relative(root, p));
      }
    }
  };
  walk(path.join(root, 'api/src'));
  return stale;
}

async function main() {
  const started = Date.now();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const DB = 'hindsight_sources_bench';
  const dbUrl = (() => {
    const u = new URL(serverUrl);
    u.pathname = `/${DB}`;
    return u.toString();
  })();
  const psql = (url, ...cmd) =>
    execFileSync('psql', [url, '-X', '-v', 'ON_ERROR_STOP=1', '-qAt', ...cmd.flatMap((c) => ['-c', c])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
      .toString()
      .trim();
  const sql1 = (q) => psql(dbUrl, q);
  /** The pids of the bench database's PostgreSQL backends (the API's connections; psql's own is left out). */
  const backends = () =>
    new Promise((resolve, reject) =>
      execFile(
        'psql',
        [serverUrl, '-X', '-qAt', '-c', `SELECT pid FROM pg_stat_activity WHERE datname = '${DB}' AND pid <> pg_backend_pid()`],
        (err, out) => (err ? reject(err) : resolve(out.split('\n').filter(Boolean).map(Number))),
      ),
    );
  const work = path.join(tmpdir(), `hindsight-sources-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const serverLog = path.join(work, 'api.log');

  // everything this process starts is ended on any exit
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const killAll = (signal = 'SIGKILL') => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
  };
  process.on('exit', () => {
    killAll();
    rmSync(work, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\n${sig}: stopping the stand-in and the API`);
      process.exit(130);
    });
  }
  const deadline = started + args.timeoutMinutes * 60_000;
  const watchdog = setTimeout(() => {
    console.error(`\nbench/sources-pagerduty.mjs: gave up after --timeout-minutes ${args.timeoutMinutes}`);
    tailLog();
    process.exit(124);
  }, args.timeoutMinutes * 60_000);
  watchdog.unref();
  function tailLog() {
    try {
      const lines = readFileSync(serverLog, 'utf8').trimEnd().split('\n');
      console.error(`--- last lines of the API's log (${serverLog}):\n${lines.slice(-40).join('\n')}`);
    } catch {
      // no log yet
    }
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    incidents: args.incidents,
    years: args.years,
    command: `npm run bench -- sources-pagerduty ${process.argv.slice(2).join(' ')}`.trim(),
    commit: git('rev-parse', '--short', 'HEAD'),
    // the API measured is api/dist: sources changed since it was built are not in these figures
    staleInDist: staleDist(),
    // the machine's 1, 5 and 15 minute load averages: other work on it skews every timing below
    loadAverageAtStart: loadAverage(),
  };

  if (results.staleInDist.length)
    console.warn(
      `WARNING: api/dist is older than ${results.staleInDist.length} file(s) of api/src (${results.staleInDist.slice(0, 3).join(', ')}…): run \`npm run build\` to measure them`,
    );
  console.log(`commit ${results.commit}; load average ${JSON.stringify(results.loadAverageAtStart)}`);

  // --- 1. the stand-in ---------------------------------------------------------------------------
  const { adapterFor } = require(path.join(root, 'api/dist/api/src/sources/vendors/index.js'));
  // what loading the code costs (the Statuspage adapter reuses the import parser, which brings in much of the API)
  const baseRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', '--incidents', String(args.incidents), '--years', String(args.years)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`the PagerDuty stand-in stopped (code ${code}, signal ${signal})`);
      process.exit(1);
    }
  });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const ready = await next();
  const stats = async () => {
    const p = next();
    child.send('stats');
    return p;
  };
  console.log(`PagerDuty stand-in at ${ready.url}: ${ready.count.toLocaleString('en')} incidents over ${args.years} years`);
  const since = new Date(Date.now() - (args.years * 365 + 1) * DAY);
  const conn = { kind: 'PAGERDUTY', baseUrl: ready.url, token: TOKEN, since };

  // --- 2. baseline: the adapter's pull alone -----------------------------------------------------
  async function timedPull(mark) {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let pages = 0;
    let largest = 0;
    let lastMark = null;
    const ids = new Set();
    let duplicates = 0;
    let errors = 0;
    for await (const page of adapterFor('PAGERDUTY').pull(conn, mark)) {
      pages++;
      largest = Math.max(largest, page.incidents.length);
      errors += page.errors.length;
      for (const i of page.incidents) {
        if (ids.has(i.externalId)) duplicates++;
        else ids.add(i.externalId);
      }
      lastMark = page.mark;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      seconds: +seconds.toFixed(2),
      pages,
      largestPage: largest,
      incidents: ids.size,
      duplicates,
      errors,
      peakRssMb: Math.round(peak / 1024 / 1024),
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      lastMark,
      server: await stats(),
    };
  }

  await stats(); // reset the counters
  const full = await timedPull(null);
  const later = await timedPull(full.lastMark);
  const showPull = (name, r) =>
    console.log(
      `${name}: ${r.incidents.toLocaleString('en')} incidents in ${r.pages} pages (largest ${r.largestPage}), ${r.seconds.toFixed(1)} s` +
        ` (${Math.round(r.incidents / r.seconds).toLocaleString('en')}/s), ${r.server.requests.toLocaleString('en')} requests ${JSON.stringify(r.server.byPath)},` +
        ` peak RSS ${r.peakRssMb} MB, duplicates ${r.duplicates}, errors ${r.errors}`,
    );
  showPull('pull alone, full      ', full);
  showPull('pull alone, next run  ', later);
  const problems = [];
  if (full.incidents !== ready.count || full.duplicates)
    problems.push(`the pull alone: expected every one of ${ready.count} incidents exactly once`);
  results.pullAlone = {
    full: { ...full, lastMark: undefined },
    nextRun: { ...later, lastMark: undefined, openIncidents: full.server.open },
    benchRssAfterLoadingCodeMb: baseRssMb,
  };

  // --- 3. the built API on PostgreSQL ------------------------------------------------------------
  psql(serverUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`, `CREATE DATABASE ${DB}`);
  // BENCH_TRACK_FUNCTIONS=1: PostgreSQL times every function (the triggers) in the bench database, and the
  // first sync reports where its statements' trigger time went (pg_stat_user_functions)
  const trackFunctions = process.env.BENCH_TRACK_FUNCTIONS === '1';
  if (trackFunctions) psql(serverUrl, `ALTER DATABASE ${DB} SET track_functions = 'all'`);
  const ADMIN = { email: 'bench@example.com', password: 'Bench-Password-2026' };
  const log = createWriteStream(serverLog);
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), path.join(root, 'api/dist/api/src/main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        PORT: String(args.port),
        HINDSIGHT_DEMO_DATA: 'false',
        HINDSIGHT_ADMIN_EMAIL: ADMIN.email,
        HINDSIGHT_ADMIN_PASSWORD: ADMIN.password,
        HINDSIGHT_SECRET_KEY: 'b'.repeat(64),
        HINDSIGHT_RUN_JOBS: 'true',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(server);
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  server.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`the API stopped on its own (code ${code}, signal ${signal})`);
      tailLog();
      process.exit(1);
    }
  });
  const api = `http://127.0.0.1:${args.port}`;

  async function waitHealthy(ms = 120_000) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      try {
        if ((await fetch(`${api}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    tailLog();
    throw new Error(`the API at ${api} did not become healthy in ${ms / 1000} s (is the port free? is api/dist built?)`);
  }
  let token = null;
  async function gql(query, variables = {}) {
    const res = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok || !body || body.errors)
      throw new Error(`GraphQL ${query.slice(0, 60)}…: HTTP ${res.status} ${JSON.stringify(body?.errors ?? body)}`);
    return body.data;
  }

  try {
    await waitHealthy();
    token = (await gql('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', { e: ADMIN.email, p: ADMIN.password }))
      .login.token;
    const teamId = (await gql('mutation{ createTeam(input:{name:"Bench Ops"}){ id } }')).createTeam.id;
    const sourceId = (
      await gql('mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }', {
        i: {
          kind: 'PAGERDUTY',
          name: 'PagerDuty bench',
          baseUrl: ready.url,
          token: TOKEN,
          teamId,
          syncEveryMinutes: 0,
          since: since.toISOString(),
        },
      })
    ).createSource.id;
    const RUN =
      'id status queuedAt startedAt finishedAt fetched created updated unchanged skipped errorCount errors { externalId message } attempts';
    const xacts = () => Number(sql1(`SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()`));

    /** syncSource, then syncRun polled until it ends; wall time from the mutation to the end. */
    async function timedSync(name) {
      await stats(); // reset the stand-in's counters
      const x0 = xacts();
      const stop = watch(server.pid, backends);
      const t0 = performance.now();
      const queued = (await gql(`mutation($id:ID!){ syncSource(id:$id){ ${RUN} } }`, { id: sourceId })).syncSource;
      let run = queued;
      let polls = 0;
      const progress = [];
      let lastShown = performance.now();
      while (!['SUCCEEDED', 'FAILED'].includes(run.status)) {
        if (Date.now() > deadline - 60_000)
          throw new Error(`${name}: run ${run.id} still ${run.status} near the deadline: ${JSON.stringify(run)}`);
        await new Promise((r) => setTimeout(r, 250));
        run = (await gql(`query($id:ID!){ syncRun(id:$id){ ${RUN} } }`, { id: queued.id })).syncRun;
        polls++;
        progress.push([+((performance.now() - t0) / 1000).toFixed(2), run.fetched]);
        if (performance.now() - lastShown > 15_000) {
          lastShown = performance.now();
          console.log(`  ${name}: ${run.status}, ${run.fetched.toLocaleString('en')} read after ${((lastShown - t0) / 1000).toFixed(0)} s`);
        }
      }
      const seconds = (performance.now() - t0) / 1000;
      const memory = await stop();
      const out = {
        status: run.status,
        seconds: +seconds.toFixed(2),
        // the server's own account: queued → started is the wait for a worker (job polling), started → finished the work
        serverSeconds: +((Date.parse(run.finishedAt) - Date.parse(run.queuedAt)) / 1000).toFixed(2),
        workerPickupSeconds: +((Date.parse(run.startedAt) - Date.parse(run.queuedAt)) / 1000).toFixed(2),
        fetched: run.fetched,
        created: run.created,
        updated: run.updated,
        unchanged: run.unchanged,
        skipped: run.skipped,
        errorCount: run.errorCount,
        errors: run.errors.slice(0, 5),
        attempts: run.attempts,
        incidentsPerSecond: Math.round(run.fetched / seconds),
        ...memory,
        // committed + rolled back in the bench database meanwhile, this script's polls included (pg_stat_database)
        dbTransactions: xacts() - x0,
        polls,
        // incidents read per second over each fifth of the run's reading (does a batch get slower as the table grows?)
        ratesByFifth: byFifth(progress, run.fetched),
        standin: await stats(),
        progress,
      };
      if (run.status !== 'SUCCEEDED') tailLog();
      return out;
    }

    /** From [seconds, fetched] polls: the read rate over each fifth of `total` (null for a fifth with no two polls in it). */
    function byFifth(progress, total) {
      if (total < 5000) return null;
      const at = (n) => progress.find(([, f]) => f >= n)?.[0] ?? null;
      return [0, 1, 2, 3, 4].map((k) => {
        // the first fifth from the last poll before anything was read (not from the mutation: the wait for a worker)
        const a = k === 0 ? (progress.findLast(([, f]) => f === 0)?.[0] ?? 0) : at((total * k) / 5);
        const b = at((total * (k + 1)) / 5);
        const fa = k === 0 ? 0 : progress.find(([, f]) => f >= (total * k) / 5)?.[1];
        const fb = progress.find(([, f]) => f >= (total * (k + 1)) / 5)?.[1];
        return a === null || b === null || b <= a ? null : Math.round((fb - fa) / (b - a));
      });
    }

    const counts = () => {
      const [n, distinct] = sql1(`SELECT count(*), count(DISTINCT external_id) FROM incident WHERE source_id = ${Number(sourceId)}`)
        .split('|')
        .map(Number);
      return { incidents: n, distinctExternalIds: distinct };
    };

    results.apiStartRssMb = Math.round(procMb(server.pid, 'VmRSS'));
    console.log(`\nAPI on ${DB} at ${api} (RSS ${results.apiStartRssMb} MB); source ${sourceId} → ${ready.url}`);
    const functionStats = () =>
      new Map(
        sql1(`SELECT schemaname || '.' || funcname, calls, total_time, self_time FROM pg_stat_user_functions`)
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('|'))
          .map(([name, calls, total, self]) => [name, { calls: Number(calls), totalMs: Number(total), selfMs: Number(self) }]),
      );
    const functionsBefore = trackFunctions ? functionStats() : null;
    results.firstSync = await timedSync('first sync');
    if (trackFunctions) {
      // a backend reports its statistics when idle, at most once a second, else within 10 s
      await new Promise((r) => setTimeout(r, 11_000));
      results.firstSync.functions = [...functionStats()]
        .map(([name, f]) => {
          const b = functionsBefore.get(name) ?? { calls: 0, totalMs: 0, selfMs: 0 };
          return { name, calls: f.calls - b.calls, totalMs: Math.round(f.totalMs - b.totalMs), selfMs: Math.round(f.selfMs - b.selfMs) };
        })
        .filter((f) => f.calls > 0)
        .sort((a, b) => b.totalMs - a.totalMs)
        .slice(0, 15);
      console.log('first sync: functions (triggers) by total time', results.firstSync.functions);
    }
    results.firstSync.sql = counts();
    console.log('first sync', { ...results.firstSync, progress: undefined });
    if (results.firstSync.status !== 'SUCCEEDED') problems.push(`the first sync ended ${results.firstSync.status}`);
    if (results.firstSync.created !== ready.count || results.firstSync.errorCount !== 0)
      problems.push(
        `the first sync: created ${results.firstSync.created} (expected ${ready.count}), errors ${results.firstSync.errorCount}`,
      );
    if (results.firstSync.sql.incidents !== ready.count || results.firstSync.sql.distinctExternalIds !== ready.count)
      problems.push(`after the first sync, SQL finds ${JSON.stringify(results.firstSync.sql)} (expected ${ready.count} of each)`);

    // what every incident looks like now, to show the re-syncs leave them alone
    sql1(`CREATE TABLE bench_before AS SELECT id, version, updated_at, source_values FROM incident WHERE source_id = ${Number(sourceId)}`);
    const touched = () =>
      Number(
        sql1(
          `SELECT count(*) FROM incident i FULL JOIN bench_before b ON b.id = i.id
            WHERE (i.source_id = ${Number(sourceId)} OR b.id IS NOT NULL)
              AND (i.id IS NULL OR b.id IS NULL OR i.version <> b.version OR i.updated_at <> b.updated_at
                   OR i.source_values IS DISTINCT FROM b.source_values)`,
        ),
      );

    results.nextRun = await timedSync('next run');
    results.nextRun.touchedIncidents = touched();
    console.log('next run (from the mark)', { ...results.nextRun, progress: undefined });
    if (results.nextRun.status !== 'SUCCEEDED' || results.nextRun.created || results.nextRun.updated || results.nextRun.errorCount)
      problems.push(`the next run: ${results.nextRun.status}, created ${results.nextRun.created}, updated ${results.nextRun.updated}`);

    sql1(`UPDATE source SET mark = NULL WHERE id = ${Number(sourceId)}`);
    results.fullResync = await timedSync('full re-walk');
    results.fullResync.sql = counts();
    results.fullResync.touchedIncidents = touched();
    console.log('full re-walk of unchanged data (mark reset to NULL)', { ...results.fullResync, progress: undefined });
    if (results.fullResync.unchanged !== ready.count || results.fullResync.created || results.fullResync.updated)
      problems.push(
        `the full re-walk: unchanged ${results.fullResync.unchanged} (expected ${ready.count}), created ${results.fullResync.created}, updated ${results.fullResync.updated}`,
      );
    if (results.fullResync.touchedIncidents || results.nextRun.touchedIncidents)
      problems.push(
        `re-syncs changed ${results.nextRun.touchedIncidents} + ${results.fullResync.touchedIncidents} incidents' version/updated_at`,
      );

    // --- 4. the same incidents through the file import -----------------------------------------
    if (args.import) {
      const file = path.join(work, 'incidents.json');
      execFileSync(
        'psql',
        [
          dbUrl,
          '-X',
          '-qAt',
          '-v',
          'ON_ERROR_STOP=1',
          '-o',
          file,
          '-c',
          `SELECT json_agg(json_build_object(
              'externalId', i.external_id, 'source', 'bench-json', 'title', i.title, 'severity', i.severity,
              'team', t.name, 'service', (SELECT array_agg(s.name ORDER BY s.name) FROM incident_service x JOIN service s ON s.id = x.service_id
                                           WHERE x.incident_id = i.id),
              'startedAt', i.started_at, 'detectedAt', i.detected_at, 'acknowledgedAt', i.acknowledged_at,
              'mitigatedAt', i.mitigated_at, 'resolvedAt', i.resolved_at, 'detectionSource', i.detection_source) ORDER BY i.id)
             FROM incident i JOIN team t ON t.id = i.team_id WHERE i.source_id = ${Number(sourceId)}`,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const size = statSync(file).size;
      const upload = async () => {
        const stop = watch(server.pid, backends);
        const t0 = performance.now();
        const res = await fetch(`${api}/api/import?format=JSON&onInvalid=SKIP_ROW&createMissing=true`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
          body: readFileSync(file),
        });
        const body = await res.json().catch(() => null);
        const seconds = (performance.now() - t0) / 1000;
        const memory = await stop();
        if (!res.ok || !body) throw new Error(`the JSON import failed: HTTP ${res.status} ${JSON.stringify(body)?.slice(0, 500)}`);
        return {
          seconds: +seconds.toFixed(2),
          created: body.created,
          updated: body.updated,
          unchanged: body.unchanged,
          skipped: body.skipped,
          errors: body.errors.length,
          firstErrors: body.errors.slice(0, 3),
          incidentsPerSecond: Math.round(args.incidents / seconds),
          ...memory,
        };
      };
      results.jsonImport = { fileMb: +(size / 1024 / 1024).toFixed(1), first: await upload() };
      console.log('the same incidents as a JSON import', results.jsonImport.first);
      results.jsonImport.again = await upload();
      console.log('the same JSON file again', results.jsonImport.again);
      if (results.jsonImport.first.created !== ready.count) problems.push(`the JSON import created ${results.jsonImport.first.created}`);
    }
    results.apiPeakRssSinceStartMb = Math.round(procMb(server.pid, 'VmHWM'));
    results.loadAverageAtEnd = loadAverage();
    results.totalSeconds = Math.round((Date.now() - started) / 1000);
    results.problems = problems;
  } finally {
    stopping = true;
    server.kill('SIGTERM');
    const exited = new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r() : server.once('exit', r)));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.connected) child.send('stop');
    killAll();
    try {
      if (!args.keep) psql(serverUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    } catch (err) {
      console.error(`could not drop ${DB}: ${String(err.stderr ?? err.message).trim()}`);
    }
  }

  // --- 5. the table --------------------------------------------------------------------------------
  const f = (n) => (n === undefined || n === null ? '–' : typeof n === 'number' ? n.toLocaleString('en') : String(n));
  const rows = [
    ['step', 'time s', 'incidents/s', 'read', 'created', 'updated', 'unchanged', 'errors', 'requests', 'CPU s', 'peak RSS MB'],
    [
      'pull alone (no database), full',
      full.seconds,
      Math.round(full.incidents / full.seconds),
      full.incidents,
      '',
      '',
      '',
      full.errors,
      full.server.requests,
      `${full.cpuSeconds} (bench)`,
      `${full.peakRssMb} (bench process)`,
    ],
    [
      'pull alone, next run',
      later.seconds,
      '',
      later.incidents,
      '',
      '',
      '',
      later.errors,
      later.server.requests,
      `${later.cpuSeconds} (bench)`,
      `${later.peakRssMb} (bench process)`,
    ],
  ];
  const cpu = (r) => `${r.apiCpuSeconds} API + ${r.postgresCpuSeconds ?? '?'} PG`;
  const syncRow = (name, r) => [
    name,
    r.seconds,
    r.incidentsPerSecond,
    r.fetched,
    r.created,
    r.updated,
    r.unchanged,
    r.errorCount,
    r.standin.requests,
    cpu(r),
    `${r.peakRssHwmMb ?? r.peakRssSampledMb} (API, from ${r.rssBeforeMb})`,
  ];
  rows.push(syncRow('first sync (API + PostgreSQL)', results.firstSync));
  rows.push(syncRow('next run (from the mark)', results.nextRun));
  rows.push(syncRow('full re-walk, unchanged', results.fullResync));
  if (results.jsonImport) {
    for (const [name, r] of [
      ['JSON import of the same incidents', results.jsonImport.first],
      ['same JSON file again', results.jsonImport.again],
    ])
      rows.push([
        name,
        r.seconds,
        r.incidentsPerSecond,
        args.incidents,
        r.created,
        r.updated,
        r.unchanged,
        r.errors,
        '',
        cpu(r),
        `${r.peakRssHwmMb ?? r.peakRssSampledMb} (API, from ${r.rssBeforeMb})`,
      ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => f(r[c]).length)));
  console.log('');
  for (const [k, r] of rows.entries()) {
    console.log(r.map((v, c) => (c === 0 ? f(v).padEnd(widths[c]) : f(v).padStart(widths[c]))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `\nload average at start ${JSON.stringify(results.loadAverageAtStart)}, at end ${JSON.stringify(results.loadAverageAtEnd)}; total ${results.totalSeconds} s`,
  );

  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, `bench/results/sources-pagerduty-${results.date.slice(0, 10)}-${ready.count}.json`);
  // formatted as the repository's `prettier --check .` wants it (its short arrays on one line)
  let text = `${JSON.stringify(results, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    text = await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    // prettier not installed: plain JSON
  }
  writeFileSync(file, text);
  console.log(`written ${path.relative(root, file)}`);
  if (problems.length) {
    console.error(`\nPROBLEMS:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
  clearTimeout(watchdog);
}
