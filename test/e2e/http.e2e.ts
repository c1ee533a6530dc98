import { rmSync } from 'node:fs';
import { ADMIN, gql, startServer } from './server';

describe('the built server on a fresh embedded database', () => {
  it('serves the web app, health, and GraphQL with demo data; restarts on the same data', async () => {
    const first = await startServer({}, { keep: true });
    try {
      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script');
      const deepLink = await fetch(`${first.url}/incidents`);
      expect(deepLink.status).toBe(200);

      const anon = await gql(first.url, '{ incidents(first:1){ totalCount } }');
      expect(anon.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

      const login = await gql(first.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
        e: ADMIN.email,
        p: ADMIN.password,
      });
      const token = login.data.login.token;
      const count = await gql(first.url, '{ incidents(first:1){ totalCount } }', {}, token);
      expect(count.data.incidents.totalCount).toBeGreaterThanOrEqual(300);
      expect(first.log()).toMatch(/Hindsight listening on http:\/\/127\.0\.0\.1:\d+ \(database: embedded PostgreSQL/);

      await first.stop();
      const second = await startServer({}, { dir: first.dir });
      try {
        const again = await gql(second.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
          e: ADMIN.email,
          p: ADMIN.password,
        });
        const count2 = await gql(second.url, '{ incidents(first:1){ totalCount } }', {}, again.data.login.token);
        expect(count2.data.incidents.totalCount).toBe(count.data.incidents.totalCount);
        expect(second.log()).not.toMatch(/demo data:/);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const s = await startServer({ HINDSIGHT_DEMO_DATA: 'false' });
    const t0 = Date.now();
    await s.stop();
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('production mode', () => {
  it('refuses introspection and never sends stack traces', async () => {
    const s = await startServer({ NODE_ENV: 'production', HINDSIGHT_DEMO_DATA: 'false' });
    try {
      const login = await gql(s.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
        e: ADMIN.email,
        p: ADMIN.password,
      });
      const token = login.data.login.token;
      const intro = await gql(s.url, '{ __schema { types { name } } }', {}, token);
      expect(intro.data?.__schema).toBeUndefined();
      expect(intro.errors?.length).toBeGreaterThan(0);
      const typo = await gql(s.url, '{ incidentz { totalCount } }', {}, token);
      expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
      expect(JSON.stringify(typo)).not.toMatch(/stacktrace/i);
      const headers = (await fetch(`${s.url}/`)).headers;
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      await s.stop();
    }
  });
});
