import type {
  CreateIncidentInput,
  DetectionSource,
  IncidentKind,
  PostmortemState,
  Severity,
  UpdateIncidentInput,
} from '../../../gql/graphql';

export const phaseFields = ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const;
export type PhaseField = (typeof phaseFields)[number];

export const phaseLabels: Record<PhaseField, string> = {
  startedAt: 'Impact started',
  detectedAt: 'Detected',
  acknowledgedAt: 'Acknowledged',
  mitigatedAt: 'Mitigated',
  resolvedAt: 'Resolved',
};

/** What the details form edits; timestamps are `datetime-local` strings in the viewer's zone. */
export interface IncidentFormValues {
  title: string;
  summary: string;
  severity: Severity;
  kind: IncidentKind;
  postmortemState: PostmortemState;
  detectionSource: DetectionSource | '';
  teamId: string;
  serviceIds: string[];
  regions: string;
  customerImpact: string;
  affectedUsersPercent: string;
  private: boolean;
  excludeFromMetrics: boolean;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string;
  mitigatedAt: string;
  resolvedAt: string;
}

export interface IncidentLike {
  title: string;
  summary?: string | null;
  severity: Severity;
  kind: IncidentKind;
  postmortemState: PostmortemState;
  detectionSource?: DetectionSource | null;
  team: { id: string };
  services: readonly { id: string }[];
  regions: readonly string[];
  customerImpact?: string | null;
  affectedUsersPercent?: number | null;
  private: boolean;
  excludeFromMetrics: boolean;
  startedAt: string;
  detectedAt?: string | null;
  acknowledgedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
}

export const kindLabels: Record<IncidentKind, string> = { INCIDENT: 'Incident', NEAR_MISS: 'Near miss' };

export const detectionSourceLabels: Record<DetectionSource, string> = {
  MONITORING: 'Monitoring',
  CUSTOMER_REPORT: 'Customer report',
  SOCIAL_MEDIA: 'Social media',
  INTERNAL_REPORT: 'Internal report',
  THIRD_PARTY: 'Third party',
  OTHER: 'Other',
};

export const postmortemStateLabels: Record<PostmortemState, string> = {
  NONE: 'None',
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → `YYYY-MM-DDTHH:mm:ss` in the viewer's zone (what `<input type=datetime-local>` takes). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `datetime-local` value (viewer's zone) → ISO instant in UTC; empty → null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value.length === 16 ? `${value}:00` : value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toFormValues(i: IncidentLike): IncidentFormValues {
  return {
    title: i.title,
    summary: i.summary ?? '',
    severity: i.severity,
    kind: i.kind,
    postmortemState: i.postmortemState,
    detectionSource: i.detectionSource ?? '',
    teamId: i.team.id,
    serviceIds: i.services.map((s) => s.id),
    regions: i.regions.join(', '),
    customerImpact: i.customerImpact ?? '',
    affectedUsersPercent: i.affectedUsersPercent == null ? '' : String(i.affectedUsersPercent),
    private: i.private,
    excludeFromMetrics: i.excludeFromMetrics,
    startedAt: toLocalInput(i.startedAt),
    detectedAt: toLocalInput(i.detectedAt),
    acknowledgedAt: toLocalInput(i.acknowledgedAt),
    mitigatedAt: toLocalInput(i.mitigatedAt),
    resolvedAt: toLocalInput(i.resolvedAt),
  };
}

export function emptyFormValues(teamId = ''): IncidentFormValues {
  return {
    title: '',
    summary: '',
    severity: 'SEV3',
    kind: 'INCIDENT',
    postmortemState: 'NONE',
    detectionSource: '',
    teamId,
    serviceIds: [],
    regions: '',
    customerImpact: '',
    affectedUsersPercent: '',
    private: false,
    excludeFromMetrics: false,
    startedAt: '',
    detectedAt: '',
    acknowledgedAt: '',
    mitigatedAt: '',
    resolvedAt: '',
  };
}

