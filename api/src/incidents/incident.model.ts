import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountedConnection } from '../common/graphql/pagination';
import { RootCause } from '../taxonomy/root-cause.model';
import { RedundancyMechanism } from '../redundancy/redundancy-mechanism.model';
import { DetectionSource, IncidentKind, IncidentStatus, PostmortemState, RedundancyOutcome, Severity, TagState } from './incident.enums';
import type { IncidentRow } from './incident.entity';

@ObjectType({ description: 'The values of the fields a source provides, as the source last reported them (after mapping).' })
export class IncidentSourceValues {
  @Field(() => String, { nullable: true, description: 'Title.' })
  title: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Impact began.' })
  startedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Detected.' })
  detectedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Acknowledged.' })
  acknowledgedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Impact stopped.' })
  mitigatedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Resolved.' })
  resolvedAt: Date | null;

  @Field(() => Severity, { nullable: true, description: 'Severity after the source’s severity map.' })
  severity: Severity | null;

  @Field(() => DetectionSource, { nullable: true, description: 'How it was noticed.' })
  detectionSource: DetectionSource | null;

  @Field(() => [ID], { description: 'The services it named, as Hindsight service ids.' })
  serviceIds: string[];
}

/** source_values (jsonb, as the sync engine writes it) as the API shows it; unreadable values are null. */
function toSourceValues(v: Record<string, unknown> | null): IncidentSourceValues | null {
  if (!v) return null;
  const at = (key: string) => {
    const d = typeof v[key] === 'string' ? new Date(v[key] as string) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  };
  const oneOf = <T extends string>(values: Record<string, T>, x: unknown): T | null =>
    (Object.values(values) as unknown[]).includes(x) ? (x as T) : null;
  return {
    title: typeof v.title === 'string' ? v.title : null,
    startedAt: at('startedAt'),
    detectedAt: at('detectedAt'),
    acknowledgedAt: at('acknowledgedAt'),
    mitigatedAt: at('mitigatedAt'),
    resolvedAt: at('resolvedAt'),
    severity: oneOf(Severity, v.severity),
    detectionSource: oneOf(DetectionSource, v.detectionSource),
    serviceIds: Array.isArray(v.services) ? v.services.map(String) : [],
  };
}

@ObjectType({ description: 'An incident: when impact began and ended, what broke, why, and what is done about it.' })
export class Incident {
  @Field(() => ID, { description: 'Incident id.' })
  id: string;

  @Field({ description: 'Human key, e.g. INC-123; unique and never reused.' })
  key: string;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as `expectedVersion` when updating.' })
  version: number;

  @Field({ description: 'Short title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What happened, in prose.' })
  summary: string | null;

  @Field(() => Severity, { description: 'Severity.' })
  severity: Severity;

  @Field(() => IncidentStatus, { description: 'Derived from the phase timestamps.' })
  status: IncidentStatus;

  @Field(() => PostmortemState, { description: 'Post-mortem state.' })
  postmortemState: PostmortemState;

  @Field(() => IncidentKind, { description: 'Incident or near miss.' })
  kind: IncidentKind;

  @Field({ description: 'Kept out of every metric (game days, tests).' })
  excludeFromMetrics: boolean;

  @Field({ description: 'Visible only to the owning team and admins, everywhere.' })
  private: boolean;

  @Field(() => [String], { description: 'Affected regions.' })
  regions: string[];

  @Field(() => String, { nullable: true, description: 'Customer impact in words.' })
  customerImpact: string | null;

  @Field(() => Float, { nullable: true, description: 'Share of users affected, in percent (0–100).' })
  affectedUsersPercent: number | null;

  @Field(() => DetectionSource, { nullable: true, description: 'How it was first noticed.' })
  detectionSource: DetectionSource | null;

  @Field(() => GraphQLISODateTime, { description: 'Impact began (UTC).' })
  startedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Detected (UTC); not before startedAt.' })
  detectedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Acknowledged by a responder (UTC); not before detectedAt.' })
  acknowledgedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Impact stopped for users (UTC); not before acknowledgedAt.' })
  mitigatedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Incident closed (UTC); not before mitigatedAt. Absent while ongoing.' })
  resolvedAt: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Downtime in minutes: (mitigatedAt, else resolvedAt) − startedAt; null while unresolved.',
  })
  durationMinutes: number | null;

  @Field({ description: 'Where it came from: manual, csv, json, statuspage...' })
  source: string;

  @Field(() => String, { nullable: true, description: 'Id in the source system (imports are idempotent by source and externalId).' })
  externalId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Link to the incident in the tool it was synced from (PagerDuty, incident.io, status page).',
  })
  externalUrl: string | null;

  @Field(() => [String], {
    description:
      'Fields of a synced incident edited in Hindsight (title, startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt, severity, services, detectionSource): later syncs leave them alone until resetIncidentField. Empty for incidents not synced.',
  })
  overriddenFields: string[];

  @Field(() => IncidentSourceValues, {
    nullable: true,
    description: 'A synced incident’s values as its source last reported them (what resetIncidentField restores); null when not synced.',
  })
  sourceValues: IncidentSourceValues | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was last changed.' })
  updatedAt: Date;

  teamId: number;
  sourceId: number | null;
}

