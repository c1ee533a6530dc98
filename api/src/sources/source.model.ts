import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Severity } from '../incidents/incident.enums';

export enum SourceKind {
  PAGERDUTY = 'PAGERDUTY',
  INCIDENT_IO = 'INCIDENT_IO',
  STATUSPAGE = 'STATUSPAGE',
  WEBHOOK = 'WEBHOOK',
}

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description:
    'PAGERDUTY (REST API v2), INCIDENT_IO (API v2), STATUSPAGE (a public Atlassian Statuspage), WEBHOOK (Hindsight’s JSON import format pushed to the source’s webhook).',
});

/** The timestamp names of SourceConnection.timestampNames (incident.io). */
export const TIMESTAMP_KEYS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type TimestampKey = (typeof TIMESTAMP_KEYS)[number];
export type TimestampNames = Partial<Record<TimestampKey, string[]>>;

/** What `source.settings` holds (jsonb). */
export interface SourceSettings {
  timestampNames?: TimestampNames;
}

@ObjectType({ description: 'One entry of a severity map: the vendor’s value and the severity it becomes.' })
export class SeverityMapping {
  @Field({ description: 'The vendor’s priority, urgency, severity or impact, compared case-insensitively.' })
  from: string;

  @Field(() => Severity, { description: 'The Hindsight severity it maps to.' })
  to: Severity;
}

@ObjectType({ description: 'What a new source of one kind starts with when createSource leaves the field out (admins).' })
export class SourceKindInfo {
  @Field(() => SourceKind, { description: 'The kind these defaults are for.' })
  kind: SourceKind;

  @Field(() => String, {
    nullable: true,
    description:
      'The vendor API’s address used when baseUrl is omitted (null for STATUSPAGE, whose URL is required, and WEBHOOK, which has none).',
  })
  defaultBaseUrl: string | null;

  @Field(() => [SeverityMapping], {
    description: 'The severity map used when severityMap is omitted: the vendor’s usual values, in order (empty for WEBHOOK).',
  })
  defaultSeverityMap: SeverityMapping[];
}

@ObjectType({ description: 'incident.io: which of the incident’s timestamp names mean which phase (compared case-insensitively).' })
export class SourceTimestampNames {
  @Field(() => [String], { nullable: true, description: 'Names for when impact began (startedAt).' })
  started?: string[];

  @Field(() => [String], { nullable: true, description: 'Names for when it was detected (detectedAt).' })
  detected?: string[];

  @Field(() => [String], { nullable: true, description: 'Names for when a responder acknowledged it (acknowledgedAt).' })
  acknowledged?: string[];

  @Field(() => [String], { nullable: true, description: 'Names for when impact stopped (mitigatedAt).' })
  mitigated?: string[];

  @Field(() => [String], { nullable: true, description: 'Names for when it was resolved (resolvedAt).' })
  resolved?: string[];
}

@ObjectType({
  description:
    'A connection to a tool where incidents already live (admins only). Its token and webhook secret are stored encrypted and never returned.',
})
export class Source {
  @Field(() => ID, { description: 'Source id.' })
  id: string;

  @Field(() => SourceKind, { description: 'Which tool; fixed when the source is created.' })
  kind: SourceKind;

  @Field({ description: 'Unique name among sources that are not deleted (case-insensitive), 1–200 characters.' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'The vendor API’s or status page’s base URL (null for WEBHOOK sources, which are pushed to).',
  })
  baseUrl: string | null;

  @Field({ description: 'Whether a token is stored (the token itself is never returned).' })
  hasToken: boolean;

  @Field({ description: 'Whether a webhook secret is stored (the secret itself is never returned).' })
  hasWebhookSecret: boolean;

  @Field({ description: 'false: paused (no scheduled syncs; webhook pushes are refused).' })
  enabled: boolean;

  @Field(() => Int, { description: 'Minutes between scheduled syncs; 0: on demand only.' })
  syncEveryMinutes: number;

  @Field(() => GraphQLISODateTime, { description: 'How far back the first sync reaches.' })
  since: Date;

  @Field(() => [SeverityMapping], { description: 'Vendor value → severity, in the order given.' })
  severityMap: SeverityMapping[];

  @Field(() => Severity, { description: 'Severity of an incident whose vendor value is missing or not in the map.' })
  defaultSeverity: Severity;

  @Field({ description: 'Whether services the source names but Hindsight lacks are created under the source’s team.' })
  createMissing: boolean;

  @Field({ description: 'Whether the incidents it creates are private to its team.' })
  private: boolean;

  @Field(() => SourceTimestampNames, {
    nullable: true,
    description: 'incident.io: timestamp names per phase (null: the defaults); null for other kinds.',
  })
  timestampNames: SourceTimestampNames | null;

  @Field({
    description: 'Where the vendor pushes events: POST <public URL>/api/sources/<id>/webhook (paste it into the vendor’s settings).',
  })
  webhookUrl: string;

  @Field(() => Int, { description: 'Incremented by every edit; pass it as expectedVersion to updateSource.' })
  version: number;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;

  teamId: number;
}

@ObjectType({ description: 'The answer of testSourceConnection.' })
export class SourceConnectionTest {
  @Field({ description: 'Whether an authenticated request to the vendor succeeded.' })
  ok: boolean;

  @Field({ description: 'What happened (e.g. the vendor refused the token, the host is unreachable); never contains the token.' })
  message: string;
}

@ObjectType({
  description:
    'Where a synced incident came from, as anyone who can see the incident may see it (the full Source is for admins: source(id)).',
})
export class IncidentSource {
  @Field(() => ID, { description: 'Source id.' })
  id: string;

  @Field(() => SourceKind, { description: 'Which tool.' })
  kind: SourceKind;

  @Field({ description: 'The source’s name.' })
  name: string;

  @Field({ description: 'Whether the source was deleted (its incidents are kept, no longer synced).' })
  deleted: boolean;
}

/** A row of `source` without the sealed secrets (which only SourcesService.connection reads). */
export interface SourceRow {
  id: number;
  kind: SourceKind;
  name: string;
  base_url: string | null;
  has_token: boolean;
  has_webhook_secret: boolean;
  team_id: number;
  enabled: boolean;
  sync_every_minutes: number;
  since: Date;
  severity_map: Array<{ from: string; to: string }>;
  default_severity: string;
  create_missing: boolean;
  private: boolean;
  settings: SourceSettings;
  mark: string | null;
  version: number;
  created_at: Date;
  deleted_at: Date | null;
}

export const toSource = (r: SourceRow, publicUrl: string): Source => ({
  id: String(r.id),
  kind: r.kind,
  name: r.name,
  baseUrl: r.base_url,
  hasToken: r.has_token,
  hasWebhookSecret: r.has_webhook_secret,
  enabled: r.enabled,
  syncEveryMinutes: r.sync_every_minutes,
  since: r.since,
  severityMap: r.severity_map.map((m) => ({ from: m.from, to: m.to as Severity })),
  defaultSeverity: r.default_severity as Severity,
  createMissing: r.create_missing,
  private: r.private,
  timestampNames: r.kind === SourceKind.INCIDENT_IO ? (r.settings.timestampNames ?? null) : null,
  webhookUrl: `${publicUrl}/api/sources/${r.id}/webhook`,
  version: r.version,
  createdAt: r.created_at,
  teamId: r.team_id,
});

export const toIncidentSource = (r: Pick<SourceRow, 'id' | 'kind' | 'name' | 'deleted_at'>): IncidentSource => ({
  id: String(r.id),
  kind: r.kind,
  name: r.name,
  deleted: r.deleted_at !== null,
});
