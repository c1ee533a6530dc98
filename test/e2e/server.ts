import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const ADMIN = { email: 'admin@example.com', password: 'E2e-Admin-Password-1' };

export interface StartedServer {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

/** Starts the built server (`node api/dist/...`) on an ephemeral port and a fresh embedded database. */
export async function startServer(
  env: Record<string, string> = {},
  opts: { dir?: string; keep?: boolean; timeoutMs?: number; attempt?: number } = {},
): Promise<StartedServer & { dir: string; exit: Promise<number | null>; pid: number }> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'hindsight-e2e-'));
  const timeoutMs = opts.timeoutMs ?? 150_000;
  // below Linux's ephemeral range (32768+), where outgoing connections (PostgreSQL, stand-ins, Chromium) take ports
  const port = 20000 + Math.floor(Math.random() * 12000);
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'api/dist/api/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      HINDSIGHT_DATA_DIR: path.join(dir, 'db'),
      HINDSIGHT_DEMO_DATA: 'true',
      HINDSIGHT_ADMIN_EMAIL: ADMIN.email,
      HINDSIGHT_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  };
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) {
      // another process took the port between the draw and the listen: draw again (a fresh directory unless given)
      if (/EADDRINUSE/.test(output) && (opts.attempt ?? 0) < 5) {
        if (!opts.dir) rmSync(dir, { recursive: true, force: true });
        return startServer(env, { ...opts, attempt: (opts.attempt ?? 0) + 1 });
      }
      await stop();
      throw new Error(`server exited with ${child.exitCode}: ${output.slice(-1000)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return { url, dir, exit, pid: child.pid!, log: () => output, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`server not healthy within ${timeoutMs} ms: ${output.slice(-1000)}`);
}

export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: T; errors?: any[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...(await res.json()) };
}
