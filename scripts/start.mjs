// `npm start`: builds what is missing (a fresh clone has no dist/), then runs the server in this process.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const server = path.join(root, 'api/dist/api/src/main.js');
const steps = [
  ['web', path.join(root, 'web/dist/index.html')],
  ['api', server],
];
for (const [workspace, output] of steps) {
  if (!existsSync(output)) {
    console.log(`building ${workspace} (first start)...`);
    execSync(`npm run build -w ${workspace}`, { cwd: root, stdio: 'inherit' });
  }
}
process.chdir(root);
await import(server);