@ObjectType({ description: 'A root cause assigned to an incident: its primary cause or a contributing factor.' })
export class CauseTag {
  @Field(() => RootCause, { description: 'The taxonomy node (a category or a cause).' })
  cause: RootCause;

  @Field({ description: 'Primary cause (at most one per incident) or contributing factor.' })
  primary: boolean;

  @Field(() => TagState, { description: 'PROPOSED until a reviewer confirms.' })
  state: TagState;

  @Field(() => String, { nullable: true, description: 'Who set the tag.' })
  setBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the tag was set.' })
  setAt: Date;

  @Field(() => String, { nullable: true, description: 'Who confirmed it.' })
  confirmedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was confirmed.' })
  confirmedAt: Date | null;
}

@ObjectType({ description: 'How one redundancy mechanism behaved in an incident.' })
export class RedundancyAssessment {
  @Field(() => RedundancyMechanism, { description: 'The mechanism.' })
  mechanism: RedundancyMechanism;

  @Field(() => RedundancyOutcome, { description: 'What it did; MISSING and FAILED are redundancy gaps.' })
  outcome: RedundancyOutcome;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes: string | null;

  @Field(() => String, { nullable: true, description: 'Who assessed it.' })
  assessedBy: string | null;
}

@ObjectType({ description: 'A time-stamped note on an incident (detection, escalation, mitigation step...).' })
export class TimelineEvent {
  @Field(() => ID, { description: 'Event id.' })
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When it happened (UTC).' })
  at: Date;

  @Field({ description: 'Kind, e.g. NOTE, DETECTION, ESCALATION, MITIGATION, UPDATE.' })
  kind: string;

  @Field({ description: 'What happened.' })
  message: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it.' })
  author: string | null;
}

@ObjectType({ description: 'An item of a page with its cursor.' })
export class IncidentEdge {
  @Field({ description: 'Cursor of this incident.' })
  cursor: string;

  @Field(() => Incident, { description: 'The incident.' })
  node: Incident;
}

@ObjectType({ description: 'A page of incidents.' })
export class IncidentConnection extends CountedConnection {
  @Field(() => [IncidentEdge], { description: 'The incidents of this page.' })
  edges: IncidentEdge[];
}

export function statusOf(r: Pick<IncidentRow, 'resolved_at' | 'mitigated_at'>): IncidentStatus {
  if (r.resolved_at) return IncidentStatus.RESOLVED;
  if (r.mitigated_at) return IncidentStatus.MITIGATED;
  return IncidentStatus.ONGOING;
}

export const toIncident = (r: IncidentRow): Incident => ({
  id: String(r.id),
  key: `INC-${r.id}`,
  version: r.version,
  title: r.title,
  summary: r.summary,
  severity: r.severity as Severity,
  status: statusOf(r),
  postmortemState: r.postmortem_state as PostmortemState,
  kind: r.kind as IncidentKind,
  excludeFromMetrics: r.exclude_from_metrics,
  private: r.private,
  regions: r.regions,
  customerImpact: r.customer_impact,
  affectedUsersPercent: r.affected_users_percent === null ? null : Number(r.affected_users_percent),
  detectionSource: r.detection_source as DetectionSource | null,
  startedAt: r.started_at,
  detectedAt: r.detected_at,
  acknowledgedAt: r.acknowledged_at,
  mitigatedAt: r.mitigated_at,
  resolvedAt: r.resolved_at,
  durationMinutes: r.impact_end_at ? (r.impact_end_at.getTime() - r.started_at.getTime()) / 60000 : null,
  source: r.source,
  externalId: r.external_id,
  externalUrl: r.external_url,
  overriddenFields: r.overridden_fields,
  sourceValues: toSourceValues(r.source_values),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  teamId: r.team_id,
  sourceId: r.source_id,
});
