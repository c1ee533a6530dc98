import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SyncStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  description: 'QUEUED (waiting for a worker), RUNNING, SUCCEEDED (read everything; some incidents may still have row errors), FAILED.',
});

export enum SyncTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
  WEBHOOK = 'WEBHOOK',
}
registerEnumType(SyncTrigger, {
  name: 'SyncTrigger',
  description: 'SCHEDULE (the source’s syncEveryMinutes), MANUAL (syncSource), WEBHOOK (a push the vendor sent).',
});

/** A row of `sync_run`. */
export interface SyncRunRow {
  id: number;
  source_id: number;
  status: SyncStatus;
  trigger: SyncTrigger;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: Array<{ externalId: string | null; message: string }>;
  error_count: number;
  attempts: number;
}

@ObjectType({
  description: 'A problem of a sync run: an incident that could not be applied (its externalId), or the run’s own failure (no externalId).',
})
export class SyncRunError {
  @Field(() => String, {
    nullable: true,
    description: 'The vendor’s id of the incident concerned; null for a problem of the whole run (wrong token, host unreachable).',
  })
  externalId: string | null;

  @Field({ description: 'What went wrong; never contains the token.' })
  message: string;
}

@ObjectType({
  description:
    'One sync of a source: a pull (scheduled or manual) or an applied webhook push. Its counters grow batch by batch while it runs, so polling syncRun(id) shows live progress.',
})
export class SyncRun {
  @Field(() => ID, { description: 'Run id.' })
  id: string;

  @Field(() => SyncStatus, { description: 'Where the run is.' })
  status: SyncStatus;

  @Field(() => SyncTrigger, { description: 'What started it.' })
  trigger: SyncTrigger;

  @Field(() => GraphQLISODateTime, { description: 'When it was queued (or the push arrived).' })
  queuedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a worker first started it.' })
  startedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it ended (SUCCEEDED or FAILED).' })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Incidents read from the vendor so far: created + updated + unchanged + skipped.' })
  fetched: number;

  @Field(() => Int, { description: 'Incidents created in Hindsight.' })
  created: number;

  @Field(() => Int, { description: 'Incidents whose source-provided fields changed and were written.' })
  updated: number;

  @Field(() => Int, { description: 'Incidents read that changed nothing (nothing was written for them).' })
  unchanged: number;

  @Field(() => Int, {
    description:
      'Incidents read but not applied: deliberately (incident.io test or tutorial incidents) or because of an error (see errors).',
  })
  skipped: number;

  @Field(() => [SyncRunError], { description: 'The first 1,000 problems, in the order met; errorCount counts them all.' })
  errors: SyncRunError[];

  @Field(() => Int, { description: 'How many problems the run met in all.' })
  errorCount: number;

  @Field(() => Int, {
    description: 'How many times a worker started it: more than 1 when it was resumed after an interruption (a crash or restart).',
  })
  attempts: number;

  sourceId: number;
}

export const toSyncRun = (r: SyncRunRow): SyncRun => ({
  id: String(r.id),
  status: r.status,
  trigger: r.trigger,
  queuedAt: r.queued_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  fetched: r.fetched,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  skipped: r.skipped,
  errors: r.errors,
  errorCount: r.error_count,
  attempts: r.attempts,
  sourceId: r.source_id,
});
