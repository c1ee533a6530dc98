import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { toUser, User } from '../auth/user.model';
import type { RequestContext } from '../common/graphql/context';
import { notFound } from '../common/errors/domain-error';
import { Incident, toIncident } from '../incidents/incident.model';
import { ReliabilityMetrics } from '../metrics/metrics.model';
import { UpdateLoopSettingsInput } from './dto/update-loop-settings.input';
import { UpdatePostMortemInput } from './dto/update-post-mortem.input';
import { LoopSettings, PostMortem, ReviewCompletion, toLoopSettings, toPostMortem } from './post-mortem.model';
import { ReviewsService } from './reviews.service';

@Resolver(() => PostMortem)
export class ReviewsResolver {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly auth: AuthService,
  ) {}

  @Mutation(() => PostMortem, {
    description:
      'Writes the review of an incident (whoever may edit the incident). CONFLICT when expectedVersion is stale; BAD_USER_INPUT naming the field for NONE, publishing an empty body or unknown reviewerIds.',
  })
  async updatePostMortem(
    @CurrentPrincipal() p: Principal,
    @Args('incidentId', { type: () => ID, description: 'The incident reviewed.' }) incidentId: string,
    @Args('input', { description: 'What to change; omitted fields stay.' }) input: UpdatePostMortemInput,
  ): Promise<PostMortem> {
    return toPostMortem(await this.reviews.update(p, Number(incidentId), input));
  }

  @ResolveField(() => [User], { description: 'The reviewers, by id.' })
  async reviewers(@Parent() pm: PostMortem, @Context() ctx: RequestContext): Promise<User[]> {
    const rows = await Promise.all(pm.reviewerIds.map((id) => this.auth.loadUser(ctx.loaders, id)));
    return rows.filter((r) => r !== null).map(toUser);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Who saved it last: an email (viewers see only their own) or an API token’s name; null while no review is saved.',
  })
  updatedBy(@Parent() pm: PostMortem, @Context() ctx: RequestContext): Promise<string | null> {
    return this.auth.actorLabel(ctx.loaders, ctx.principal, pm.updatedByActor);
  }
}

/** `Incident.postMortem` lives here so incidents need not know about reviews. */
@Resolver(() => Incident)
export class IncidentPostMortemResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @ResolveField(() => PostMortem, { description: 'The review (post-mortem) of this incident; the template until one is written.' })
  async postMortem(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<PostMortem> {
    const row = await this.reviews.load(ctx.loaders, Number(i.id));
    if (!row) throw notFound('Incident', i.id);
    return toPostMortem(row);
  }
}

@Resolver(() => LoopSettings)
export class LoopSettingsResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @Query(() => LoopSettings, { description: 'The settings for reviews and repeat incidents (any signed-in user reads them).' })
  async loopSettings(@Context() ctx: RequestContext): Promise<LoopSettings> {
    return toLoopSettings(await this.reviews.requestSettings(ctx.loaders));
  }

  @Mutation(() => LoopSettings, { description: 'Changes the loop settings (admins). CONFLICT when expectedVersion is stale.' })
  @Access('ADMIN', 'ADMIN')
  async updateLoopSettings(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateLoopSettingsInput,
  ): Promise<LoopSettings> {
    return toLoopSettings(await this.reviews.updateSettings(p, input));
  }
}

/** `reliabilityMetrics.reviews` lives here so metrics need not know about reviews. */
@Resolver(() => ReliabilityMetrics)
export class MetricsReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @ResolveField(() => ReviewCompletion, {
    description: 'Review completion of the required reviews in the filter and period (see ReviewCompletion).',
  })
  reviews(@Parent() m: ReliabilityMetrics, @Context() ctx: RequestContext): Promise<ReviewCompletion> {
    return this.reviewsService.completion(ctx.loaders, m.scope);
  }
}

@Resolver(() => ReviewCompletion)
export class ReviewCompletionResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @ResolveField(() => [Incident], {
    description:
      'The overdue required reviews’ incidents (not PUBLISHED, effective dueAt < now): most overdue (earliest dueAt) first, at most 50.',
  })
  async overdueIncidents(@Parent() r: ReviewCompletion, @Context() ctx: RequestContext): Promise<Incident[]> {
    return (await this.reviews.overdueIncidents(ctx.loaders, r.scope)).map(toIncident);
  }
}
