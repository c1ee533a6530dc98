#!/usr/bin/env node
/**
 * Import benchmark: one command, real PostgreSQL, the built API.
 *
 *   npx tsc -p api/tsconfig.build.json && node bench/import.mjs [--rows 100000] [--keep]
 *
 * 1. writes a CSV of N incidents in the import format (deterministic: 40 services, causes, assessments,
 *    every phase timestamp, about 1 row in 40 with a problem SKIP_ROW must report);
 * 2. (re)creates the database `hindsight_import_bench` on BENCH_DATABASE_URL's server
 *    (default postgres://postgres@127.0.0.1:5432/postgres) and starts the built API on it (port 3918);
 * 3. times POST /api/import (raw streamed body, onInvalid=SKIP_ROW, createMissing=true) and samples the
 *    server's RSS every 100 ms, then imports the same file again (every row unchanged);
 * 4. times `\copy` of the same file into a scratch table with one text column per CSV column (the floor:
 *    PostgreSQL's own bulk path, no parsing into types, no indexes) and into a typed scratch table made
 *    LIKE incident INCLUDING ALL (its generated columns, checks and indexes), in the same run;
 * 5. prints the timings, the ratios import / COPY and the machine's load averages, and writes them to
 *    bench/results/import-<date>-<rows>.json.
 *
 * BENCH_SERVER_NODE_ARGS passes node flags to the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const args = { rows: 100_000, port: 3918, keep: false };
for (let n = 2; n < process.argv.length; n++) {
  const a = process.argv[n];
  if (a === '--rows') args.rows = Number(process.argv[++n]);
  else if (a === '--port') args.port = Number(process.argv[++n]);
  else if (a === '--keep') args.keep = true;
  else throw new Error(`unknown argument ${a}`);
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'hindsight_import_bench';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const ADMIN = { email: 'bench@example.com', password: 'Bench-Password-2026' };
// the import's own column list, from the build (the SPEC's CSV columns)
const { COLUMNS } = createRequire(import.meta.url)(path.join(root, 'api/dist/api/src/imports/import-row.js'));
const CAUSES = [
  'Deployment / release',
  'Configuration change',
  'Capacity / overload',
  'Software bug',
  'DNS',
  'CDN',
  'Cloud provider outage',
  'Human / operational error',
  'Monitoring gap',
];
const MECHANISMS = ['Multi-region', 'Multi-zone', 'Database replica / failover', 'Load-balanced pool', 'Rollback / kill switch'];
const OUTCOMES = ['missing', 'failed', 'partial', 'worked', ''];
const SOURCES = ['monitoring', 'customer report', 'internal_report', ''];

/** A small deterministic generator, so runs compare. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function writeCsv(file, n) {
  const r = rng(42);
  const out = createWriteStream(file);
  const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMNS.join(',')];
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 1; i <= n; i++) {
    const start = t0 + Math.floor(r() * 2.9 * 365 * 86400_000) + Math.floor(r() * 1000) / 1000; // sub-ms are dropped by Date, fine
    const ttd = r() * 30 * 60_000;
    const tta = ttd + r() * 20 * 60_000;
    const ttm = tta + r() * 240 * 60_000;
    const ttr = ttm + r() * 600 * 60_000;
    const iso = (ms) => new Date(ms).toISOString();
    const svc = `Service ${1 + Math.floor(r() * 40)}`;
    const svc2 = r() < 0.2 ? `;Service ${1 + Math.floor(r() * 40)}` : '';
    const mech = MECHANISMS[Math.floor(r() * MECHANISMS.length)];
    const bad = i % 40 === 0; // a zone-less timestamp: a row error SKIP_ROW reports
    lines.push(
      [
        `bench-${i}`,
        q(`Incident ${i}, ${svc} degraded`),
        `${svc}${svc2 === `;${svc}` ? '' : svc2}`,
        '',
        `SEV${1 + Math.floor(r() * 4)}`,
        bad ? iso(start).replace('Z', '') : iso(start),
        iso(start + ttd),
        iso(start + tta),
        iso(start + ttm),
        r() < 0.02 ? '' : iso(start + ttr),
        CAUSES[Math.floor(r() * CAUSES.length)],
        r() < 0.3 ? 'Monitoring gap;Runbook gap' : '',
        mech,
        OUTCOMES[Math.floor(r() * OUTCOMES.length)],
        SOURCES[Math.floor(r() * SOURCES.length)],
        q(r() < 0.5 ? 'Customers saw errors; rolled back.' : ''),
        r() < 0.05 ? 'yes' : 'no',
        r() < 0.03 ? '1' : '0',
        '',
      ].join(','),
    );
    if (lines.length >= 5000) {
      out.write(lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  out.write(lines.join('\n') + '\n');
  return new Promise((resolve) => out.end(resolve));
}

const psql = (url, ...cmd) =>
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', ...cmd.flatMap((c) => ['-c', c])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();

async function waitHealthy(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become healthy');
}

const loadAverage = () => {
  const [m1, m5, m15] = loadavg().map((l) => +l.toFixed(2));
  return { '1m': m1, '5m': m5, '15m': m15 };
};

const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
};

async function main() {
  const work = path.join(tmpdir(), `hindsight-import-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const file = path.join(work, 'incidents.csv');
  let t = Date.now();
  await writeCsv(file, args.rows);
  const size = statSync(file).size;
  console.log(`generated ${args.rows} rows, ${(size / 1024 / 1024).toFixed(1)} MB in ${Date.now() - t} ms`);

  psql(serverUrl, `DROP DATABASE IF EXISTS ${DB}`, `CREATE DATABASE ${DB}`);
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
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const api = `http://127.0.0.1:${args.port}`;
  const results = {
    date: new Date().toISOString(),
    rows: args.rows,
    fileMB: +(size / 1024 / 1024).toFixed(1),
    node: process.version,
    // the machine's 1, 5 and 15 minute load averages: other work on it skews every timing below
    loadAverageAtStart: loadAverage(),
  };
  try {
    await waitHealthy(api);
    const login = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }',
        variables: { e: ADMIN.email, p: ADMIN.password },
      }),
    });
    const token = (await login.json()).data.login.token;
    const rssBefore = rssMb(server.pid);
    const upload = async () => {
      let peak = rssMb(server.pid);
      const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 100);
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${api}/api/import?format=CSV&onInvalid=SKIP_ROW&createMissing=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: Readable.toWeb(createReadStream(file)),
        duplex: 'half',
      });
      const body = await res.json();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(timer);
      if (!res.ok) throw new Error(`import failed: ${res.status} ${JSON.stringify(body)}`);
      const kinds = {};
      for (const e of body.errors) {
        const k = `${e.field}: ${e.message.replace(/"[^"]*"/g, '"…"').replace(/\([^)]*\)/g, '(…)')}`.slice(0, 90);
        kinds[k] = (kinds[k] ?? 0) + 1;
      }
      return {
        ms: Math.round(ms),
        created: body.created,
        updated: body.updated,
        unchanged: body.unchanged,
        skipped: body.skipped,
        errors: body.errors.length,
        errorKinds: kinds,
        peakRssMB: Math.round(peak),
      };
    };
    results.serverRssBeforeMB = Math.round(rssBefore);
    results.firstImport = await upload();
    console.log('first import', results.firstImport);
    results.reimport = await upload();
    console.log('same file again', results.reimport);

    // raw COPY of the same rows, same server, same run
    const copy = (table) => {
      const t0 = process.hrtime.bigint();
      psql(dbUrl, `\\copy ${table} (${COLUMNS.join(', ')}) FROM '${file}' WITH (FORMAT csv, HEADER true)`);
      return Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
    };
    psql(
      dbUrl,
      `CREATE UNLOGGED TABLE IF NOT EXISTS scratch_text (${COLUMNS.map((c) => `${c} text`).join(', ')})`,
      'TRUNCATE scratch_text',
    );
    results.copyTextMs = copy('scratch_text');
    // typed: the incident table's own shape (generated columns, indexes); the CSV's name columns, which are
    // not incident columns, go to text columns beside it
    psql(
      dbUrl,
      'DROP TABLE IF EXISTS scratch_typed',
      'CREATE TABLE scratch_typed (LIKE incident INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING INDEXES)',
      'ALTER TABLE scratch_typed DROP CONSTRAINT IF EXISTS incident_phase_order, ALTER COLUMN team_id DROP NOT NULL, ALTER COLUMN source DROP NOT NULL, ADD COLUMN service text, ADD COLUMN team text, ADD COLUMN root_cause text, ADD COLUMN contributing_causes text, ADD COLUMN redundancy_mechanism text, ADD COLUMN redundancy_outcome text, ALTER COLUMN detection_source TYPE text',
    );
    try {
      results.copyTypedMs = copy('scratch_typed');
    } catch (err) {
      results.copyTypedMs = null;
      results.copyTypedError = String(err.stderr ?? err.message)
        .trim()
        .split('\n')[0];
    }
    results.ratioImportToCopyText = +(results.firstImport.ms / results.copyTextMs).toFixed(1);
    if (results.copyTypedMs) results.ratioImportToCopyTyped = +(results.firstImport.ms / results.copyTypedMs).toFixed(1);
    results.importRowsPerSecond = Math.round((args.rows / results.firstImport.ms) * 1000);
    results.loadAverageAtEnd = loadAverage();
    console.log(JSON.stringify(results, null, 2));
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(
      path.join(root, `bench/results/import-${results.date.slice(0, 10)}-${args.rows}.json`),
      JSON.stringify(results, null, 2) + '\n',
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (!args.keep) psql(serverUrl, `DROP DATABASE IF EXISTS ${DB}`);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
