import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config';
import { DomainError } from '../errors/domain-error';
import { createDataSource, underStartupLock } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/** Something that runs SQL: the data source's manager or a transaction's. */
export type Sql = Pick<EntityManager, 'query'>;

/**
 * Runs a statement and returns its rows and row count whatever its kind. (TypeORM's `query`
 * answers UPDATE and DELETE with `[rows, count]` but other statements with the rows alone.)
 */
export async function run<T = any>(sql: Sql, text: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }> {
  const result = await sql.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return { rows: result[0], rowCount: result[1] };
  }
  const rows = Array.isArray(result) ? result : [];
  return { rows, rowCount: rows.length };
}

/**
 * Owns the connection to PostgreSQL (a server through DATABASE_URL, or the embedded PGlite).
 * The HTTP server listens before the database is prepared, so `/healthz` can answer 503 while
 * migrations and a first start's seeding run.
 */
@Injectable()
export class Database implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private source?: DataSource;
  private embedded?: EmbeddedPostgres;
  ready = false;
  description = 'not connected';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Connects, retrying while the server is unreachable. Migrations run in `prepareOnce`. */
  async connect(): Promise<void> {
    let url = this.config.databaseUrl;
    if (!url) {
      this.embedded = await startEmbeddedPostgres(this.config.dataDir);
      url = this.embedded.url;
      this.description = `embedded PostgreSQL (PGlite) in ${this.config.dataDir}`;
    } else {
      const u = new URL(url);
      this.description = `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
    }
    // PGlite has one backend session: pglite-socket multiplexes connections onto it, and concurrent
    // extended-protocol queries from several connections were seen to clobber each other's unnamed
    // portal ('portal "" does not exist'). One pooled connection serialises them safely.
    const source = createDataSource({ url, schema: process.env.DB_SCHEMA, poolSize: this.embedded ? 1 : 10 });
    for (let attempt = 1; ; attempt++) {
      try {
        await source.initialize();
        break;
      } catch (err) {
        this.logger.warn(`database not reachable (${(err as Error).message}); retrying (attempt ${attempt})`);
        await new Promise((r) => setTimeout(r, Math.min(5000, 500 * attempt)));
      }
    }
    this.source = source;
  }

  /**
   * Runs the migrations and then `firstStart` (first admin, demo data, stored aggregates) under the startup
   * advisory lock, so replicas started together on an empty database do it once and all come up. The embedded
   * database belongs to this process alone (and PGlite has one session, which a held lock would block): no lock.
   */
  async prepareOnce<T>(firstStart: () => Promise<T>): Promise<T> {
    const source = this.dataSource;
    const work = async () => {
      await source.runMigrations({ transaction: 'each' });
      return firstStart();
    };
    return this.embedded ? work() : underStartupLock(source, work);
  }

  /** Whether a connection was made (migrations and first-start work may still be running). */
  get connected(): boolean {
    return this.source !== undefined;
  }

  markReady(): void {
    this.ready = true;
  }

  get dataSource(): DataSource {
    if (!this.source) throw new DomainError('SERVICE_UNAVAILABLE', 'The database is starting; try again shortly');
    return this.source;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  query<T = any>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.manager.query(sql, params);
  }

  /** Runs `work` in one transaction: it applies completely or not at all. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Whether the database answers now (used by /healthz). */
  async ping(timeoutMs = 2000): Promise<string | null> {
    if (!this.source) return 'not connected yet';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.source.query('SELECT 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), timeoutMs))),
      ]);
      return null;
    } catch (err) {
      return (err as Error).message;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.source?.destroy().catch(() => undefined);
    await this.embedded?.stop().catch(() => undefined);
  }
}