/** Client-side checks that mirror the API's, so most mistakes show before a round trip. */
export function validateIncidentForm(v: IncidentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.title.trim()) errors.title = 'A title is required.';
  if (v.serviceIds.length === 0) errors.serviceIds = 'Pick at least one affected service.';
  if (!v.teamId) errors.teamId = 'Pick the owning team.';
  if (!v.startedAt) errors.startedAt = 'When did impact start? This is required.';
  if (v.affectedUsersPercent.trim()) {
    const n = Number(v.affectedUsersPercent);
    if (!Number.isFinite(n) || n < 0 || n > 100) errors.affectedUsersPercent = 'A percentage between 0 and 100.';
  }
  // Present phase timestamps must be ordered; name both fields of the first violation, like the API.
  let prev: { field: PhaseField; at: number } | null = null;
  for (const field of phaseFields) {
    const iso = fromLocalInput(v[field]);
    if (v[field] && !iso) {
      errors[field] = 'Not a valid date and time.';
      continue;
    }
    if (!iso) continue;
    const at = Date.parse(iso);
    if (prev && at < prev.at) {
      const msg = `${phaseLabels[field]} cannot be before ${phaseLabels[prev.field].toLowerCase()}.`;
      errors[field] ??= msg;
      errors[prev.field] ??= msg;
    }
    prev = { field, at };
  }
  return errors;
}

function regionsOf(v: string): string[] {
  return v
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

function percentOf(v: string): number | null {
  return v.trim() ? Number(v) : null;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Only the fields the user changed, with `expectedVersion` for optimistic concurrency. A cleared
 * optional field is sent as null (the API clears it); untouched timestamps are not re-sent, so their
 * sub-second precision survives.
 */
export function toUpdateInput(base: IncidentFormValues, edited: IncidentFormValues, expectedVersion: number): UpdateIncidentInput {
  const input: UpdateIncidentInput = { expectedVersion };
  if (edited.title !== base.title) input.title = edited.title.trim();
  if (edited.summary !== base.summary) input.summary = edited.summary.trim() || null;
  if (edited.severity !== base.severity) input.severity = edited.severity;
  if (edited.kind !== base.kind) input.kind = edited.kind;
  if (edited.postmortemState !== base.postmortemState) input.postmortemState = edited.postmortemState;
  if (edited.detectionSource !== base.detectionSource) input.detectionSource = edited.detectionSource || null;
  if (edited.teamId !== base.teamId) input.teamId = edited.teamId;
  if (!sameList(edited.serviceIds, base.serviceIds)) input.serviceIds = edited.serviceIds;
  if (!sameList(regionsOf(edited.regions), regionsOf(base.regions))) input.regions = regionsOf(edited.regions);
  if (edited.customerImpact !== base.customerImpact) input.customerImpact = edited.customerImpact.trim() || null;
  if (percentOf(edited.affectedUsersPercent) !== percentOf(base.affectedUsersPercent))
    input.affectedUsersPercent = percentOf(edited.affectedUsersPercent);
  if (edited.private !== base.private) input.private = edited.private;
  if (edited.excludeFromMetrics !== base.excludeFromMetrics) input.excludeFromMetrics = edited.excludeFromMetrics;
  for (const f of phaseFields) {
    if (edited[f] !== base[f]) {
      const iso = fromLocalInput(edited[f]);
      if (f === 'startedAt') {
        if (iso) input.startedAt = iso;
      } else input[f] = iso;
    }
  }
  return input;
}

export function isDirty(base: IncidentFormValues, edited: IncidentFormValues): boolean {
  return Object.keys(toUpdateInput(base, edited, 0)).length > 1;
}

export function toCreateInput(v: IncidentFormValues): CreateIncidentInput {
  const input: CreateIncidentInput = {
    title: v.title.trim(),
    severity: v.severity,
    kind: v.kind,
    postmortemState: v.postmortemState,
    teamId: v.teamId,
    serviceIds: v.serviceIds,
    startedAt: fromLocalInput(v.startedAt) ?? '',
    private: v.private,
    excludeFromMetrics: v.excludeFromMetrics,
  };
  if (v.summary.trim()) input.summary = v.summary.trim();
  if (v.detectionSource) input.detectionSource = v.detectionSource;
  if (regionsOf(v.regions).length) input.regions = regionsOf(v.regions);
  if (v.customerImpact.trim()) input.customerImpact = v.customerImpact.trim();
  const pct = percentOf(v.affectedUsersPercent);
  if (pct != null) input.affectedUsersPercent = pct;
  for (const f of ['detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const) {
    const iso = fromLocalInput(v[f]);
    if (iso) input[f] = iso;
  }
  return input;
}
