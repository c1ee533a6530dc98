import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../common/graphql/context';
import { RedundancyMechanism, toMechanism } from '../redundancy/redundancy-mechanism.model';
import { RedundancyService } from '../redundancy/redundancy.service';
import { Team, toTeam } from '../teams/team.model';
import { TeamsService } from '../teams/teams.service';
import { CreateServiceInput, UpdateServiceInput } from './dto/service.input';
import { Service, toService } from './service.model';
import { ServicesService } from './services.service';

@Resolver(() => Service)
export class ServicesResolver {
  constructor(
    private readonly servicesService: ServicesService,
    private readonly teamsService: TeamsService,
    private readonly redundancyService: RedundancyService,
  ) {}

  @Query(() => [Service], { description: 'Every service, by name.' })
  async services(): Promise<Service[]> {
    return (await this.servicesService.list()).map(toService);
  }

  @ResolveField(() => Team, { description: 'The owning team.' })
  async team(@Parent() s: Service, @Context() ctx: RequestContext): Promise<Team> {
    return toTeam((await this.teamsService.load(ctx.loaders, s.teamId))!);
  }

  @ResolveField(() => [RedundancyMechanism], { description: 'The redundancy mechanisms this service has in place (declared).' })
  async redundancy(@Parent() s: Service, @Context() ctx: RequestContext): Promise<RedundancyMechanism[]> {
    const ids = await this.servicesService.loadRedundancyIds(ctx.loaders, Number(s.id));
    const rows = await Promise.all(ids.map((id) => this.redundancyService.load(ctx.loaders, id)));
    return rows.filter((r) => r !== null).map(toMechanism);
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Service, { description: 'Creates a service (admins).' })
  async createService(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateServiceInput,
  ): Promise<Service> {
    return toService(await this.servicesService.create(p, input));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Service, { description: 'Changes a service: name, team, SLO, declared redundancy (admins).' })
  async updateService(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateServiceInput,
  ): Promise<Service> {
    return toService(await this.servicesService.update(p, Number(id), input));
  }
}

/** `Team.services` lives here so teams need not know about services. */
@Resolver(() => Team)
export class TeamServicesResolver {
  constructor(private readonly servicesService: ServicesService) {}

  @ResolveField(() => [Service], { description: 'Services this team owns.' })
  async services(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Service[]> {
    return (await this.servicesService.loadByTeam(ctx.loaders, Number(team.id))).map(toService);
  }
}
