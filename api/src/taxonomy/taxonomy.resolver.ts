import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Context } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../common/graphql/context';
import { CreateRootCauseInput, UpdateRootCauseInput } from './dto/root-cause.input';
import { RootCause, toRootCause } from './root-cause.model';
import { TaxonomyService } from './taxonomy.service';

@Resolver(() => RootCause)
export class TaxonomyResolver {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Query(() => [RootCause], { description: 'The root-cause taxonomy: every category and cause, each with its `parent`.' })
  async rootCauses(
    @Args('includeRetired', { nullable: true, defaultValue: false, description: 'Also list retired nodes.' }) includeRetired: boolean,
  ): Promise<RootCause[]> {
    return (await this.taxonomy.list(includeRetired)).map(toRootCause);
  }

  @ResolveField(() => RootCause, { nullable: true, description: 'The category of a cause; null for a category.' })
  async parent(@Parent() node: RootCause, @Context() ctx: RequestContext): Promise<RootCause | null> {
    if (node.parentId === null) return null;
    const row = await this.taxonomy.load(ctx.loaders, node.parentId);
    return row && toRootCause(row);
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => RootCause, { description: 'Adds a category or a cause (admins).' })
  async createRootCause(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateRootCauseInput,
  ): Promise<RootCause> {
    return toRootCause(await this.taxonomy.create(p, input));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => RootCause, { description: 'Renames or re-describes a node; its history stays attached (admins).' })
  async updateRootCause(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateRootCauseInput,
  ): Promise<RootCause> {
    return toRootCause(await this.taxonomy.update(p, Number(id), input));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => RootCause, {
    nullable: true,
    description: 'Deletes an unused node and returns null; a node in use is retired instead and returned (admins).',
  })
  async deleteRootCause(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
  ): Promise<RootCause | null> {
    const row = await this.taxonomy.remove(p, Number(id));
    return row && toRootCause(row);
  }
}
