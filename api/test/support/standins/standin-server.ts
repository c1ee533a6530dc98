import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request a stand-in received (tests assert on these: how many, which parameters). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

/** A failure the stand-in answers instead of the real thing, `times` times, to requests whose path starts with `path`. */
export interface Injection {
  status: number;
  times: number;
  /** Sent as `Retry-After` (seconds or an HTTP date). */
  retryAfter?: string;
  path?: string;
  body?: unknown;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 (a free port) that records requests and can be told to fail. */
export class StandinServer {
  readonly requests: RecordedRequest[] = [];
  private readonly injections: Injection[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly handler: Handler) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Answers the next `times` matching requests with `status` (429 with Retry-After, 503, ...). */
  inject(injection: Injection): this {
    this.injections.push({ ...injection });
    return this;
  }

  /** Requests so far whose path starts with `prefix` (all when omitted). */
  count(prefix = ''): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://standin');
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers };
    this.requests.push(recorded);
    const i = this.injections.findIndex((x) => x.times > 0 && (!x.path || u.pathname.startsWith(x.path)));
    if (i >= 0) {
      const inj = this.injections[i];
      inj.times--;
      if (inj.times === 0) this.injections.splice(i, 1);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (inj.retryAfter !== undefined) headers['retry-after'] = inj.retryAfter;
      res.writeHead(inj.status, headers);
      res.end(JSON.stringify(inj.body ?? { error: { message: `injected ${inj.status}` } }));
      return;
    }
    try {
      await this.handler(recorded, res);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, { error: { message: (e as Error).message } });
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A small seeded PRNG (mulberry32): the same seed serves the same incidents, run after run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
