import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../auth/auth.decorators';
import { notFound } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/graphql/context';
import { Source, toSource } from '../source.model';
import { SourcesService } from '../sources.service';
import { SyncRun, SyncTrigger, toSyncRun } from './sync-run.model';
import { SyncService } from './sync.service';

/** An id argument as a number; an id this API never made is simply not found. */
const idOf = (id: string, what: string): number => {
  if (!/^[0-9]{1,9}$/.test(id)) throw notFound(what, id);
  return Number(id);
};

/** Sync runs (SPEC §5): admins only, through a session or an ADMIN-scoped API token. */
@Resolver(() => SyncRun)
export class SyncResolver {
  constructor(
    private readonly sync: SyncService,
    private readonly sources: SourcesService,
  ) {}

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => SyncRun, {
    description:
      'Queues a pull of the source and returns its run at once (admins); while a pull of that source is queued or running, returns that run instead. Poll syncRun(id) for its progress.',
  })
  async syncSource(@Args('id', { type: () => ID, description: 'Id of the source.' }) id: string): Promise<SyncRun> {
    return toSyncRun(await this.sync.queue(idOf(id, 'Source'), SyncTrigger.MANUAL));
  }

  @Access('ADMIN', 'ADMIN')
  @Query(() => [SyncRun], { description: 'A source’s runs, newest first (admins).' })
  async syncRuns(
    @Args('sourceId', { type: () => ID, description: 'Id of the source.' }) sourceId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'How many (0–100; default 20).' }) first: number | null,
  ): Promise<SyncRun[]> {
    return (await this.sync.runs(idOf(sourceId, 'Source'), first)).map(toSyncRun);
  }

  @Access('ADMIN', 'ADMIN')
  @Query(() => SyncRun, { nullable: true, description: 'One run (admins), with its counters as they are now: poll it for live progress.' })
  async syncRun(@Args('id', { type: () => ID, description: 'Id of the run.' }) id: string): Promise<SyncRun> {
    return toSyncRun(await this.sync.run(idOf(id, 'Sync run')));
  }

  @ResolveField(() => Source, { nullable: true, description: 'The source it ran for (null if the source was deleted).' })
  async source(@Parent() run: SyncRun, @Context() ctx: RequestContext): Promise<Source | null> {
    const row = await this.sources.load(ctx.loaders, run.sourceId);
    return row && !row.deleted_at ? toSource(row, this.sources.publicUrl(ctx.req)) : null;
  }
}

/** Source.lastRun, batched per request (a list of sources costs one statement). */
@Resolver(() => Source)
export class SourceLastRunResolver {
  constructor(private readonly sync: SyncService) {}

  @ResolveField(() => SyncRun, {
    nullable: true,
    description: 'The source’s newest run (queued, running or ended); null before its first.',
  })
  async lastRun(@Parent() source: Source, @Context() ctx: RequestContext): Promise<SyncRun | null> {
    const row = await this.sync.lastRun(ctx.loaders, Number(source.id));
    return row ? toSyncRun(row) : null;
  }
}
