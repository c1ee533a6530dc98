import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { Database } from '../../common/database/database.service';
import { DomainError } from '../../common/errors/domain-error';
import { JobsService } from '../../jobs/jobs.service';
import { SecretBoxError } from '../secret-box';
import { SourceFetchError } from '../source-incident';
import { SourcesService } from '../sources.service';
import { adapterFor } from '../vendors';
import { SyncRepository } from './sync.repository';
import { SyncStatus, SyncTrigger } from './sync-run.model';
import { SYNC_QUEUE, SyncService } from './sync.service';

/** The queue of the every-minute schedule tick. */
export const SCHEDULE_QUEUE = 'source-schedule';

/** What a run that no job will resume says. */
const ORPHANED = 'The run was interrupted (the server stopped or crashed) more often than it is retried, and was given up; sync again';

/** Replaces every occurrence of a secret in a text meant for the run's errors or the log. */
const scrub = (text: string, secret: string | null) => (secret && secret.length >= 4 ? text.split(secret).join('[token]') : text);

/**
 * Runs pulls as jobs (pg-boss, queue `source-sync`), and the schedule (queue `source-schedule`,
 * every minute).
 *
 * At most one pull of a source runs at a time, across instances, by three means: the unique index
 * of sync_run lets a source have one queued or running pull; a job runs "the source's active run",
 * claiming it with attempts + 1 (the attempt number is a fencing token: an older attempt whose
 * worker stalled past its lease finds it changed at its next batch and stops without writing); and
 * each batch writes under the source's transaction-scoped advisory lock, which webhook pushes take
 * too. (A session lock held for the whole run would pin a connection for as long as the vendor takes,
 * and on the embedded database, one session shared by the whole app, it would not exclude anything.)
 *
 * A run commits batch by batch: each page the adapter reads is applied, counted in the run and its
 * progress mark stored in one transaction. A run cut off by a crash or restart is retried by its job
 * and goes on from the stored mark; what earlier batches committed stays, and (source, external id)
 * keeps any incident from being created twice.
 */
@Injectable()
export class SyncWorker implements OnModuleInit {
  private readonly logger = new Logger('Sync');

  constructor(
    private readonly db: Database,
    private readonly repo: SyncRepository,
    private readonly sync: SyncService,
    private readonly sources: SourcesService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ sourceId: number; runId?: number }>({
      name: SYNC_QUEUE,
      // a crashed or interrupted run comes back: 10 s, 20 s, 40 s ... (backoff), 8 times in all
      // a queued job waits up to a week for a worker (no instance running jobs for a while)
      options: { policy: 'short', retryLimit: 8, retryDelay: 10, retryBackoff: true, retentionMinutes: 7 * 24 * 60 },
      workers: 2,
      handler: (job, signal) => this.execute(job, signal),
    });
    this.jobs.define({
      name: SCHEDULE_QUEUE,
      options: { policy: 'short', retryLimit: 0, retentionMinutes: 60 },
      cron: '* * * * *',
      handler: async () => void (await this.tick()),
    });
  }

  /**
   * The schedule: queues a SCHEDULE pull of every source that is due, and ends the runs no job will
   * resume. Any instance that runs jobs may do it; the unique index keeps it to one run per source.
   */
  async tick(): Promise<{ queued: number[]; orphaned: number[] }> {
    const orphaned = await this.repo.failOrphans(this.db.manager, this.jobs.jobTable, SYNC_QUEUE, ORPHANED);
    const queued: number[] = [];
    for (const id of await this.repo.dueSources(this.db.manager)) {
      try {
        queued.push(Number((await this.sync.queue(id, SyncTrigger.SCHEDULE)).id));
      } catch (err) {
        // deleted or changed meanwhile: its next tick decides again
        if (!(err instanceof DomainError)) throw err;
      }
    }
    return { queued, orphaned };
  }

  /** One job: runs the source's queued or running pull, if it has one. */
  async execute(
    job: Pick<PgBoss.JobWithMetadata<{ sourceId: number }>, 'data' | 'retryCount' | 'retryLimit'>,
    signal: AbortSignal,
  ): Promise<void> {
    const sourceId = Number(job.data.sourceId);
    const active = await this.repo.activePullRun(this.db.manager, sourceId);
    if (!active) return; // ended already (this job was retried after the run finished)
    const runId = active.id;
    const attempt = await this.repo.claim(this.db.manager, runId);
    if (attempt === null) return;
    const fail = (message: string) => this.repo.finish(this.db.manager, runId, SyncStatus.FAILED, attempt, { externalId: null, message });

    let runtime;
    try {
      runtime = await this.sources.connection(sourceId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') return void (await fail('The source was deleted'));
      if (err instanceof SecretBoxError) return void (await fail(err.message));
      throw err;
    }
    const { source, connection } = runtime;
    const token = connection.token;
    try {
      for await (const page of adapterFor(source.kind).pull(connection, source.mark, signal)) {
        const held = await this.db.transaction(async (tx) => {
          await this.repo.lockSource(tx, sourceId);
          if (!(await this.repo.holds(tx, runId, attempt))) return false;
          const outcome = await this.sync.applyBatch(tx, source, page.incidents, runId, active.trigger);
          const pageErrors = page.errors.map((e) => ({ externalId: e.externalId, message: scrub(e.message, token) }));
          await this.repo.addProgress(tx, runId, {
            ...outcome,
            fetched: outcome.fetched + page.skipped + page.errors.length,
            skipped: outcome.skipped + page.skipped + page.errors.length,
            errors: [...pageErrors, ...outcome.errors],
          });
          await this.repo.setMark(tx, sourceId, page.mark);
          return true;
        });
        if (!held) return; // a newer attempt took the run over: it goes on from the mark this one left
        if (signal.aborted) throw signal.reason;
      }
      await this.repo.finish(this.db.manager, runId, SyncStatus.SUCCEEDED, attempt);
    } catch (err) {
      if (signal.aborted) throw signal.reason; // shutdown or a lost lease: the job is retried
      if (err instanceof SourceFetchError) {
        // the vendor refused or could not be reached (after the adapter's own retries): a run that
        // fails on its first request stores nothing; batches committed before a later failure stay,
        // with the mark, so the next run goes on from there
        await fail(scrub(err.message, token));
        return;
      }
      const last = job.retryCount >= job.retryLimit;
      this.logger.error(
        `sync run ${runId} of source ${sourceId} stopped (attempt ${attempt}${last ? ', the last' : ''}): ${scrub((err as Error)?.stack ?? String(err), token)}`,
      );
      if (last) {
        await fail('The run stopped on an unexpected error and was given up after its retries (see the server log)');
        return;
      }
      throw new Error(`sync run ${runId} stopped on an unexpected error; it will be retried`, { cause: err });
    }
  }
}
