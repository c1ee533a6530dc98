import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { Database, run, Sql } from '../common/database/database.service';
import { APP_CONFIG, AppConfig } from '../config';

/** One queue of background work, declared by a feature before the jobs start. */
export interface JobQueue<T extends object> {
  name: string;
  /**
   * pg-boss queue settings. `short` keeps at most one waiting job per singleton key (a repeated send
   * is answered null); the retries take a job that failed or whose worker died back to the queue.
   */
  options: Omit<PgBoss.Queue, 'name' | 'expireInSeconds'>;
  /** Runs one job on an instance that runs jobs. `signal` aborts on shutdown or when the job's lease is lost. */
  handler?: (job: PgBoss.JobWithMetadata<T>, signal: AbortSignal) => Promise<void>;
  /** Concurrent workers on this instance (each handles one job at a time). */
  workers?: number;
  /** A cron expression (UTC): a job is queued on it by whichever instance runs the schedule. */
  cron?: string;
}

/** Why a running job was aborted. */
export class JobAborted extends Error {
  constructor(readonly reason: 'SHUTDOWN' | 'LEASE_LOST') {
    super(
      reason === 'SHUTDOWN' ? 'the server is shutting down; the job will be retried' : 'the job was taken over after its lease ran out',
    );
    this.name = 'JobAborted';
  }
}

/**
 * pg-boss's own limit for a handler: it fails a job whose handler has not returned within the job's
 * expiry. Liveness is the lease's business (below), so the expiry a job is fetched with is long.
 */
const HANDLER_LIMIT_SECONDS = 23 * 3600;
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Background jobs kept in PostgreSQL with pg-boss, in a schema of their own. pg-boss runs its SQL
 * through the app's connection pool (its `db` option), not a pool of its own: the embedded
 * PGlite has one session and the app's pool one connection (see database.service.ts), and a second
 * pool there mixes up the extended-protocol portals. pg-boss polls (no LISTEN/NOTIFY), so it works
 * there unchanged.
 *
 * Every instance can queue jobs; only instances with HINDSIGHT_RUN_JOBS (default true) work them
 * and keep the schedule. At most one job per schedule slot is queued however many instances run it.
 *
 * A dead worker's job comes back through a lease: a running job's expiry is kept at `lease` seconds
 * past now by a heartbeat (every lease/4; see extendLease). When the process dies, the heartbeat stops, pg-boss's
 * maintenance fails the job once the lease has run out, and the job is retried (its queue's
 * retryLimit and retryDelay). A worker that finds its job no longer active (it stalled past its
 * lease and the job was retried elsewhere) aborts it.
 */
