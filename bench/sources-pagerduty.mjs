#!/usr/bin/env node
/**
 * PagerDuty pull benchmark: the built adapter against the PagerDuty stand-in over real HTTP.
 *
 *   npx tsc -p api/tsconfig.build.json && node bench/sources-pagerduty.mjs [--incidents 50000] [--years 2]
 *
 * 1. starts the PagerDuty stand-in of the API tests (api/test/support/standins, transpiled on the fly)
 *    in a child process, serving N seeded incidents spread over the last Y years (with their log
 *    entries), so this process's memory is the adapter's alone;
 * 2. times `adapterFor('PAGERDUTY').pull` end to end from api/dist (every page, nothing stored), sampling
 *    RSS every 50 ms; checks that every incident came exactly once;
 * 3. times the next scheduled run from the finished run's mark (incidents still open, the last hour);
 * 4. prints pages, requests by endpoint, time, incidents/s and peak RSS, and writes them to
 *    bench/results/sources-pagerduty-<date>-<incidents>.json.
 *
 * The sync into the database is not part of this (the sync engine's benchmark extends it).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

const args = { incidents: 50_000, years: 2, serve: false };
for (let n = 2; n < process.argv.length; n++) {
  const a = process.argv[n];
  if (a === '--incidents') args.incidents = Number(process.argv[++n]);
  else if (a === '--years') args.years = Number(process.argv[++n]);
  else if (a === '--serve') args.serve = true;
  else throw new Error(`unknown argument ${a}`);
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
  return require(path.join(out, 'pagerduty.standin.js'));
}

if (args.serve) {
  // the child: serve, answer stats over IPC
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
  const { adapterFor } = require(path.join(root, 'api/dist/api/src/sources/vendors/index.js'));
  // what loading the code costs (the Statuspage adapter reuses the import parser, which brings in much of the API)
  const baseRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', '--incidents', String(args.incidents), '--years', String(args.years)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const ready = await next();
  const stats = async () => {
    const p = next();
    child.send('stats');
    return p;
  };
  console.log(`PagerDuty stand-in at ${ready.url}: ${ready.count.toLocaleString('en')} incidents over ${args.years} years`);
  const conn = { kind: 'PAGERDUTY', baseUrl: ready.url, token: TOKEN, since: new Date(Date.now() - (args.years * 365 + 1) * DAY) };

  async function timedPull(mark) {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
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
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      seconds,
      pages,
      largestPage: largest,
      incidents: ids.size,
      duplicates,
      errors,
      peakRssMb: Math.round(peak / 1024 / 1024),
      lastMark,
      server: await stats(),
    };
  }

  await stats(); // reset the counters
  const full = await timedPull(null);
  const later = await timedPull(full.lastMark);
  child.send('stop');

  const show = (name, r) =>
    console.log(
      `${name}: ${r.incidents.toLocaleString('en')} incidents in ${r.pages} pages (largest ${r.largestPage}), ${r.seconds.toFixed(1)} s` +
        ` (${Math.round(r.incidents / r.seconds).toLocaleString('en')}/s), ${r.server.requests.toLocaleString('en')} requests ${JSON.stringify(r.server.byPath)},` +
        ` peak RSS ${r.peakRssMb} MB, duplicates ${r.duplicates}, errors ${r.errors}`,
    );
  show('full pull ', full);
  show('next run  ', later);
  console.log(
    `RSS after loading the code ${baseRssMb} MB; process max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (full.incidents !== ready.count || full.duplicates) {
    console.error(`expected every one of ${ready.count} incidents exactly once`);
    process.exitCode = 1;
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    incidents: ready.count,
    years: args.years,
    full: { ...full, lastMark: undefined },
    nextRun: { ...later, lastMark: undefined, openIncidents: full.server.open },
    baseRssMb,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    load: loadavg(),
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, `bench/results/sources-pagerduty-${result.date.slice(0, 10)}-${ready.count}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written ${path.relative(root, file)}`);
}
