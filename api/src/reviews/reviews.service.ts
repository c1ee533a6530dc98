import { Injectable } from '@nestjs/common';
import { AuditService, diff } from '../audit/audit.service';
import { assertCanWriteTeam } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { badInput, DomainError } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { toIds } from '../common/graphql/validators';
import type { IncidentRow } from '../incidents/incident.entity';
import { PostmortemState } from '../incidents/incident.enums';
import { IncidentsService } from '../incidents/incidents.service';
import { metricsCacheKey, MetricsCache } from '../metrics/metrics.cache';
import { SMALL_SAMPLE } from '../metrics/metrics.service';
import type { MetricsScope } from '../metrics/metrics.scope';
import { UpdateLoopSettingsInput } from './dto/update-loop-settings.input';
import { UpdatePostMortemInput } from './dto/update-post-mortem.input';
import type { LoopSettingRow, PostMortemViewRow, ReviewCompletionRow } from './post-mortem.entity';
import { ReviewCompletion, toReviewCompletion } from './post-mortem.model';
import { POST_MORTEM_TEMPLATE } from './post-mortem.template';
import { ReviewsRepository } from './reviews.repository';

/** At most this many overdue incidents are listed in reliabilityMetrics.reviews.overdueIncidents. */
export const OVERDUE_LIST_LIMIT = 50;

const iso = (d: Date | null) => d?.toISOString() ?? null;