@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues: JobQueue<any>[] = [];
  private readonly running = new Set<AbortController>();
  private boss?: PgBoss;
  private stopping?: Promise<void>;
  private readonly stopNow = () => void this.stop();
  private lastErrorLog = 0;
  /** The jobs' schema: `<app schema>_jobs` beside a test schema, else `pgboss`. Read while the app is built. */
  readonly schema: string;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const appSchema = process.env.DB_SCHEMA;
    this.schema = appSchema ? `${appSchema}_jobs` : 'pgboss';
  }

  /** Declares a queue; call it while the app is built (a module's constructor or onModuleInit). */
  define<T extends object>(queue: JobQueue<T>): void {
    if (this.boss) throw new Error(`queue ${queue.name} was declared after the jobs started`);
    this.queues.push(queue);
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** Whether this instance works jobs and keeps the schedule (HINDSIGHT_RUN_JOBS). */
  get working(): boolean {
    return this.config.runJobs;
  }

  /** The table pg-boss keeps jobs in (for the queries that look at a feature's own jobs). */
  get jobTable(): string {
    return `${this.schema}.job`;
  }

  /**
   * Creates or migrates the jobs schema and the declared queues, then (when this instance runs jobs)
   * starts the workers and the schedule. Called once the database is migrated.
   */
  async start(): Promise<void> {
    if (this.boss) return;
    const pool = (this.db.dataSource.driver as unknown as { master: Pool }).master;
    const lease = this.config.jobLeaseSeconds;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: this.schema,
      migrate: true,
      supervise: this.working,
      schedule: this.working,
      // how soon a dead worker's job is noticed: its lease, plus up to one maintenance interval
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.round(lease / 2))),
      pollingIntervalSeconds: this.config.jobPollSeconds,
    });
    boss.on('error', (err: Error) => this.logError(err));
    try {
      await boss.start();
      for (const q of this.queues) {
        const options = { ...q.options, expireInSeconds: HANDLER_LIMIT_SECONDS };
        await boss.createQueue(q.name, { name: q.name, ...options });
        await boss.updateQueue(q.name, { name: q.name, ...options }); // a queue made by an older version takes today's settings
      }
    } catch (err) {
      // a started boss polls on timers: stop it, or a failed start leaves it running in a process that goes on
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw err;
    }
    this.boss = boss;
    if (!this.working) return;
    for (const q of this.queues) {
      if (q.cron) await boss.schedule(q.name, q.cron, {}, { tz: 'UTC' });
      if (!q.handler) continue;
      for (let n = 0; n < (q.workers ?? 1); n++) {
        await boss.work<any>(q.name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.jobPollSeconds }, ([job]) =>
          this.handle(q, job),
        );
      }
    }
  }

  /**
   * Queues a job; null when the queue's policy refused it (a `short` queue already holds a waiting job
   * with this singleton key). With `sql`, the job is written in that transaction: it exists exactly
   * when the transaction commits.
   */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}, sql?: Sql): Promise<string | null> {
    const boss = this.ready();
    const db = sql ? { executeSql: (text: string, values: unknown[]) => run(sql, text, values) } : undefined;
    return boss.send(name, data, { ...options, ...(db ? { db } : {}) });
  }

  private ready(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not started yet');
    return this.boss;
  }

  private async handle(q: JobQueue<any>, job: PgBoss.JobWithMetadata<any>): Promise<void> {
    const controller = new AbortController();
    this.running.add(controller);
    const lease = this.config.jobLeaseSeconds;
    let beating: Promise<void> = Promise.resolve();
    const beat = () => {
      beating = this.extendLease(q.name, job.id, lease).then(
        (active) => {
          if (!active) controller.abort(new JobAborted('LEASE_LOST'));
        },
        (err) => this.logError(err as Error), // the database is away for a moment: the next beat tries again
      );
    };
    beat();
    const timer = setInterval(beat, Math.max(250, (lease * 1000) / 4));
    try {
      await beating;
      if (controller.signal.aborted) throw controller.signal.reason;
      await q.handler!(job, controller.signal);
    } finally {
      clearInterval(timer);
      await beating;
      this.running.delete(controller);
    }
  }

  /**
   * Keeps an active job's expiry `seconds` past now, so pg-boss's maintenance fails it (and it is
   * retried) only when its worker has stopped beating. False when the job is no longer active.
   * pg-boss 10 has no heartbeat of its own; its maintenance expires a job when started_on + expire_in
   * has passed. The lease moves started_on, not expire_in: a retried job keeps its expire_in, and the
   * worker that fetches it uses expire_in as its own limit for the handler (HANDLER_LIMIT_SECONDS).
   */
  private async extendLease(name: string, id: string, seconds: number): Promise<boolean> {
    const pool = (this.db.dataSource.driver as unknown as { master: Pool }).master;
    const { rowCount } = await pool.query(
      `UPDATE ${this.jobTable} SET started_on = now() + make_interval(secs => $3) - expire_in
        WHERE name = $1 AND id = $2 AND state = 'active'`,
      [name, id, seconds],
    );
    return rowCount === 1;
  }

  private logError(err: Error): void {
    // pg-boss polls every few seconds: while the database is away, say so once a minute, not on every poll
    if (Date.now() - this.lastErrorLog < 60_000) return;
    this.lastErrorLog = Date.now();
    this.logger.warn(`background jobs: ${err?.message ?? String(err)}`);
  }

  onModuleInit(): void {
    // stop at the signal itself: the shutdown hooks come late (the GraphQL HTTP drain waits for open
    // requests first), and meanwhile a worker would go on with its run, or fetch another. Only beside
    // the app's own shutdown hooks (enableShutdownHooks): a listener alone would keep the signal from
    // ending the process.
    for (const signal of SHUTDOWN_SIGNALS) if (process.listenerCount(signal) > 0) process.on(signal, this.stopNow);
  }

  /** Aborts running jobs (they are retried later) and stops polling, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const signal of SHUTDOWN_SIGNALS) process.off(signal, this.stopNow);
    await this.stop();
  }

  private stop(): Promise<void> {
    if (!this.stopping) {
      for (const c of this.running) c.abort(new JobAborted('SHUTDOWN'));
      const boss = this.boss;
      this.boss = undefined;
      this.stopping = boss
        ? boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch((err: Error) => this.logError(err))
        : Promise.resolve();
    }
    return this.stopping;
  }
}
