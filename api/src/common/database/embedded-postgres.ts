import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** A running embedded PostgreSQL (PGlite) reachable over the wire protocol on loopback. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** What the worker thread is started with (it runs this same file). */
const WORKER_KIND = 'hindsight-embedded-postgres';
type FromWorker = { port: number } | { error: string } | { stopped: true };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The worker thread's side: PGlite on `dataDir` behind pglite-socket. PGlite runs PostgreSQL compiled to
 * WebAssembly on the thread that calls it; in a thread of its own, a first start's initdb (seconds) runs while
 * the main thread loads the app, and the database's work never blocks the HTTP event loop.
 */
async function serve(dataDir: string): Promise<void> {
  const port = parentPort!;
  try {
    mkdirSync(dataDir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(dataDir);
    const listenPort = await freePort();
    const server = new PGLiteSocketServer({ db, port: listenPort, host: '127.0.0.1', maxConnections: 16 });
    await server.start();
    port.once('message', () => {
      void (async () => {
        await server.stop().catch(() => undefined);
        await db.close().catch(() => undefined);
        port.postMessage({ stopped: true } satisfies FromWorker);
        port.close();
      })();
    });
    port.postMessage({ port: listenPort } satisfies FromWorker);
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
    port.close();
  }
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === WORKER_KIND) {
  void serve((workerData as { dataDir: string }).dataDir);
}

function launch(dataDir: string): Promise<EmbeddedPostgres> {
  const worker = new Worker(__filename, { workerData: { kind: WORKER_KIND, dataDir } });
  return new Promise((resolve, reject) => {
    const exited = (code: number) => reject(new Error(`the embedded PostgreSQL thread exited (${code}) before it was ready`));
    worker.once('error', reject);
    worker.once('exit', exited);
    worker.once('message', (m: FromWorker) => {
      worker.off('exit', exited);
      if ('error' in m) {
        void worker.terminate();
        reject(new Error(`the embedded PostgreSQL did not start: ${m.error}`));
      } else if ('port' in m) {
        resolve({
          url: `postgres://postgres:postgres@127.0.0.1:${m.port}/postgres`,
          async stop() {
            const stopped = new Promise<void>((done) => {
              worker.once('message', () => done());
              worker.once('exit', () => done());
            });
            worker.postMessage('stop');
            await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000).unref())]);
            await worker.terminate();
          },
        });
      }
    });
  });
}

let prestarted: { dataDir: string; started: Promise<EmbeddedPostgres> } | undefined;

/**
 * Starts the embedded database early (main.ts calls it before loading the app): the next
 * startEmbeddedPostgres for the same directory takes this one over.
 */
export function prestartEmbeddedPostgres(dataDir: string): void {
  const started = launch(dataDir);
  started.catch(() => undefined); // reported to whoever takes it over
  prestarted = { dataDir, started };
}

/**
 * Starts PGlite on `dataDir` behind pglite-socket, in a worker thread, so the same `pg` driver, TypeORM
 * code and migrations run unchanged. PGlite has one backend session: queries are serialised, which is
 * fine for one developer and the reason CI tests run on a real PostgreSQL server instead.
 */
export function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  if (prestarted?.dataDir === dataDir) {
    const { started } = prestarted;
    prestarted = undefined;
    return started;
  }
  return launch(dataDir);
}
