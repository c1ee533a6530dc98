// `npm test`: every test of the project, in order — API (jest, real PostgreSQL), web (vitest),
// end-to-end (the built server over HTTP and in Chromium). Prints one total line at the end.
import { spawnSync } from 'node:child_process';

const suites = [
  ['build', 'npm', ['run', 'build']],
  ['api', 'npm', ['test', '-w', 'api', '--', '--ci']],
  ['web', 'npm', ['test', '-w', 'web']],
  ['e2e', 'npm', ['test', '-w', 'test', '--', '--ci']],
];
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of suites) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  // vitest colours its summary: drop ANSI escapes before reading it
  // eslint-disable-next-line no-control-regex
  const out = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  // jest: "Tests:  2 failed, 40 passed, 42 total"; vitest: "Tests  12 passed (12)" / "Tests  1 failed | 11 passed (12)"
  for (const line of out.split('\n').filter((l) => /^\s*Tests:?\s/.test(l))) {
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  if (r.status !== 0) {
    console.log(`\n${name} failed (exit ${r.status})`);
    console.log(`total: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\ntotal: ${passed} passed, ${failed} failed`);
