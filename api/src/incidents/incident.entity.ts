/** A row of `incident` as PostgreSQL returns it (persistence shape; the API shape is incident.model.ts). */
export interface IncidentRow {
  id: number;
  title: string;
  summary: string | null;
  severity: string;
  postmortem_state: string;
  kind: string;
  exclude_from_metrics: boolean;
  private: boolean;
  team_id: number;
  regions: string[];
  customer_impact: string | null;
  affected_users_percent: string | null;
  detection_source: string | null;
  started_at: Date;
  detected_at: Date | null;
  acknowledged_at: Date | null;
  mitigated_at: Date | null;
  resolved_at: Date | null;
  impact_end_at: Date | null;
  source: string;
  external_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** The source it is synced from (null: typed or imported). */
  source_id: number | null;
  /** The source's last values of the fields it provides (SourceValues of sources/source-incident.ts). */
  source_values: Record<string, unknown> | null;
  /** Source fields edited in Hindsight (SOURCE_FIELDS names): syncs leave them alone until reset. */
  overridden_fields: string[];
  external_url: string | null;
}

export const INCIDENT_COLUMNS = `i.id, i.title, i.summary, i.severity, i.postmortem_state, i.kind, i.exclude_from_metrics,
  i.private, i.team_id, i.regions, i.customer_impact, i.affected_users_percent, i.detection_source, i.started_at,
  i.detected_at, i.acknowledged_at, i.mitigated_at, i.resolved_at, i.impact_end_at, i.source, i.external_id,
  i.version, i.created_at, i.updated_at, i.source_id, i.source_values, i.overridden_fields, i.external_url`;

export interface CauseTagRow {
  incident_id: number;
  cause_id: number;
  is_primary: boolean;
  state: string;
  set_by: string | null;
  set_at: Date;
  confirmed_by: string | null;
  confirmed_at: Date | null;
}

export interface AssessmentRow {
  incident_id: number;
  mechanism_id: number;
  outcome: string;
  notes: string | null;
  assessed_by: string | null;
}

export interface TimelineRow {
  id: number;
  incident_id: number;
  at: Date;
  kind: string;
  message: string;
  author: string | null;
}

/** The phase timestamps in their required order (SPEC §2). */
export const PHASES = ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const;
export type Phase = (typeof PHASES)[number];
