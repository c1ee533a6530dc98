import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PostmortemState, Severity } from '../incidents/incident.enums';
import type { MetricsScope } from '../metrics/metrics.scope';
import type { LoopSettingRow, PostMortemViewRow, ReviewCompletionRow } from './post-mortem.entity';
import { POST_MORTEM_TEMPLATE } from './post-mortem.template';

@ObjectType({
  description:
    'The review (post-mortem) of an incident. Every incident has one: before anything is written its state is the ' +
    "incident's postmortemState (NONE for a new incident), its body the template and its version 0.",
})
export class PostMortem {
  @Field(() => ID, { description: 'The incident it reviews.' })
  incidentId: string;

  @Field(() => PostmortemState, {
    description:
      'Where the review stands; the same value as Incident.postmortemState (one truth: changing either changes both). NONE only before a review is written.',
  })
  state: PostmortemState;

  @Field({
    description:
      'The review in Markdown (at most 200,000 characters). Until a review is saved: the template (Summary, Impact, Timeline, Root causes and trigger, Detection, What went well, What went wrong, Where we got lucky, Follow-ups).',
  })
  body: string;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'Effective due date: the due date set on the review, else resolvedAt + loopSettings.reviewDueDays days; null while the incident is unresolved and no due date is set.',
  })
  dueAt: Date | null;

  @Field({ description: 'A due date is set on the review itself (false: dueAt is derived from resolvedAt and the settings).' })
  dueAtSet: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When it was last published (set when the state becomes PUBLISHED, kept while it stays PUBLISHED, cleared when it goes back to DRAFT or IN_REVIEW); null when not published.',
  })
  publishedAt: Date | null;

  @Field(() => Int, {
    description: 'Optimistic-concurrency version: pass it as expectedVersion to updatePostMortem; 0 while no review is saved.',
  })
  version: number;

  @Field({
    description:
      'A review is required: the incident is counted (kind INCIDENT, not excludeFromMetrics) and its severity is one of loopSettings.reviewSeverities.',
  })
  required: boolean;

  @Field({ description: 'required, not PUBLISHED, and dueAt (effective) is before now.' })
  overdue: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Last saved; null while no review is saved.' })
  updatedAt: Date | null;

  reviewerIds: number[];
  /** Who saved it last as recorded (email or token name); shown through ReviewsResolver.updatedBy. */
  updatedByActor: string | null;
}

export const toPostMortem = (r: PostMortemViewRow): PostMortem => ({
  incidentId: String(r.incident_id),
  state: r.state as PostmortemState,
  body: r.saved ? (r.body ?? '') : POST_MORTEM_TEMPLATE,
  dueAt: r.effective_due_at,
  dueAtSet: r.due_at !== null,
  publishedAt: r.state === PostmortemState.PUBLISHED ? r.published_at : null,
  version: r.version,
  required: r.required,
  overdue: r.overdue,
  updatedAt: r.updated_at,
  reviewerIds: r.reviewer_ids ?? [],
  updatedByActor: r.updated_by,
});

@ObjectType({
  description: 'Organisation-wide settings for closing the loop: which reviews are required and when they are due, and the repeat window.',
})
export class LoopSettings {
  @Field(() => [Severity], { description: 'Counted incidents of these severities require a published review (default SEV1, SEV2).' })
  reviewSeverities: Severity[];

  @Field(() => Int, { description: 'A review is due this many days after resolvedAt unless its own dueAt is set (default 5; 0–365).' })
  reviewDueDays: number;

  @Field(() => Int, {
    description: 'An incident repeats an earlier one that started at most this many days before it (default 90; 1–3650).',
  })
  repeatWindowDays: number;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as expectedVersion to updateLoopSettings.' })
  version: number;

  @Field(() => GraphQLISODateTime, { description: 'Last changed.' })
  updatedAt: Date;
}

export const toLoopSettings = (r: LoopSettingRow): LoopSettings => ({
  reviewSeverities: r.review_severities as Severity[],
  reviewDueDays: r.review_due_days,
  repeatWindowDays: r.repeat_window_days,
  version: r.version,
  updatedAt: r.updated_at,
});

@ObjectType({
  description:
    'Review completion of the incidents in the filter: over the required reviews = resolved, counted incidents (not near misses, not excluded) ' +
    'of loopSettings.reviewSeverities with startedAt in [periodStart, periodEnd), visible to you.',
})
export class ReviewCompletion {
  @Field(() => Int, {
    description: 'Required reviews: resolved, counted incidents of the required severities in the filter and period (count).',
  })
  required: number;

  @Field(() => Int, { description: 'Of the required: those whose review is PUBLISHED (count).' })
  published: number;

  @Field(() => Int, {
    description: 'Of the published: publishedAt ≤ effective dueAt (own dueAt, else resolvedAt + reviewDueDays days) (count).',
  })
  publishedOnTime: number;

  @Field(() => Int, { description: 'Of the required: not PUBLISHED and effective dueAt < now (count).' })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median days to publish = percentile_cont(0.5) of (publishedAt − resolvedAt) in days (fractional) over the published required reviews; null when none.',
  })
  medianDaysToPublish: number | null;

  @Field({ description: 'required < 5: the numbers are given but rest on a small sample.' })
  smallSample: boolean;

  /** Whose metrics and which incidents, for overdueIncidents. */
  scope: MetricsScope;
}

export const toReviewCompletion = (r: ReviewCompletionRow, scope: MetricsScope, smallSampleBelow: number): ReviewCompletion => ({
  required: r.required,
  published: r.published,
  publishedOnTime: r.published_on_time,
  overdue: r.overdue,
  medianDaysToPublish: r.median_days_to_publish,
  smallSample: r.required < smallSampleBelow,
  scope,
});
