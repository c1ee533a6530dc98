import { ADMIN, gql, startServer } from './server';
import { ThrowawayPostgres } from './throwaway-postgres';

const maybe = ThrowawayPostgres.available() ? describe : describe.skip;
const ROWS = 60_000;

function csv(): string {
  const lines = ['external_id,title,service,severity,started_at,resolved_at'];
  const t0 = Date.parse('2025-01-01T00:00:00Z'); // 60k rows 10 min apart: all in the past
  for (let i = 0; i < ROWS; i++) {
    const start = new Date(t0 + i * 600_000);
    const end = new Date(start.getTime() + (5 + (i % 300)) * 60_000);
    lines.push(
      `crash-${i},Outage ${i},${['Playback API', 'Search', 'Login'][i % 3]},SEV${1 + (i % 4)},${start.toISOString()},${end.toISOString()}`,
    );
  }
  return lines.join('\n') + '\n';
}

maybe('an import that PostgreSQL dies in the middle of', () => {
  it('leaves all rows or none, and the same import re-run afterwards completes exactly once', async () => {
    const pg = new ThrowawayPostgres().init();
    pg.start();
    const server = await startServer({ DATABASE_URL: pg.url, HINDSIGHT_DEMO_DATA: 'false' });
    try {
      // the server answered the cut-off upload early and closed that connection: retry a request once
      // when the client happens to reuse it
      const retry = async <T>(work: () => Promise<T>): Promise<T> => work().catch(() => new Promise((r) => setTimeout(r, 200)).then(work));
      const login = () =>
        gql(server.url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', { e: ADMIN.email, p: ADMIN.password });
      let token = (await login()).data.login.token;
      const body = csv();
      const upload = (tok: string) =>
        fetch(`${server.url}/api/import?format=CSV&onInvalid=SKIP_ROW&createMissing=true`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tok}`, 'content-type': 'text/csv' },
          body,
        }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) }));
      const count = async () => (await gql(server.url, '{ incidents(first:0){ totalCount } }', {}, token)).data.incidents.totalCount;

      const inFlight = upload(token);
      await new Promise((r) => setTimeout(r, 1000));
      pg.stop('immediate'); // the database dies mid-import
      const crashed = await inFlight;
      expect(crashed.status).toBeGreaterThanOrEqual(500);

      pg.start();
      const t0 = Date.now();
      while ((await fetch(`${server.url}/healthz`)).status !== 200 && Date.now() - t0 < 20_000)
        await new Promise((r) => setTimeout(r, 250));
      token = (await retry(login)).data.login.token;
      expect(await count()).toBe(0); // nothing of the interrupted import was kept

      const again = await upload(token);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: ROWS, updated: 0, unchanged: 0, skipped: 0 });
      expect(await count()).toBe(ROWS);
      const thrice = await upload(token);
      expect(thrice.body).toMatchObject({ created: 0, updated: 0, unchanged: ROWS });
      expect(await count()).toBe(ROWS);
    } finally {
      await server.stop();
      pg.destroy();
    }
  });
});
