import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateRedundancyMechanismInput } from './dto/mechanism.input';
import { RedundancyMechanism, toMechanism } from './redundancy-mechanism.model';
import { RedundancyService } from './redundancy.service';

@Resolver(() => RedundancyMechanism)
export class RedundancyResolver {
  constructor(private readonly redundancy: RedundancyService) {}

  @Query(() => [RedundancyMechanism], { description: 'The redundancy catalogue.' })
  async redundancyMechanisms(
    @Args('includeRetired', { nullable: true, defaultValue: false, description: 'Also list retired mechanisms.' }) includeRetired: boolean,
  ): Promise<RedundancyMechanism[]> {
    return (await this.redundancy.list(includeRetired)).map(toMechanism);
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => RedundancyMechanism, { description: 'Adds a mechanism to the catalogue (admins).' })
  async createRedundancyMechanism(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateRedundancyMechanismInput,
  ): Promise<RedundancyMechanism> {
    return toMechanism(await this.redundancy.create(p, input));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => RedundancyMechanism, { description: 'Retires a mechanism; past assessments keep it (admins).' })
  async retireRedundancyMechanism(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
  ): Promise<RedundancyMechanism> {
    return toMechanism(await this.redundancy.retire(p, Number(id)));
  }
}
