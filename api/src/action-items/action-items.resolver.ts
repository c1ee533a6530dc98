import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { toUser, User } from '../auth/user.model';
import type { RequestContext } from '../common/graphql/context';
import { Incident, toIncident } from '../incidents/incident.model';
import { IncidentsService } from '../incidents/incidents.service';
import { RedundancyMechanism, toMechanism } from '../redundancy/redundancy-mechanism.model';
import { RedundancyService } from '../redundancy/redundancy.service';
import { RootCause, toRootCause } from '../taxonomy/root-cause.model';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { ActionItem, ActionItemStatus, toActionItem } from './action-item.model';
import { ActionItemsService } from './action-items.service';
import { CreateActionItemInput, UpdateActionItemInput } from './dto/action-item.input';

@Resolver(() => ActionItem)
export class ActionItemsResolver {
  constructor(
    private readonly actionItems: ActionItemsService,
    private readonly incidentsService: IncidentsService,
    private readonly auth: AuthService,
    private readonly taxonomy: TaxonomyService,
    private readonly redundancyService: RedundancyService,
  ) {}

  @Query(() => [ActionItem], {
    name: 'actionItems',
    description: 'Action items of incidents you may see: overdue first, then by due date (at most 500).',
  })
  async list(
    @CurrentPrincipal() p: Principal,
    @Args('ownerId', { type: () => ID, nullable: true, description: 'Owned by this user.' }) ownerId: string | null,
    @Args('statuses', { type: () => [ActionItemStatus], nullable: true, description: 'In these statuses.' })
    statuses: ActionItemStatus[] | null,
    @Args('teamIds', { type: () => [ID], nullable: true, description: "Of these teams' incidents." }) teamIds: string[] | null,
    @Args('overdueOnly', { type: () => Boolean, nullable: true, description: 'Only overdue items.' }) overdueOnly: boolean | null,
  ): Promise<ActionItem[]> {
    return (await this.actionItems.list(p, { ownerId, statuses, teamIds, overdueOnly })).map(toActionItem);
  }

  @Mutation(() => ActionItem, { description: 'Adds an action item to an incident.' })
  async createActionItem(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateActionItemInput,
  ): Promise<ActionItem> {
    return toActionItem(await this.actionItems.create(p, input));
  }

  @Mutation(() => ActionItem, { description: 'Changes an action item; CONFLICT when expectedVersion is stale.' })
  async updateActionItem(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateActionItemInput,
  ): Promise<ActionItem> {
    return toActionItem(await this.actionItems.update(p, Number(id), input));
  }

  @ResolveField(() => Incident, { description: 'The incident it follows from.' })
  async incident(@Parent() a: ActionItem, @CurrentPrincipal() p: Principal, @Context() ctx: RequestContext): Promise<Incident> {
    return toIncident(await this.incidentsService.load(ctx.loaders, p, a.incidentId));
  }

  @ResolveField(() => User, { nullable: true, description: 'Owner.' })
  async owner(@Parent() a: ActionItem, @Context() ctx: RequestContext): Promise<User | null> {
    const row = a.ownerId ? await this.auth.loadUser(ctx.loaders, a.ownerId) : null;
    return row && toUser(row);
  }

  @ResolveField(() => RootCause, { nullable: true, description: 'The root cause it addresses.' })
  async cause(@Parent() a: ActionItem, @Context() ctx: RequestContext): Promise<RootCause | null> {
    const row = a.causeId ? await this.taxonomy.load(ctx.loaders, a.causeId) : null;
    return row && toRootCause(row);
  }

  @ResolveField(() => RedundancyMechanism, { nullable: true, description: 'The redundancy mechanism whose gap it closes.' })
  async mechanism(@Parent() a: ActionItem, @Context() ctx: RequestContext): Promise<RedundancyMechanism | null> {
    const row = a.mechanismId ? await this.redundancyService.load(ctx.loaders, a.mechanismId) : null;
    return row && toMechanism(row);
  }
}

/** `Incident.actionItems` lives here so incidents need not know about action items. */
@Resolver(() => Incident)
export class IncidentActionItemsResolver {
  constructor(private readonly actionItemsService: ActionItemsService) {}

  @ResolveField(() => [ActionItem], { description: 'Action items of this incident.' })
  async actionItems(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<ActionItem[]> {
    return (await this.actionItemsService.loadByIncident(ctx.loaders, Number(i.id))).map(toActionItem);
  }
}
