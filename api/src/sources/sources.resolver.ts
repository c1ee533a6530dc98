import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../common/graphql/context';
import { Team, toTeam } from '../teams/team.model';
import { TeamsService } from '../teams/teams.service';
import { CreateSourceInput, TestSourceConnectionInput, UpdateSourceInput } from './dto/source.input';
import { Source, SourceConnectionTest, SourceKindInfo, toSource } from './source.model';
import { SourcesService } from './sources.service';

const INPUT = { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' };
const ID_ARG = { description: 'Id of the source.', type: () => ID };

/** Sources (SPEC §5): admins only, through a session or an ADMIN-scoped API token. */
@Resolver(() => Source)
export class SourcesResolver {
  constructor(
    private readonly sourcesService: SourcesService,
    private readonly teamsService: TeamsService,
  ) {}

  @Access('ADMIN', 'ADMIN')
  @Query(() => [Source], { description: 'Every source that is not deleted, by name (admins).' })
  async sources(@Context() ctx: RequestContext): Promise<Source[]> {
    const base = this.sourcesService.publicUrl(ctx.req);
    return (await this.sourcesService.list()).map((r) => toSource(r, base));
  }

  @Access('ADMIN', 'ADMIN')
  @Query(() => Source, { nullable: true, description: 'One source (admins); NOT_FOUND when it does not exist or was deleted.' })
  async source(@Args('id', ID_ARG) id: string, @Context() ctx: RequestContext): Promise<Source> {
    return toSource(await this.sourcesService.get(Number(id)), this.sourcesService.publicUrl(ctx.req));
  }

  @Access('ADMIN', 'ADMIN')
  @Query(() => [SourceKindInfo], {
    description: 'Each source kind with the base URL and severity map a new source of that kind gets when they are omitted (admins).',
  })
  sourceKinds(): SourceKindInfo[] {
    return this.sourcesService.kinds();
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Source, { description: 'Creates a source (admins); CONFLICT when the name is taken.' })
  async createSource(
    @CurrentPrincipal() principal: Principal,
    @Args('input', INPUT) input: CreateSourceInput,
    @Context() ctx: RequestContext,
  ): Promise<Source> {
    return toSource(await this.sourcesService.create(principal, input), this.sourcesService.publicUrl(ctx.req));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Source, {
    description: 'Changes a source (admins); CONFLICT when the name is taken or a given expectedVersion is stale.',
  })
  async updateSource(
    @CurrentPrincipal() principal: Principal,
    @Args('id', ID_ARG) id: string,
    @Args('input', INPUT) input: UpdateSourceInput,
    @Context() ctx: RequestContext,
  ): Promise<Source> {
    return toSource(await this.sourcesService.update(principal, Number(id), input), this.sourcesService.publicUrl(ctx.req));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Boolean, {
    description: 'Deletes a source (admins): syncing and webhook pushes stop; the incidents it brought are kept. Returns true.',
  })
  async deleteSource(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG) id: string): Promise<boolean> {
    return this.sourcesService.delete(principal, Number(id));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => SourceConnectionTest, {
    description:
      'Tries one authenticated request to the vendor (admins): for a saved source (id; input fields replace the stored ones) or for one not saved yet (input with kind). A refusal is answered ok: false with the reason.',
  })
  async testSourceConnection(
    @Args('id', { ...ID_ARG, nullable: true, description: 'A saved source to test.' }) id: string | null,
    @Args('input', { type: () => TestSourceConnectionInput, nullable: true, description: 'A source not saved yet, or changes to test.' })
    input: TestSourceConnectionInput,
  ): Promise<SourceConnectionTest> {
    return this.sourcesService.testConnection(id ? Number(id) : null, input);
  }

  @ResolveField(() => Team, { description: 'The team that owns what the source creates.' })
  async team(@Parent() s: Source, @Context() ctx: RequestContext): Promise<Team> {
    return toTeam((await this.teamsService.load(ctx.loaders, s.teamId))!);
  }
}
