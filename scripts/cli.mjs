#!/usr/bin/env node
// Hindsight's command line for automation: talks to a running server over HTTP.
//   npm run cli -- import FILE [--format CSV|JSON|STATUSPAGE] [--dry-run] [--on-invalid SKIP_ROW] [--create-missing]
//   npm run cli -- report --quarter 2026-Q3 --format pdf --out FILE
//   npm run cli -- export --out incidents.csv [--from ISO] [--to ISO] [--severities SEV1,SEV2] ...
// Common options: --url (default http://127.0.0.1:3000, or HINDSIGHT_URL) and --token (or HINDSIGHT_TOKEN).
import { Command, Option } from 'commander';
import { createReadStream, createWriteStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const program = new Command('hindsight').description('Hindsight automation: import incidents, export them, fetch quarterly reports.');

const common = (cmd) =>
  cmd
    .option('--url <url>', 'server address', process.env.HINDSIGHT_URL ?? 'http://127.0.0.1:3000')
    .option('--token <token>', 'API token or session token (default: HINDSIGHT_TOKEN)', process.env.HINDSIGHT_TOKEN);

function need(token) {
  if (!token) fail('no token: pass --token or set HINDSIGHT_TOKEN (an API token with the IMPORT or READ scope)', 64);
  return { authorization: `Bearer ${token}` };
}

function fail(message, code = 1) {
  console.error(`hindsight: ${message}`);
  process.exit(code);
}

async function call(url, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    fail(`cannot reach ${new URL(url).origin}: ${err.cause?.message ?? err.message}`);
  }
  if (!res.ok) {
    const text = await res.text();
    let message = text;
    try {
      const body = JSON.parse(text);
      message = `${body.error?.code ?? res.status}: ${body.error?.message ?? text}`;
    } catch {
      // not our JSON error body: show the text as it is
    }
    fail(`HTTP ${res.status} ${message}`);
  }
  return res;
}

/** CSV by extension; a .json file that has "incidents" and "page" at the top is a Statuspage export. */
function guessFormat(file) {
  if (/\.csv$/i.test(file)) return 'CSV';
  if (/\.json$/i.test(file)) {
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(Math.min(65536, statSync(file).size));
    readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    const head = buf.toString('utf8').trimStart();
    return head.startsWith('{') && /"incidents"\s*:/.test(head) ? 'STATUSPAGE' : 'JSON';
  }
  return 'CSV';
}

common(program.command('import <file>').description('import incidents from a file (streamed: files of any size)'))
  .addOption(
    new Option('--format <format>', 'file format (default: from the file name and content)')
      .choices(['CSV', 'JSON', 'STATUSPAGE'])
      .argParser((v) => v.toUpperCase()),
  )
  .option('--dry-run', 'validate and count only; store nothing', false)
  .addOption(
    new Option('--on-invalid <policy>', 'what an invalid row does')
      .choices(['REJECT_ALL', 'SKIP_ROW'])
      .default('REJECT_ALL')
      .argParser((v) => v.toUpperCase()),
  )
  .option('--create-missing', 'create unknown services, teams, causes and mechanisms', false)
  .option('--json', 'print the whole result as JSON', false)
  .action(async (file, o) => {
    try {
      statSync(file);
    } catch {
      fail(`no such file: ${file}`, 66);
    }
    const query = new URLSearchParams({
      format: o.format ?? guessFormat(file),
      dryRun: String(o.dryRun),
      onInvalid: o.onInvalid,
      createMissing: String(o.createMissing),
    });
    const t0 = Date.now();
    const res = await call(`${o.url}/api/import?${query}`, {
      method: 'POST',
      headers: { ...need(o.token), 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(createReadStream(file)),
      duplex: 'half',
    });
    const result = await res.json();
    if (o.json) console.log(JSON.stringify(result, null, 2));
    else {
      const what = o.dryRun ? 'dry run (nothing stored)' : 'imported';
      console.log(
        `${what}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
      for (const e of result.errors.slice(0, 50)) console.log(`  row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
      // errors lists the first 1,000; errorCount counts them all
      const count = result.errorCount ?? result.errors.length;
      if (count > 50) console.log(`  ... and ${count - 50} more (--json lists the first 1,000)`);
    }
    process.exitCode = (result.errorCount ?? result.errors.length) ? 2 : 0;
  });

common(program.command('report').description('download the quarterly reliability report'))
  .requiredOption('--quarter <quarter>', 'e.g. 2026-Q3')
  .addOption(
    new Option('--format <format>', 'report format')
      .choices(['pdf', 'md', 'json', 'csv'])
      .default('pdf')
      .argParser((v) => v.toLowerCase()),
  )
  .option('--out <file>', 'write here (default: standard output)')
  .action(async (o) => {
    const res = await call(`${o.url}/api/reports/quarterly?${new URLSearchParams({ quarter: o.quarter, format: o.format })}`, {
      headers: need(o.token),
    });
    await pipeline(Readable.fromWeb(res.body), o.out ? createWriteStream(o.out) : process.stdout);
    if (o.out) console.error(`wrote ${o.out} (${statSync(o.out).size} bytes)`);
  });

common(program.command('export').description('export incidents as the import CSV'))
  .option('--out <file>', 'write here (default: standard output)')
  .option('--from <iso>')
  .option('--to <iso>')
  .option('--service-ids <ids>')
  .option('--team-ids <ids>')
  .option('--severities <list>')
  .option('--statuses <list>')
  .option('--root-cause-ids <ids>')
  .option('--search <words>')
  .action(async (o) => {
    const q = new URLSearchParams();
    for (const [opt, param] of [
      ['from', 'from'],
      ['to', 'to'],
      ['serviceIds', 'serviceIds'],
      ['teamIds', 'teamIds'],
      ['severities', 'severities'],
      ['statuses', 'statuses'],
      ['rootCauseIds', 'rootCauseIds'],
      ['search', 'search'],
    ]) {
      if (o[opt]) q.set(param, o[opt]);
    }
    const res = await call(`${o.url}/api/export/incidents.csv?${q}`, { headers: need(o.token) });
    await pipeline(Readable.fromWeb(res.body), o.out ? createWriteStream(o.out) : process.stdout);
  });

program.parseAsync().catch((err) => fail(err.message));
