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

/** The advisory lock under which an instance migrates and does its first-start work (one instance at a time). */
export const STARTUP_LOCK = 4747001;

/**
 * Runs `work` while holding the startup advisory lock on its own connection, so instances started together
 * migrate, create the first admin, seed demo data and build stored aggregates exactly once: the first does the
 * work, the others wait, then find it done. The lock is released (and its connection returned) in every case.
 */
export async function underStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
