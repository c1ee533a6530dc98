import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../common/graphql/context';
import { RedundancyMechanism, toMechanism } from '../redundancy/redundancy-mechanism.model';
import { RedundancyService } from '../redundancy/redundancy.service';
import { Service, toService } from '../services/service.model';
import { ServicesService } from '../services/services.service';
import { Team, toTeam } from '../teams/team.model';
import { TeamsService } from '../teams/teams.service';
import { toRootCause } from '../taxonomy/root-cause.model';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { IncidentSource, toIncidentSource } from '../sources/source.model';
import { SourcesService } from '../sources/sources.service';
import { CreateIncidentInput, UpdateIncidentInput } from './dto/incident.input';
import { AddTimelineEventInput, AssessRedundancyInput } from './dto/incident-notes.input';
import { IncidentFilter } from './dto/incident-filter.input';
import { CauseTagRow } from './incident.entity';
import { IncidentSort, RedundancyOutcome, TagState } from './incident.enums';
import { CauseTag, Incident, IncidentConnection, RedundancyAssessment, TimelineEvent, toIncident } from './incident.model';
import { IncidentsService } from './incidents.service';
import { perItem } from '../common/graphql/limits';

@Resolver(() => Incident)
export class IncidentsResolver {
  constructor(
    private readonly incidentsService: IncidentsService,
    private readonly servicesService: ServicesService,
    private readonly teamsService: TeamsService,
    private readonly taxonomy: TaxonomyService,
    private readonly redundancyService: RedundancyService,
    private readonly auth: AuthService,
    private readonly sourcesService: SourcesService,
  ) {}

  /** Who did something, as the caller may see it (viewers see names, not other users' emails). */
  private actor(ctx: RequestContext, actor: string | null): Promise<string | null> {
    return this.auth.actorLabel(ctx.loaders, ctx.principal, actor);
  }

  private async toTag(row: CauseTagRow, ctx: RequestContext): Promise<CauseTag> {
    return {
      cause: toRootCause((await this.taxonomy.load(ctx.loaders, row.cause_id))!),
      primary: row.is_primary,
      state: row.state as TagState,
      setBy: await this.actor(ctx, row.set_by),
      setAt: row.set_at,
      confirmedBy: await this.actor(ctx, row.confirmed_by),
      confirmedAt: row.confirmed_at,
    };
  }

  @Query(() => IncidentConnection, {
    description: 'Incidents you may see, newest first by default, as a Relay connection.',
    complexity: perItem(),
  })
  async incidents(
    @CurrentPrincipal() p: Principal,
    @Args('filter', { description: 'Which incidents; all you may see when omitted.', type: () => IncidentFilter, nullable: true })
    filter: IncidentFilter, // null when omitted; typed as the class so the validation pipe checks it
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25, description: 'Page size, 0–200.' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Args('sort', {
      description: 'Order of the list.',
      type: () => IncidentSort,
      nullable: true,
      defaultValue: IncidentSort.STARTED_AT_DESC,
    })
    sort: IncidentSort,
  ): Promise<IncidentConnection> {
    const page = await this.incidentsService.list(p, filter, first, after, sort);
    const edges = page.rows.map((r) => ({ cursor: r.cursor, node: toIncident(r) }));
    return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => Incident, { nullable: true, description: 'One incident; NOT_FOUND when it does not exist or is private to another team.' })
  async incident(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
  ): Promise<Incident> {
    return toIncident(await this.incidentsService.get(p, Number(id)));
  }

  @Mutation(() => Incident, { description: 'Records an incident (responders of the owning team, admins).' })
  async createIncident(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateIncidentInput,
  ): Promise<Incident> {
    return toIncident(await this.incidentsService.create(p, input));
  }

  @Mutation(() => Incident, { description: 'Changes an incident; CONFLICT when expectedVersion is stale, and nothing is written.' })
  async updateIncident(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateIncidentInput,
  ): Promise<Incident> {
    return toIncident(await this.incidentsService.update(p, Number(id), input));
  }

  @Mutation(() => Incident, {
    description:
      'Gives a synced incident’s field back to its source: writes the source’s last value, clears the override mark (later syncs refresh the field again) and bumps the version. Same access as updateIncident.',
  })
  async resetIncidentField(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('field', {
      description:
        'One of overriddenFields: title, startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt, severity, services, detectionSource.',
    })
    field: string,
    @Args('expectedVersion', {
      type: () => Int,
      nullable: true,
      description: 'The version you read; when given, CONFLICT if the incident changed since.',
    })
    expectedVersion: number | null,
  ): Promise<Incident> {
    return toIncident(await this.incidentsService.resetField(p, Number(id), field, expectedVersion ?? null));
  }

