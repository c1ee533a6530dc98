import type { IncidentFormValues } from './incidentForm';

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
