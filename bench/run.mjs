#!/usr/bin/env node
// `npm run bench`: every benchmark of bench/, one after the other, each comparing the API with a
// baseline in the same run (raw SQL, or the vendor adapter alone). `npm run bench -- metrics --incidents
// 200000` (or `-- import --rows 20000`, `-- sources-pagerduty --incidents 5000`, or `-- overview-page --reuse`) runs one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = ['metrics', 'import', 'sources-pagerduty', 'overview-page'];
const [first, ...rest] = process.argv.slice(2);
// flags without a benchmark name go to the metrics benchmark (the one the README's figures come from)
const chosen = all.includes(first) ? [[first, rest]] : all.map((b) => [b, b === 'metrics' && first ? [first, ...rest] : []]);
for (const [name, args] of chosen) {
  console.log(`\n=== bench/${name}.mjs ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(here, `${name}.mjs`), ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
