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

describe('first-run setup on the embedded default', () => {
  it('lets the first visitor on this machine create the admin once; there are no default credentials', async () => {
    const s = await startServer({ HINDSIGHT_ADMIN_EMAIL: '', HINDSIGHT_ADMIN_PASSWORD: '', HINDSIGHT_DEMO_DATA: 'false' });
    try {
      expect(s.log()).toMatch(/first start: no account yet/);
      expect((await gql(s.url, '{ setupRequired }')).data).toEqual({ setupRequired: true });
      const SETUP = 'mutation($i:CompleteSetupInput!){ completeSetup(input:$i){ token user{ email role } } }';
      const weak = await gql(s.url, SETUP, { i: { email: 'owner@example.com', password: 'short' } });
      expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['password'] });
      const done = await gql(s.url, SETUP, { i: { email: 'owner@example.com', password: 'A-long-enough-secret' } });
      expect(done.data.completeSetup.user).toEqual({ email: 'owner@example.com', role: 'ADMIN' });
      expect((await gql(s.url, '{ me { user { email } } }', {}, done.data.completeSetup.token)).data.me.user.email).toBe(
        'owner@example.com',
      );
      const again = await gql(s.url, SETUP, { i: { email: 'intruder@example.com', password: 'A-long-enough-secret' } });
      expect(again.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await gql(s.url, '{ setupRequired }')).data).toEqual({ setupRequired: false });
    } finally {
      await s.stop();
    }
  });
});
