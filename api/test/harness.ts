import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { createApp, prepare } from '../src/bootstrap';
import { Database } from '../src/common/database/database.service';
import { MetricsRepository } from '../src/metrics/metrics.repository';
import { loadConfig } from '../src/config';

export const ADMIN = { email: 'admin@example.com', password: 'Admin-Password-2026' };

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: string[] } }>;
}

export interface TestApp {
  app: NestExpressApplication;
  db: Database;
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email?: string, password?: string): Promise<string>;
  /** Waits until no metric-rollup rebuild runs in the background (metric reads start them), e.g. before counting statements. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Starts the real application on a fresh schema of the test PostgreSQL server (migrated by the
 * app itself, as in production) and an ephemeral port. Each test file gets its own schema.
 */
export async function startTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const base = process.env.DB_SCHEMA!;
  const schema = `${base}_${process.env.JEST_WORKER_ID ?? 0}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
  const url = process.env.TEST_DATABASE_URL!;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  process.env.DB_SCHEMA = schema;
  // options.env: extra settings (e.g. HINDSIGHT_OIDC_*), also seen by the app's own loadConfig() while it starts
  const env: Record<string, string> = {
    DATABASE_URL: url,
    HINDSIGHT_DEMO_DATA: 'false',
    HINDSIGHT_ADMIN_EMAIL: ADMIN.email,
    HINDSIGHT_ADMIN_PASSWORD: ADMIN.password,
    // background jobs (source syncs) are queued but not worked, unless a test turns them on
    HINDSIGHT_RUN_JOBS: 'false',
    HINDSIGHT_JOB_POLL_SECONDS: '1',
    ...options.env,
  };
  const config = { ...loadConfig(env), port: 0 };
  const prev = { ...process.env };
  Object.assign(process.env, env);
  const app = await createApp(config, true);
  await app.listen(0, '127.0.0.1');
  await prepare(app, config);
  process.env.DB_SCHEMA = base;
  for (const k of Object.keys(env)) {
    if (prev[k] === undefined) delete process.env[k];
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const httpUrl = `http://127.0.0.1:${port}`;
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...(await res.json()) };
  };
  const ok = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const r = await gql(query, variables, token);
    if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  return {
    app,
    db: app.get(Database),
    url: httpUrl,
    gql,
    ok,
    async login(email = ADMIN.email, password = ADMIN.password) {
      const d = await ok(`mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }`, { e: email, p: password });
      return d.login.token;
    },
    async settle() {
      await app.get(MetricsRepository).refreshRollups(Infinity);
    },
    async close() {
      await app.close();
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`); // the background jobs' (JobsService)
      await c.end();
    },
  };
}
