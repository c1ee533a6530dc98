import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const schema = process.env.DB_SCHEMA;
  if (!schema?.startsWith('test_')) return;
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
}
