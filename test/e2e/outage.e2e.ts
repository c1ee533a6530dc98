import { ADMIN, gql, startServer } from './server';
import { ThrowawayPostgres } from './throwaway-postgres';

const maybe = ThrowawayPostgres.available() ? describe : describe.skip;

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() - t0 > ms) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

maybe('when PostgreSQL goes away and comes back', () => {
  it('reports it on /healthz, fails requests fast and clearly, and recovers without a restart', async () => {
    const pg = new ThrowawayPostgres().init();
    pg.start();
    const server = await startServer({ DATABASE_URL: pg.url, HINDSIGHT_DEMO_DATA: 'false' });
    try {
      const login = await gql(server.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
        e: ADMIN.email,
        p: ADMIN.password,
      });
      const token = login.data.login.token;
      const health = () => fetch(`${server.url}/healthz`).then((r) => r.status);

      pg.stop();
      expect(await until(health, (s) => s === 503, 5000)).toBe(503);
      const t0 = Date.now();
      const down = await gql(server.url, '{ teams { id } }', {}, token);
      expect(Date.now() - t0).toBeLessThan(6000);
      expect(down.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(down.errors?.[0].message).toMatch(/database is unavailable/);

      pg.start();
      expect(await until(health, (s) => s === 200, 15000)).toBe(200);
      const back = await gql(server.url, '{ teams { id } }', {}, token);
      expect(back.errors).toBeUndefined();
    } finally {
      await server.stop();
      pg.destroy();
    }
  });
});