@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ReviewsRepository,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
    private readonly cache: MetricsCache,
  ) {}

  /** The review of an incident the caller already sees, through the request's DataLoader (one statement per page). */
  load(loaders: RequestLoaders, incidentId: number): Promise<PostMortemViewRow | null> {
    return loaders
      .get<number, PostMortemViewRow | null>(
        'postMortemByIncident',
        async (ids) => indexBy(await this.repo.views(ids), (r) => r.incident_id),
        null,
      )
      .load(incidentId);
  }

  /**
   * Writes an incident's review. Who may: whoever may edit the incident (admins; responders of its team); an incident
   * the caller cannot see is NOT_FOUND. expectedVersion 0 writes the first review (body: the template unless given;
   * state: DRAFT unless given). Only the current review is stored; the audit entry names what changed (the body by
   * its length, so large reviews do not fill the log).
   */
  async update(principal: Principal, incidentId: number, input: UpdatePostMortemInput): Promise<PostMortemViewRow> {
    return this.db.transaction(async (tx) => {
      // the incident's row lock serialises this with incident edits (which may change postmortemState too)
      const incident = await this.incidents.get(principal, incidentId, tx, true);
      assertCanWriteTeam(principal, incident.team_id);
      const current = await this.repo.lock(tx, incidentId);
      const version = current?.version ?? 0;
      if (input.expectedVersion !== version) throw this.conflict(incidentId, version, input.expectedVersion);

      // omitted: the state stays (an incident imported or edited as IN_REVIEW or PUBLISHED keeps it); from NONE, DRAFT
      const kept = incident.postmortem_state as PostmortemState;
      const state = input.state ?? (kept === PostmortemState.NONE ? PostmortemState.DRAFT : kept);
      if (state === PostmortemState.NONE) {
        throw badInput('state: NONE cannot be set on a review; use DRAFT, IN_REVIEW or PUBLISHED', 'state');
      }
      const body = input.body ?? current?.body ?? POST_MORTEM_TEMPLATE;
      if (state === PostmortemState.PUBLISHED && !body.trim()) throw badInput('body: an empty review cannot be published', 'body');
      const dueAt = input.dueAt === undefined ? (current?.due_at ?? null) : input.dueAt;
      if (dueAt && Number.isNaN(dueAt.getTime())) throw badInput('dueAt must be a timestamp', 'dueAt');
      const wasPublished = current !== null && incident.postmortem_state === PostmortemState.PUBLISHED && current.published_at !== null;
      const publishedAt = state !== PostmortemState.PUBLISHED ? null : wasPublished ? current.published_at : new Date();

      let reviewerIds = current?.reviewer_ids ?? [];
      if (input.reviewerIds !== undefined && input.reviewerIds !== null) {
        const wanted = [...new Set(toIds(input.reviewerIds))].sort((a, b) => a - b);
        const found = new Set(await this.repo.existingUsers(tx, wanted));
        const unknown = wanted.filter((id) => !found.has(id));
        if (unknown.length) throw badInput(`reviewerIds: no user with id ${unknown.join(', ')}`, 'reviewerIds');
        reviewerIds = wanted;
      }

      const saved = await this.repo.save(tx, incidentId, version, { state, body, dueAt, publishedAt, actor: principal.actor });
      if (!saved) throw this.conflict(incidentId, null, input.expectedVersion);
      if (input.reviewerIds !== undefined && input.reviewerIds !== null) await this.repo.setReviewers(tx, incidentId, reviewerIds);
      await this.repo.setIncidentState(tx, incidentId, state);

      const before = current
        ? {
            state: incident.postmortem_state,
            bodyChars: current.body.length,
            dueAt: iso(current.due_at),
            publishedAt: iso(current.published_at),
            reviewerIds: current.reviewer_ids,
          }
        : { state: incident.postmortem_state };
      const after = { state, bodyChars: body.length, dueAt: iso(dueAt), publishedAt: iso(publishedAt), reviewerIds };
      const changes: Record<string, unknown> = diff(before, after);
      if (current && input.body !== undefined && input.body !== null && input.body !== current.body && !('bodyChars' in changes)) {
        changes.body = 'changed';
      }
      await this.audit.record(tx, principal, {
        action: current ? 'incident.postMortem.update' : 'incident.postMortem.create',
        entityType: 'Incident',
        entityId: incidentId,
        changes: { version: version + 1, ...changes },
      });
      const [row] = await this.repo.views([incidentId], tx);
      return row;
    });
  }

  /** Admins only (the resolver's Access rule); validation by the input class. */
  async updateSettings(principal: Principal, input: UpdateLoopSettingsInput): Promise<LoopSettingRow> {
    return this.db.transaction(async (tx) => {
      const current = await this.repo.settings(tx, true);
      if (current.version !== input.expectedVersion) {
        throw new DomainError(
          'CONFLICT',
          `The loop settings were changed by someone else (you had version ${input.expectedVersion}, they are now at ${current.version}); reload them and apply your change again`,
          ['expectedVersion'],
        );
      }
      const next = {
        reviewSeverities: input.reviewSeverities ?? current.review_severities,
        reviewDueDays: input.reviewDueDays ?? current.review_due_days,
        repeatWindowDays: input.repeatWindowDays ?? current.repeat_window_days,
      };
      const row = await this.repo.saveSettings(tx, input.expectedVersion, next);
      if (!row) throw new DomainError('CONFLICT', 'The loop settings were changed by someone else; reload them', ['expectedVersion']);
      await this.audit.record(tx, principal, {
        action: 'loopSettings.update',
        entityType: 'LoopSettings',
        entityId: 'loop',
        changes: diff(
          {
            reviewSeverities: current.review_severities,
            reviewDueDays: current.review_due_days,
            repeatWindowDays: current.repeat_window_days,
          },
          next,
        ),
      });
      return row;
    });
  }

  /**
   * The loop settings as this request sees them: read once per GraphQL request (review completion, its overdue list
   * and loopSettings share the read), so every answer of one request follows the same settings.
   */
  requestSettings(loaders: RequestLoaders): Promise<LoopSettingRow> {
    return loaders
      .get<'loop', LoopSettingRow | null>('loopSettings', async () => new Map([['loop', await this.repo.settings()]]), null)
      .load('loop') as Promise<LoopSettingRow>;
  }

  /**
   * Review completion of the scope, cached like the other metrics (per reader and filter, while the data version holds)
   * and also only until the next unpublished review falls due: "overdue" moves with the clock, not only with writes.
   */
  async completion(loaders: RequestLoaders, scope: MetricsScope): Promise<ReviewCompletion> {
    return toReviewCompletion(await this.completionRow(loaders, scope), scope, SMALL_SAMPLE);
  }

  private async completionRow(loaders: RequestLoaders, scope: MetricsScope): Promise<ReviewCompletionRow> {
    const settings = await this.requestSettings(loaders);
    return this.cache.getUntil(loaders, metricsCacheKey(scope, 'reviews.completion'), async () => {
      const row = await this.repo.completion(scope, settings);
      return { value: row, until: row.next_due_at };
    });
  }

  /** The overdue list of the scope; cached as completion, and until the same instant (its rows change only then). */
  async overdueIncidents(loaders: RequestLoaders, scope: MetricsScope): Promise<IncidentRow[]> {
    const settings = await this.requestSettings(loaders);
    return this.cache.getUntil(loaders, metricsCacheKey(scope, 'reviews.overdue'), async () => {
      const [rows, completion] = await Promise.all([
        this.repo.overdueIncidents(scope, settings, OVERDUE_LIST_LIMIT),
        this.completionRow(loaders, scope),
      ]);
      return { value: rows, until: completion.next_due_at };
    });
  }

  /** As incident edits answer a stale version (incidents.service), so the web offers the same reload-and-merge. */
  private conflict(incidentId: number, current: number | null, expected: number): DomainError {
    return new DomainError(
      'CONFLICT',
      `The review of INC-${incidentId} was changed by someone else (you had version ${expected}${current !== null ? `, it is now ${current}` : ''}); reload it and apply your edit again`,
      ['expectedVersion'],
    );
  }
}
