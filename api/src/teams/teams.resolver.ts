import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateTeamInput, UpdateTeamInput } from './dto/create-team.input';
import { Team, toTeam } from './team.model';
import { TeamsService } from './teams.service';

@Resolver(() => Team)
export class TeamsResolver {
  constructor(private readonly teamsService: TeamsService) {}

  @Query(() => [Team], { description: 'Every team, by name.' })
  async teams(): Promise<Team[]> {
    return (await this.teamsService.list()).map(toTeam);
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Team, { description: 'Creates a team (admins).' })
  async createTeam(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateTeamInput,
  ): Promise<Team> {
    return toTeam(await this.teamsService.create(principal, input.name));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Team, { description: 'Renames a team (admins); CONFLICT when expectedVersion is stale or the name is taken.' })
  async updateTeam(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateTeamInput,
  ): Promise<Team> {
    return toTeam(await this.teamsService.rename(principal, Number(id), input.expectedVersion, input.name));
  }
}
