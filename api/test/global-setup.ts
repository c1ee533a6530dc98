import { Client } from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * One fresh schema per test run on a real PostgreSQL server (TEST_DATABASE_URL), dropped in
 * global-teardown. Each test file migrates it once (migrations are idempotent by their table).
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    console.error(
      `\nThe API tests need a PostgreSQL server and could not reach ${url.replace(/:[^:@/]*@/, ':***@')} (${(err as Error).message}).\n` +
        `Point them at one with TEST_DATABASE_URL=postgres://user:password@host:5432/database npm test\n`,
    );
    process.exit(1);
  }
  const schema = `test_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  process.env.TEST_DATABASE_URL = url;
  process.env.DB_SCHEMA = schema;
}
