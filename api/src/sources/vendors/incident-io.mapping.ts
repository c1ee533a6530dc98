import { SourceConnection, SourceIncident } from '../source-incident';
import { isObject, str, toInstant } from './mapping-helpers';

type Phase = 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

/** Timestamp names incident.io organisations use by default (compared lower-case); a source may override any of them. */
export const DEFAULT_TIMESTAMP_NAMES: Record<Phase, string[]> = {
  started: ['impact started', 'impact start', 'impact started at'],
  detected: ['reported at', 'reported'],
  acknowledged: ['accepted at', 'accepted'],
  mitigated: ['stabilised at', 'stabilized at', 'mitigated at', 'mitigated', 'fixed at'],
  resolved: ['resolved at', 'resolved', 'closed at'],
};

/** Modes whose incidents are not real: skipped, counted in `skipped`. */
const SKIPPED_MODES = new Set(['test', 'tutorial']);
/** Status categories that mean "this was never an incident of its own" (triaged away, merged into another). */
const SKIPPED_CATEGORIES = new Set(['declined', 'merged', 'canceled', 'cancelled']);
/** Custom fields naming the affected services, when the organisation has one. */
const SERVICE_FIELDS = new Set(['affected services', 'affected service', 'services', 'service', 'affected systems', 'affected products']);

export type IncidentIoResult = { incident: SourceIncident; skipped: false } | { incident: null; skipped: true; reason: string };

/**
 * Maps one incident.io v2 incident (`GET /v2/incidents`, and the `incident` of a
 * `public_incident.*_v2` webhook). Throws an Error naming the field when the incident cannot be read.
 */
export function mapIncidentIoIncident(raw: unknown, conn: Pick<SourceConnection, 'timestampNames'>): IncidentIoResult {
  if (!isObject(raw)) throw new Error('an incident must be an object');
  const id = str(raw.id);
  if (!id) throw new Error('the incident has no id');
  const mode = (str(raw.mode) ?? 'standard').toLowerCase();
  if (SKIPPED_MODES.has(mode)) return { incident: null, skipped: true, reason: `${mode} incident` };
  const category = (str(isObject(raw.incident_status) ? raw.incident_status.category : undefined) ?? '').toLowerCase();
  if (SKIPPED_CATEGORIES.has(category)) return { incident: null, skipped: true, reason: `${category} incident` };

  const values = new Map<string, string>();
  for (const v of Array.isArray(raw.incident_timestamp_values) ? raw.incident_timestamp_values : []) {
    if (!isObject(v) || !isObject(v.incident_timestamp) || !isObject(v.value)) continue;
    const name = str(v.incident_timestamp.name)?.trim().toLowerCase();
    const value = str(v.value.value);
    if (name && value && !values.has(name)) values.set(name, value);
  }
  const at = (phase: Phase): string | null => {
    const names = conn.timestampNames?.[phase]?.map((n) => n.trim().toLowerCase()) ?? DEFAULT_TIMESTAMP_NAMES[phase];
    for (const n of names) {
      const v = values.get(n);
      if (v !== undefined) return toInstant(v, `timestamp "${n}"`);
    }
    return null;
  };
  const createdAt = toInstant(str(raw.created_at), 'created_at');
  const detectedAt = at('detected');
  const startedAt = at('started') ?? detectedAt ?? createdAt;
  if (!startedAt) throw new Error('the incident has no start (no impact start, reported or created_at)');

  const name = str(raw.name)?.trim();
  const reference = str(raw.reference)?.trim();
  return {
    skipped: false,
    incident: {
      externalId: id,
      externalUrl: str(raw.permalink) ?? null,
      title: name || reference || id,
      startedAt,
      // a retrospective incident is recorded after the fact: its created_at says nothing of detection
      detectedAt: detectedAt ?? (mode === 'retrospective' ? null : createdAt),
      acknowledgedAt: at('acknowledged'),
      mitigatedAt: at('mitigated'),
      resolvedAt: at('resolved'),
      severityKey: (isObject(raw.severity) ? str(raw.severity.name) : undefined) ?? null,
      services: servicesOf(raw.custom_field_entries),
      teamName: null,
      detectionSource: null,
    },
  };
}

function servicesOf(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  const out: string[] = [];
  for (const e of entries) {
    if (!isObject(e) || !isObject(e.custom_field)) continue;
    const name = str(e.custom_field.name)?.trim().toLowerCase();
    if (!name || !SERVICE_FIELDS.has(name) || !Array.isArray(e.values)) continue;
    for (const v of e.values) {
      if (!isObject(v)) continue;
      const text =
        (isObject(v.value_catalog_entry) ? str(v.value_catalog_entry.name) : undefined) ??
        (isObject(v.value_option) ? str(v.value_option.value) : undefined) ??
        str(v.value_text);
      const t = text?.trim();
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}
