import { textProblem } from '../../common/graphql/input-checks';
import { excerpt, isoOfMicros, parseInstant } from '../../imports/import-row';
import { Phase, PHASES } from '../../incidents/incident.entity';
import { DetectionSource, Severity } from '../../incidents/incident.enums';
import { SOURCE_FIELDS, SourceField, SourceIncident, SourceValues } from '../source-incident';

/** What of a source decides how its incidents are mapped. */
export interface MappingRules {
  /** The source's name: the service of an incident that names none. */
  name: string;
  severityMap: Array<{ from: string; to: string }>;
  defaultSeverity: string;
}

/** A vendor incident checked and mapped, with names still to be resolved to ids. */
export interface MappedIncident {
  externalId: string;
  externalUrl: string | null;
  title: string;
  severity: Severity;
  detectionSource: DetectionSource | null;
  /** Canonical UTC text at microsecond precision (the form source_values keeps). */
  phases: Record<Phase, string | null>;
  teamName: string | null;
  services: string[];
}

/** The longest title Hindsight keeps (as for incidents made in the app and imports). */
export const MAX_TITLE = 500;
/** The longest external id (as for imports). */
export const MAX_EXTERNAL_ID = 200;
const MAX_URL = 2000;
const MAX_NAME = 200;
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/**
 * Maps one vendor incident by the source's rules: severity through the severity map (the vendor's
 * value compared case-insensitively), else the vendor's value when it is a severity name (SEV1..SEV4),
 * else the default; no services means a service named after the
 * source. Refuses, with a message naming the field, what Hindsight cannot store: no id or title,
 * timestamps without a zone or out of phase order, text PostgreSQL cannot hold. A title longer than
 * Hindsight keeps is shortened (the vendor's incident is still worth having); a link that is not
 * http(s) is dropped (the web app renders it as a link).
 */
export function mapSourceIncident(i: SourceIncident, rules: MappingRules, now = Date.now()): { incident?: MappedIncident; error?: string } {
  const externalId = typeof i.externalId === 'string' ? i.externalId.trim() : '';
  if (!externalId) return { error: 'the incident has no id' };
  if (externalId.length > MAX_EXTERNAL_ID) return { error: `its id is longer than ${MAX_EXTERNAL_ID} characters` };
  const texts: Array<[string, string | null]> = [
    ['id', externalId],
    ['title', i.title],
    ['team', i.teamName],
    ...i.services.map((s): [string, string] => ['service', s]),
  ];
  for (const [field, value] of texts) {
    const problem = typeof value === 'string' ? textProblem(value) : null;
    if (problem) return { error: `its ${field} ${problem}` };
  }
  let title = (i.title ?? '').trim();
  if (!title) return { error: 'it has no title' };
  if (title.length > MAX_TITLE) title = `${title.slice(0, MAX_TITLE - 1)}…`;

  const phases = {} as Record<Phase, string | null>;
  for (const p of PHASES) {
    const value = i[p];
    if (value === null || value === undefined || value === '') {
      if (p === 'startedAt') return { error: 'it has no start time' };
      phases[p] = null;
      continue;
    }
    const parsed = parseInstant(String(value));
    if (typeof parsed === 'string') return { error: `its ${p} "${excerpt(String(value))}" is not an ISO 8601 timestamp with offset` };
    phases[p] = parsed.iso;
  }
  const order = phaseProblem(phases, now);
  if (order) return { error: order };

  const key = i.severityKey?.trim().toLowerCase() ?? '';
  const mapped = key ? rules.severityMap.find((m) => m.from.trim().toLowerCase() === key)?.to : undefined;
  // a vendor value that is itself a Hindsight severity (a push's SEV2, incident.io's "SEV1") needs no mapping
  const literal = key.toUpperCase() in Severity ? key.toUpperCase() : undefined;
  const severity = (mapped ?? literal ?? rules.defaultSeverity) as Severity;

  const detection = i.detectionSource
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const detectionSource =
    detection === 'CUSTOMER'
      ? DetectionSource.CUSTOMER_REPORT
      : detection && detection in DetectionSource
        ? (detection as DetectionSource)
        : null;

  const services = new Map<string, string>();
  for (const s of i.services ?? []) {
    const name = String(s).trim();
    if (!name) continue;
    if (name.length > MAX_NAME) return { error: `its service "${excerpt(name)}" has a name longer than ${MAX_NAME} characters` };
    if (!services.has(name.toLowerCase())) services.set(name.toLowerCase(), name);
  }
  if (!services.size) services.set(rules.name.toLowerCase(), rules.name);

  const url = i.externalUrl?.trim() ?? '';
  const externalUrl = url.length <= MAX_URL && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  const teamName = i.teamName?.trim() || null;
  return {
    incident: { externalId, externalUrl, title, severity, detectionSource, phases, teamName, services: [...services.values()] },
  };
}

/**
 * The first problem of a set of phase timestamps: out of order (started ≤ detected ≤ acknowledged ≤
 * mitigated ≤ resolved, at microsecond precision, as the database's check has it) or more than a
 * day in the future; null when there is none.
 */
export function phaseProblem(phases: Record<Phase, string | null>, now = Date.now()): string | null {
  let previous: Phase | null = null;
  let previousMicros = 0;
  for (const p of PHASES) {
    const text = phases[p];
    if (!text) continue;
    const at = parseInstant(text);
    if (typeof at === 'string') return `its ${p} "${excerpt(text)}" is not a timestamp`;
    if (at.micros > (now + FUTURE_TOLERANCE_MS) * 1000) return `its ${p} (${at.iso}) is more than a day in the future`;
    if (previous && at.micros < previousMicros) return `its ${p} (${at.iso}) is before its ${previous} (${phases[previous]})`;
    previous = p;
    previousMicros = at.micros;
  }
  return null;
}

/** Canonical text of a timestamp read from the database (a Date), or null. */
export const isoOf = (d: Date | null): string | null => (d ? isoOfMicros(d.getTime() * 1000) : null);

/** Two values of a field are the same (services as a set of ids). */
export function sameField(field: SourceField, a: SourceValues, b: SourceValues): boolean {
  if (field === 'services') {
    const x = [...a.services].sort((m, n) => m - n);
    const y = [...b.services].sort((m, n) => m - n);
    return x.length === y.length && x.every((v, n) => v === y[n]);
  }
  return a[field] === b[field];
}

/** The fields whose values differ. */
export const changedFields = (a: SourceValues, b: SourceValues): SourceField[] => SOURCE_FIELDS.filter((f) => !sameField(f, a, b));

/**
 * What an incident holds after a sync: the source's value of every field it provides, except the
 * fields people edited in Hindsight, which keep the incident's current value.
 */
export function merged(fromSource: SourceValues, current: SourceValues, overridden: readonly string[]): SourceValues {
  const out = { ...fromSource, services: [...fromSource.services] };
  for (const f of SOURCE_FIELDS) {
    if (overridden.includes(f)) (out as Record<SourceField, unknown>)[f] = f === 'services' ? [...current.services] : current[f];
  }
  return out;
}

/** The phases of a SourceValues, for phaseProblem. */
export const phasesOf = (v: SourceValues): Record<Phase, string | null> =>
  Object.fromEntries(PHASES.map((p) => [p, v[p]])) as Record<Phase, string | null>;
