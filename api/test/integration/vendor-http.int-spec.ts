import { ServerResponse } from 'node:http';
import { SourceFetchError } from '../../src/sources/source-incident';
import { setVendorHttpPolicy, vendorGetJson } from '../../src/sources/vendors/vendor-http';
import { recordRetryWaits } from '../support/standins/fast-retries';
import { sendJson, StandinServer } from '../support/standins/standin-server';

const TOKEN = 'sk_live_VerySecretToken42';

describe('vendorGetJson against a loopback server', () => {
  const retries = recordRetryWaits();
  afterAll(() => retries.restore());
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/ok': (res) => sendJson(res, 200, { ok: true }),
    '/echo-token': (res) => sendJson(res, 400, { error: { message: `bad token ${TOKEN}`, errors: [`token=${TOKEN}`] } }),
    '/html': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    },
    '/huge': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no length: the cap applies while reading
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 64) {
          sent++;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end('{}');
      };
      more();
    },
    '/declared-huge': (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      res.write('{');
    },
    '/stall': () => undefined,
    '/gone': (res) => sendJson(res, 404, { error: 'nope' }),
    '/forbidden': (res) => sendJson(res, 403, { error: { message: 'Access Denied' } }),
  };
  let server: StandinServer;
  beforeAll(async () => {
    server = await new StandinServer((req, res) => (routes[req.path] ?? routes['/gone'])(res)).start();
  });
  afterAll(() => server.close());
  const get = (path: string, extra: Parameters<typeof vendorGetJson>[1] = {}) =>
    vendorGetJson(`${server.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` }, secrets: [TOKEN], ...extra });
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof SourceFetchError) return e;
      throw e;
    }
    throw new Error('expected a SourceFetchError');
  };

  it('reads JSON', async () => {
    expect(await get('/ok')).toEqual({ ok: true });
  });

  it("another 4xx is an HTTP error quoting the vendor's message, with the token cut out", async () => {
    const e = await failure(get('/echo-token'));
    expect(e.problem).toBe('HTTP');
    expect(e.status).toBe(400);
    expect(e.message).toContain('answered HTTP 400 to GET /echo-token: bad token ***; token=***');
    expect(e.message).not.toContain(TOKEN);
  });

  it('403 is AUTH; 404 is HTTP unless asked for as null', async () => {
    expect((await failure(get('/forbidden'))).problem).toBe('AUTH');
    expect((await failure(get('/gone'))).status).toBe(404);
    expect(await get('/gone', { allow404: true } as never)).toBeNull();
  });

  it('an answer that is not JSON is PAYLOAD', async () => {
    const e = await failure(get('/html'));
    expect(e.problem).toBe('PAYLOAD');
    expect(e.message).toMatch(/did not answer JSON to GET \/html$/);
  });

  it('an answer over the size cap is PAYLOAD, declared or not', async () => {
    const previous = setVendorHttpPolicy({ maxBytes: 1024 * 1024 });
    try {
      expect((await failure(get('/huge'))).message).toMatch(/^the answer from 127\.0\.0\.1:\d+ is larger than 1 MB$/);
      expect((await failure(get('/declared-huge'))).problem).toBe('PAYLOAD');
    } finally {
      setVendorHttpPolicy(previous);
    }
  });

  it('no answer within the timeout: retried, then UNREACHABLE saying so', async () => {
    const previous = setVendorHttpPolicy({ timeoutMs: 200, maxAttempts: 2 });
    try {
      server.requests.splice(0);
      const e = await failure(get('/stall'));
      expect(e.problem).toBe('UNREACHABLE');
      expect(e.message).toMatch(/^cannot reach 127\.0\.0\.1:\d+: no answer within 0 s$/);
      expect(server.count('/stall')).toBe(2);
    } finally {
      setVendorHttpPolicy(previous);
    }
  });

  it("the caller's own deadline (a connection test's) reads as UNREACHABLE, not as a cancelled pull", async () => {
    const e = await failure(get('/stall', { signal: AbortSignal.timeout(150) }));
    expect(e.problem).toBe('UNREACHABLE');
    expect(e.message).toMatch(/^cannot reach 127\.0\.0\.1:\d+: no answer in the time allowed$/);
  });

  it('a deadline passing while waiting to retry reports the last problem (HTTP 503), not a timeout', async () => {
    const previous = setVendorHttpPolicy({
      sleep: (ms, signal) =>
        new Promise((_resolve, reject) => {
          signal!.addEventListener('abort', () => reject(signal!.reason), { once: true });
        }),
    });
    try {
      server.inject({ status: 503, times: 1 });
      const e = await failure(get('/ok', { signal: AbortSignal.timeout(200) }));
      expect(e.problem).toBe('HTTP');
      expect(e.status).toBe(503);
    } finally {
      setVendorHttpPolicy(previous);
    }
  });

  it('a cancelled pull is ABORTED, also while waiting to retry', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await failure(get('/ok', { signal: ac.signal }))).problem).toBe('ABORTED');
    const later = new AbortController();
    const previous = setVendorHttpPolicy({
      sleep: async () => {
        later.abort();
        throw new Error('aborted');
      },
    });
    try {
      server.inject({ status: 503, times: 1 });
      expect((await failure(get('/ok', { signal: later.signal }))).problem).toBe('ABORTED');
    } finally {
      setVendorHttpPolicy(previous);
    }
  });
});
