// `npm start`: builds what is missing (a fresh clone has no dist/), then runs the server in this process.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const server = path.join(root, 'api/dist/api/src/main.js');
const steps = [
  ['web', path.join(root, 'web/dist/index.html')],
  ['api', server],
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// the two builds are independent and mostly single-threaded (tsc): run them side by side
const builds = steps
  .filter(([, output]) => !existsSync(output))
  .map(([workspace]) => {
    console.log(`building ${workspace} (first start)...`);
    const child = spawn(npm, ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    return new Promise((resolve) => child.once('exit', (code) => resolve([workspace, code])));
  });
for (const [workspace, code] of await Promise.all(builds)) {
  if (code !== 0) {
    console.error(`building ${workspace} failed (exit code ${code})`);
    process.exit(1);
  }
}
process.chdir(root);
await import(server);