  @Mutation(() => Incident, { description: 'Sets the review state of a cause tag (CONFIRMED by a reviewer, or back to PROPOSED).' })
  async reviewCause(
    @CurrentPrincipal() p: Principal,
    @Args('incidentId', { description: 'The incident.', type: () => ID }) incidentId: string,
    @Args('causeId', { description: 'The tagged cause (primary or contributing).', type: () => ID }) causeId: string,
    @Args('state', { description: 'The new review state.', type: () => TagState, defaultValue: TagState.CONFIRMED }) state: TagState,
  ): Promise<Incident> {
    return toIncident(await this.incidentsService.setCauseState(p, Number(incidentId), Number(causeId), state));
  }

  @Mutation(() => Incident, { description: 'Records how a redundancy mechanism behaved (null outcome removes it).' })
  async assessRedundancy(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: AssessRedundancyInput,
  ): Promise<Incident> {
    return toIncident(
      await this.incidentsService.assess(
        p,
        Number(input.incidentId),
        Number(input.mechanismId),
        input.outcome ?? null,
        input.notes ?? null,
      ),
    );
  }

  @Mutation(() => TimelineEvent, { description: 'Adds a note to the incident timeline.' })
  async addTimelineEvent(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: AddTimelineEventInput,
  ): Promise<TimelineEvent> {
    const row = await this.incidentsService.addTimelineEvent(p, Number(input.incidentId), {
      at: input.at,
      kind: input.kind ?? 'NOTE',
      message: input.message,
    });
    return { ...row, id: String(row.id) };
  }

  @ResolveField(() => [Service], { description: 'Affected services.' })
  async services(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<Service[]> {
    return (await this.servicesService.loadByIncident(ctx.loaders, Number(i.id))).map(toService);
  }

  @ResolveField(() => Team, { description: 'Owning team.' })
  async team(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<Team> {
    return toTeam((await this.teamsService.load(ctx.loaders, i.teamId))!);
  }

  @ResolveField(() => IncidentSource, {
    nullable: true,
    description:
      'The source it is synced from (its name and kind; admins see the full Source through source(id)); null when typed or imported.',
  })
  async syncedFrom(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<IncidentSource | null> {
    if (i.sourceId === null) return null;
    const row = await this.sourcesService.load(ctx.loaders, i.sourceId);
    return row ? toIncidentSource(row) : null;
  }

  @ResolveField(() => CauseTag, { nullable: true, description: 'The primary cause, if tagged.' })
  async primaryCause(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<CauseTag | null> {
    const tag = (await this.incidentsService.loadCauseTags(ctx.loaders, Number(i.id))).find((t) => t.is_primary);
    return tag ? this.toTag(tag, ctx) : null;
  }

  @ResolveField(() => [CauseTag], { description: 'Contributing factors.' })
  async contributingFactors(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<CauseTag[]> {
    const tags = (await this.incidentsService.loadCauseTags(ctx.loaders, Number(i.id))).filter((t) => !t.is_primary);
    return Promise.all(tags.map((t) => this.toTag(t, ctx)));
  }

  @ResolveField(() => [RedundancyAssessment], { description: 'Redundancy assessments, one per mechanism assessed.' })
  async assessments(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<RedundancyAssessment[]> {
    const rows = await this.incidentsService.loadAssessments(ctx.loaders, Number(i.id));
    return Promise.all(
      rows.map(async (a) => ({
        mechanism: toMechanism((await this.redundancyService.load(ctx.loaders, a.mechanism_id))!) as RedundancyMechanism,
        outcome: a.outcome as RedundancyOutcome,
        notes: a.notes,
        assessedBy: await this.actor(ctx, a.assessed_by),
      })),
    );
  }

  @ResolveField(() => [TimelineEvent], { description: 'Timeline notes, oldest first.' })
  async timeline(@Parent() i: Incident, @Context() ctx: RequestContext): Promise<TimelineEvent[]> {
    const events = await this.incidentsService.loadTimeline(ctx.loaders, Number(i.id));
    return Promise.all(events.map(async (t) => ({ ...t, id: String(t.id), author: await this.actor(ctx, t.author) })));
  }
}
