import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { createApp, prepare } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';

const ADMIN = { email: 'first-admin@example.com', password: 'Replica-Admin-Password-1' };

/**
 * Two replicas with the same configuration started at the same moment on one empty database (as a
 * deployment with two replicas does): both must come up, and the first-start work (migrations, first
 * admin, demo data, stored aggregates) must happen exactly once.
 */
describe('instances starting together (real PostgreSQL)', () => {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `${process.env.DB_SCHEMA}_replicas_${Math.floor(Math.random() * 1e6)}`;
  const apps: NestExpressApplication[] = [];
  let outcomes: PromiseSettledResult<string[]>[];

  const admin = async <T>(work: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
    const env: Record<string, string> = {
      DATABASE_URL: url,
      DB_SCHEMA: schema,
      HINDSIGHT_DEMO_DATA: 'true',
      HINDSIGHT_ADMIN_EMAIL: ADMIN.email,
      HINDSIGHT_ADMIN_PASSWORD: ADMIN.password,
    };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const config = { ...loadConfig(env), port: 0 };
      for (let i = 0; i < 2; i++) {
        const app = await createApp(config, true);
        await app.listen(0, '127.0.0.1');
        apps.push(app);
      }
      // both connect in this same tick (the schema is read from the environment as they connect)
      outcomes = await Promise.allSettled(apps.map((app) => prepare(app, config)));
    } finally {
      for (const k of Object.keys(env)) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  });

  const urlOf = (app: NestExpressApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const gql = async (app: NestExpressApplication, query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${urlOf(app)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };

  it('brings both up healthy', async () => {
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
    for (const app of apps) expect((await fetch(`${urlOf(app)}/healthz`)).status).toBe(200);
  });

  it('does the first-start work once: one admin, one demo data set, one migration run', async () => {
    const counts = await admin(async (c) => {
      const q = async (sql: string) => Number((await c.query(sql)).rows[0].n);
      return {
        admins: await q(`SELECT count(*) AS n FROM ${schema}.app_user WHERE lower(email) = '${ADMIN.email}'`),
        migrations: await q(`SELECT count(*) - count(DISTINCT name) AS n FROM ${schema}.migrations`),
        demoDuplicates: await q(
          `SELECT count(*) AS n FROM (SELECT external_id FROM ${schema}.incident WHERE source = 'demo' GROUP BY external_id HAVING count(*) > 1) d`,
        ),
        teamsNamedTwice: await q(`SELECT count(*) AS n FROM (SELECT lower(name) FROM ${schema}.team GROUP BY 1 HAVING count(*) > 1) d`),
        demo: await q(`SELECT count(*) AS n FROM ${schema}.incident WHERE source = 'demo'`),
      };
    });
    expect(counts).toEqual({ admins: 1, migrations: 0, demoDuplicates: 0, teamsNamedTwice: 0, demo: expect.any(Number) });
    expect(counts.demo).toBeGreaterThan(0);
  });

  it('shows a write through one instance through the other at once', async () => {
    const login = async (app: NestExpressApplication) =>
      (await gql(app, `mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }`, { e: ADMIN.email, p: ADMIN.password }))
        .data.login.token as string;
    const [a, b] = apps;
    const [ta, tb] = [await login(a), await login(b)];
    const count = async (app: NestExpressApplication, token: string) =>
      (await gql(app, `{ reliabilityMetrics { incidentCount } }`, {}, token)).data.reliabilityMetrics.incidentCount as number;
    const before = await count(b, tb);
    const { data } = await gql(a, `{ services { id team { id } } }`, {}, ta);
    const [service] = data.services;
    const created = await gql(
      a,
      `mutation($i: CreateIncidentInput!){ createIncident(input: $i){ id } }`,
      {
        i: {
          title: 'Seen by the other replica',
          severity: 'SEV2',
          serviceIds: [service.id],
          teamId: service.team.id,
          startedAt: new Date().toISOString(),
        },
      },
      ta,
    );
    expect(created.errors).toBeUndefined();
    expect(await count(b, tb)).toBe(before + 1);
  });
});
