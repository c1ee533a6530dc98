import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePagerDutyIncidents, PagerDutyStandin } from '../../api/test/support/standins/pagerduty.standin';
import { ADMIN, gql, startServer } from './server';
import { ThrowawayPostgres } from './throwaway-postgres';

const TOKEN = 'u+CrashTestToken-0001';
const COUNT = 3000;
const DAY = 24 * 3600_000;
/** Each vendor answer is held this long, so the run is still going when the server is killed. */
const DELAY_MS = 150;

/** A loopback proxy that holds every request DELAY_MS before passing it on: a slow PagerDuty. */
async function slowProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    setTimeout(() => {
      const out = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      req.pipe(out);
    }, DELAY_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

const RUN = `id status attempts fetched created updated unchanged skipped errorCount errors { externalId message }`;

async function crashAndResume(env: Record<string, string>, signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') {
  const incidents = generatePagerDutyIncidents({
    count: COUNT,
    from: new Date(Date.now() - 300 * DAY),
    to: new Date(Date.now() - DAY),
    seed: 99,
  });
  const pd = await PagerDutyStandin.start({ token: TOKEN, incidents });
  const proxy = await slowProxy(pd.url);
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-e2e-crash-'));
  // jobs on, a short lease so the killed worker's job is noticed soon, and no demo data to count around
  const serverEnv = {
    HINDSIGHT_DEMO_DATA: 'false',
    HINDSIGHT_RUN_JOBS: 'true',
    HINDSIGHT_JOB_LEASE_SECONDS: '4',
    HINDSIGHT_JOB_POLL_SECONDS: '1',
    HINDSIGHT_SECRET_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
    ...env,
  };
  let server = await startServer(serverEnv, { dir, keep: true });
  try {
    const login = async (url: string) =>
      (await gql(url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', { e: ADMIN.email, p: ADMIN.password }))
        .data.login.token as string;
    let token = await login(server.url);
    const team = (await gql(server.url, `mutation{ createTeam(input:{name:"Ops"}){ id } }`, {}, token)).data.createTeam.id;
    const created = await gql(
      server.url,
      `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
      { i: { kind: 'PAGERDUTY', name: 'PagerDuty', baseUrl: proxy.url, token: TOKEN, teamId: team, syncEveryMinutes: 0 } },
      token,
    );
    const sourceId = created.data.createSource.id;
    const runId = (await gql(server.url, `mutation($id:ID!){ syncSource(id:$id){ id } }`, { id: sourceId }, token)).data.syncSource.id;
    const runOf = async () => (await gql(server.url, `query($id:ID!){ syncRun(id:$id){ ${RUN} } }`, { id: runId }, token)).data.syncRun;

    // wait until a few batches are committed, then kill the server (SIGKILL: outright, no shutdown hooks run)
    let run = await runOf();
    for (let deadline = Date.now() + 90_000; run.created < 300 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      run = await runOf();
    }
    expect(run.status).toBe('RUNNING');
    expect(run.created).toBeGreaterThanOrEqual(300);
    expect(run.created).toBeLessThan(COUNT);
    process.kill(server.pid, signal);
    // SIGTERM: the running job is aborted and left to be retried, and the server exits without waiting for the run
    const ended = await Promise.race([server.exit.then(() => 'exited'), new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
    expect(ended).toBe('exited');

    // the same data (and database, for the throwaway PostgreSQL) on restart
    server = await startServer(serverEnv, { dir, keep: true });
    token = await login(server.url);
    for (let deadline = Date.now() + 150_000; !['SUCCEEDED', 'FAILED'].includes(run.status) && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 500));
      run = await runOf();
    }
    if (run.status !== 'SUCCEEDED') console.log(JSON.stringify(run), server.log().slice(-4000));
    expect(run).toMatchObject({ status: 'SUCCEEDED', errorCount: 0, skipped: 0 });
    expect(run.attempts).toBeGreaterThanOrEqual(2); // resumed by a retry of its job
    expect(run.created).toBe(COUNT);

    // exactly COUNT incidents, each external id once
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await gql(
        server.url,
        `query($a:String){ incidents(first:200, after:$a){ totalCount edges { node { externalId } } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
        token,
      );
      expect(page.data.incidents.totalCount).toBe(COUNT);
      ids.push(...page.data.incidents.edges.map((e: any) => e.node.externalId));
      if (!page.data.incidents.pageInfo.hasNextPage) break;
      after = page.data.incidents.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    expect(new Set(ids)).toEqual(new Set(incidents.map((i) => i.id)));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    await proxy.close();
    await pd.close();
  }
}

describe('a sync cut off by a crash (SIGKILL) or a stop (SIGTERM) is retried after the restart and completes without duplicates', () => {
  it('on the embedded database (PGlite)', async () => {
    await crashAndResume({});
  });

  it('on the embedded database, stopped by SIGTERM', async () => {
    await crashAndResume({}, 'SIGTERM');
  });

  (ThrowawayPostgres.available() ? it : it.skip)('on PostgreSQL', async () => {
    const pg = new ThrowawayPostgres().init();
    pg.start();
    try {
      await crashAndResume({ DATABASE_URL: pg.url });
    } finally {
      pg.destroy();
    }
  });
});
