import { phaseLabels, type IncidentFormValues } from './incidentForm';

/** The link to the incident in its source, only when it is an http(s) address (a source's text is not trusted). */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The names a source uses for the fields it provides (`overriddenFields`), as the form's field names. */
const formFieldOf: Record<string, keyof IncidentFormValues> = {
  title: 'title',
  startedAt: 'startedAt',
  detectedAt: 'detectedAt',
  acknowledgedAt: 'acknowledgedAt',
  mitigatedAt: 'mitigatedAt',
  resolvedAt: 'resolvedAt',
  severity: 'severity',
  services: 'serviceIds',
  serviceIds: 'serviceIds',
  detectionSource: 'detectionSource',
};

/** Form field → the source's field name to reset, for each field edited here. Unknown names are ignored. */
export function toOverriddenFormFields(overridden: readonly string[]): Partial<Record<keyof IncidentFormValues, string>> {
  const out: Partial<Record<keyof IncidentFormValues, string>> = {};
  for (const name of overridden) {
    const f = formFieldOf[name];
    if (f) out[f] = name;
  }
  return out;
}

/** What the source last said for a field (IncidentSourceValues). */
export interface SourceValuesLike {
  title?: string | null;
  startedAt?: string | null;
  detectedAt?: string | null;
  acknowledgedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
  severity?: string | null;
  detectionSource?: string | null;
  serviceIds: readonly string[];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The source's value of each form field, as text for the "edited here" marker, so a reader sees what
 * a reset would bring back. Timestamps in the viewer's zone (`formatTime`); services by name.
 */
export function toSourceValueLabels(
  values: SourceValuesLike | null | undefined,
  formatTime: (iso: string) => string,
  serviceName: (id: string) => string | undefined,
  detectionLabel: (value: string) => string,
): Partial<Record<keyof IncidentFormValues, string>> {
  if (!values) return {};
  const out: Partial<Record<keyof IncidentFormValues, string>> = {};
  if (values.title != null) out.title = `“${clip(values.title, 60)}”`;
  for (const f of ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const) {
    const v = values[f];
    out[f] = v ? formatTime(v) : 'none';
  }
  out.severity = values.severity ?? 'none';
  out.detectionSource = values.detectionSource ? detectionLabel(values.detectionSource) : 'none';
  out.serviceIds = values.serviceIds.length ? clip(values.serviceIds.map((id) => serviceName(id) ?? `#${id}`).join(', '), 80) : 'none';
  return out;
}

const overriddenLabels: Record<keyof IncidentFormValues, string> = {
  title: 'Title',
  severity: 'Severity',
  detectionSource: 'Detected by',
  serviceIds: 'Affected services',
  ...phaseLabels,
} as Record<keyof IncidentFormValues, string>;

/** The fields edited here that the source also provides, as readers name them, in the form's order. */
export function toOverriddenLabels(overridden: readonly string[]): string[] {
  const fields = toOverriddenFormFields(overridden);
  return (Object.keys(overriddenLabels) as (keyof IncidentFormValues)[]).filter((f) => fields[f]).map((f) => overriddenLabels[f]);
}
