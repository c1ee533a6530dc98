import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN, gql, startServer, StartedServer } from './server';

/**
 * The embedded database has one connection: an upload must not hold it before its body is in, and
 * a cut-off multipart body must not crash the server (issue #12).
 */

/** A POST written by hand; ended only when `end` is true (a stalled upload otherwise). */
function post(base: string, path: string, headers: Record<string, string | number>, body: string, end: boolean) {
  const url = new URL(path, base);
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(body);
    if (end) req.end();
    else req.flushHeaders();
  });
}

const BOUNDARY = 'e2e-boundary';
const GOOD = 'external_id,title,service,severity,started_at\ne2e-1,Upload after trouble,Checkout,SEV3,2026-06-05T10:00:00Z\n';

describe('uploads on the embedded database (one connection)', () => {
  let server: StartedServer;
  let token: string;
  const login = async () =>
    (
      await gql(server.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
        e: ADMIN.email,
        p: ADMIN.password,
      })
    ).data.login.token as string;

  beforeAll(async () => {
    server = await startServer({ HINDSIGHT_DEMO_DATA: 'false', HINDSIGHT_UPLOAD_IDLE_MS: '4000' });
    token = await login();
  });
  afterAll(() => server.stop());

  it('signs in while an upload stalls, and answers the stalled upload 408', async () => {
    const stalled = post(
      server.url,
      '/api/import?format=CSV',
      { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': 100_000 },
      GOOD.slice(0, 40),
      false,
    );
    await new Promise((r) => setTimeout(r, 500)); // past authentication, into the import endpoint
    expect(await login()).toEqual(expect.any(String));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await stalled).toEqual({ status: 408, body: { error: { code: 'REQUEST_TIMEOUT', message: expect.any(String) } } });
  });

  it('answers a multipart body cut off after the file part headers with 400, and stays healthy', async () => {
    const truncated = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const r = await post(
      server.url,
      '/api/import?format=CSV',
      {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': Buffer.byteLength(truncated),
      },
      truncated,
      true,
    );
    expect(r).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.any(String), fields: ['file'] } } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const good = await fetch(`${server.url}/api/import?format=CSV&createMissing=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: GOOD,
    });
    expect({ status: good.status, body: await good.json() }).toMatchObject({ status: 200, body: { created: 1, errorCount: 0 } });
  });
});

describe('SIGTERM during a large import', () => {
  it('rolls the import back, cuts off an upload still being read, answers both 503, leaves no temporary file and exits', async () => {
    const spool = mkdtempSync(path.join(tmpdir(), 'hindsight-e2e-spool-'));
    const server = await startServer({ HINDSIGHT_DEMO_DATA: 'false', TMPDIR: spool });
    try {
      const login = await gql(server.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
        e: ADMIN.email,
        p: ADMIN.password,
      });
      const lines = ['external_id,title,service,severity,started_at'];
      for (let i = 0; i < 200_000; i++) lines.push(`s-${i},Broken ${i},Nowhere,SEV9,not a time`);
      const body = lines.join('\n') + '\n';
      const url = new URL('/api/import?format=CSV&onInvalid=SKIP_ROW', server.url);
      let flushed!: () => void;
      const sent = new Promise<void>((r) => (flushed = r));
      const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
        const req = httpRequest({
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: 'POST',
          headers: {
            authorization: `Bearer ${login.data.login.token}`,
            'content-type': 'text/csv',
            'content-length': Buffer.byteLength(body),
          },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end(body, () => flushed());
      });
      await sent; // the whole file is on its way; reading and checking its 200,000 rows takes the server a while
      const stalled = post(
        server.url,
        '/api/import?format=CSV',
        { authorization: `Bearer ${login.data.login.token}`, 'content-type': 'text/csv', 'content-length': 100_000 },
        GOOD.slice(0, 40),
        false,
      );
      await new Promise((r) => setTimeout(r, 500)); // the stalled upload reaches the endpoint
      process.kill(server.pid, 'SIGTERM');
      const unavailable = { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) } } };
      expect(await answer).toEqual(unavailable);
      expect(await stalled).toEqual(unavailable);
      await server.exit;
      expect(readdirSync(spool)).toEqual([]);
    } finally {
      await server.stop();
      rmSync(spool, { recursive: true, force: true });
    }
  });
});
