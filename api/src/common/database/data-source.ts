import { DataSource } from 'typeorm';
import { migrations } from '../../../../db/migrations';

export interface DataSourceSettings {
  url: string;
  schema?: string;
  poolSize?: number;
}

/**
 * One TypeORM data source on the `pg` driver, for PostgreSQL servers and the embedded PGlite alike.
 * `synchronize` is never on: the schema comes only from db/migrations.
 */
export function createDataSource({ url, schema, poolSize = 10 }: DataSourceSettings): DataSource {
  const options = ['-c statement_timeout=60000', '-c TimeZone=UTC'];
  if (schema) options.push(`-c search_path=${schema}`);
  return new DataSource({
    type: 'postgres',
    url,
    schema,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    connectTimeoutMS: 5000,
    poolSize,
    extra: { options: options.join(' '), idleTimeoutMillis: 30000 },
    poolErrorHandler: () => undefined, // a dropped idle connection is replaced on next use; health reports outages
  });
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several instances starting at once
 * migrate exactly once. The lock is taken on its own connection and released when done.
 */
export async function migrate(dataSource: DataSource, useLock = true): Promise<void> {
  if (!useLock) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(4747001)');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(4747001)').catch(() => undefined);
    await runner.release();
  }
}
