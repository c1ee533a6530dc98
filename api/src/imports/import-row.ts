import { createHash } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error';
import { textProblem } from '../common/graphql/input-checks';
import { PHASES, Phase } from '../incidents/incident.entity';
import { DetectionSource, RedundancyOutcome, Severity } from '../incidents/incident.enums';
import { checkPhases } from '../incidents/incidents.service';
import { ImportFormat } from './import.enums';

/** The import columns (CSV names); JSON uses the camelCase twin of each. */
export const COLUMNS = [
  'external_id',
  'title',
  'service',
  'team',
  'severity',
  'started_at',
  'detected_at',
  'acknowledged_at',
  'mitigated_at',
  'resolved_at',
  'root_cause',
  'contributing_causes',
  'redundancy_mechanism',
  'redundancy_outcome',
  'detection_source',
  'summary',
  'private',
  'exclude_from_metrics',
  'source',
] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: Column[] = ['title', 'service', 'severity', 'started_at'];

export const camel = (c: string) => c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
const PHASE_COLUMN: Record<Phase, Column> = {
  startedAt: 'started_at',
  detectedAt: 'detected_at',
  acknowledgedAt: 'acknowledged_at',
  mitigatedAt: 'mitigated_at',
  resolvedAt: 'resolved_at',
};

/**
 * At most `max` characters of a value quoted in a message (with … when cut): an answer quotes the
 * file only enough to find the spot, so a hostile value cannot make it large.
 */
export function excerpt(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export interface RowError {
  row: number;
  field: string | null;
  message: string;
}

/** A timeline note carried by a row (Statuspage updates). */
export interface RawTimelineEvent {
  at: unknown;
  kind: string;
  message: string;
}

/** One input record as a parser hands it over: values by CSV column name, not yet checked. */
export interface RawRow {
  row: number;
  values: Partial<Record<Column, unknown>>;
  timeline?: RawTimelineEvent[];
  /** Team of services this row creates when it names no team (Statuspage: the page's name). */
  newServiceTeam?: string;
  /** Problems the parser found already (a JSON item that is not an object, an unknown impact). */
  problems?: Array<{ field: string | null; message: string }>;
}

/** An instant at microsecond precision (PostgreSQL's), kept as canonical UTC text so nothing is rounded. */
export interface Instant {
  iso: string;
  micros: number;
}

export interface Assessment {
  mechanism: string;
  outcome: RedundancyOutcome;
}

/** A checked row: what the import stores, with names still to be resolved to ids. */
export interface ImportIncident {
  row: number;
  source: string;
  externalId: string;
  title: string;
  summary: string | null;
  severity: Severity;
  detectionSource: DetectionSource | null;
  private: boolean;
  excludeFromMetrics: boolean;
  team: string | null;
  services: string[];
  rootCause: string | null;
  contributing: string[];
  assessments: Assessment[];
  phases: Record<Phase, Instant | null>;
  timeline: Array<{ at: Instant; kind: string; message: string }> | null;
  newServiceTeam: string | null;
}

const TS = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO 8601 timestamp that carries its offset. A timestamp without zone is refused, not
 * guessed. Fractions beyond milliseconds are kept (to PostgreSQL's microseconds).
 */
export function parseInstant(text: string): Instant | 'no-zone' | 'invalid' {
  const m = TS.exec(text.trim());
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? 'no-zone' : 'invalid';
  const [, date, hms, fraction = '', zone] = m;
  if (!zone) return 'no-zone';
  const offset = /^[zZ]$/.test(zone)
    ? 'Z'
    : zone.length === 3
      ? `${zone}:00`
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const seconds = Date.parse(`${date}T${hms.length === 5 ? `${hms}:00` : hms}${offset}`);
  if (Number.isNaN(seconds)) return 'invalid';
  // reject calendar overflow such as 2026-02-30 (Date.parse rolls it over)
  const [y, mo, d] = date.split('-').map(Number);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return 'invalid';
  const micros = seconds * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1e6) : 0);
  return { micros, iso: isoOfMicros(micros) };
}

/** Canonical UTC text with six fraction digits, the form the export writes. */
export function isoOfMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const rest = micros - ms * 1000;
  return `${new Date(ms).toISOString().slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

/** The longest summary, as for incidents made in the app (CreateIncidentInput). */
const MAX_SUMMARY = 20_000;
const TRUE = /^(true|yes|1|y)$/i;
const FALSE = /^(false|no|0|n)$/i;

/** Turns a raw row into an ImportIncident, or every problem it has (each naming its field). */
export function normalizeRow(raw: RawRow, format: ImportFormat): { incident?: ImportIncident; errors: RowError[] } {
  const errors: RowError[] = [];
  const label = (c: Column) => (format === ImportFormat.JSON ? camel(c) : c);
  const failed = new Set<Column | null>();
  const fail = (c: Column | null, message: string) => {
    failed.add(c);
    errors.push({ row: raw.row, field: c ? label(c) : null, message });
  };
  /** "is required", unless the column has a value that was refused already. */
  const require = (c: Column, message = `${label(c)} is required`) => {
    if (!failed.has(c)) fail(c, message);
  };
  const v = raw.values;
  for (const p of raw.problems ?? []) errors.push({ row: raw.row, ...p });

  const text = (c: Column): string | null => {
    const value = v[c];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      fail(c, `${label(c)} must be text`);
      return null;
    }
    if (!storable(c, value)) return null;
    return value.trim() === '' ? null : value;
  };
  /** False (and a row error) for text PostgreSQL cannot store: NUL, unpaired surrogates. */
  const storable = (c: Column, value: string): boolean => {
    const problem = textProblem(value);
    if (problem) fail(c, `${label(c)} ${problem}`);
    return problem === null;
  };
  /** `;`-separated text or an array; `keepEmpty` keeps positions (for the pairwise redundancy columns). */
  const list = (c: Column, keepEmpty = false): string[] => {
    const value = v[c];
    if (value === undefined || value === null) return [];
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else if (typeof value === 'string') items = value.trim() === '' ? [] : value.split(';');
    else {
      fail(c, `${label(c)} must be text separated by ";" or a list`);
      return [];
    }
    const out = items.map((i) => (i === null || i === undefined ? '' : String(i).trim()));
    if (!out.every((i) => storable(c, i))) return [];
    return keepEmpty ? out : out.filter((i) => i !== '');
  };
  const bool = (c: Column): boolean => {
    const value = v[c];
    if (value === undefined || value === null || value === '') return false;
    if (typeof value === 'boolean') return value;
    const s = String(value).trim();
    if (s === '') return false;
    if (TRUE.test(s)) return true;
    if (FALSE.test(s)) return false;
    fail(c, `${label(c)} must be true/false, yes/no or 1/0, got "${excerpt(s)}"`);
    return false;
  };
  const instant = (c: Column, required: boolean): Instant | null => {
    const s = text(c);
    if (s === null) {
      if (required) require(c);
      return null;
    }
    const parsed = parseInstant(s);
    if (parsed === 'no-zone') {
      fail(c, `${label(c)} "${excerpt(s)}" has no time zone offset; write it as ISO 8601 with Z or ±hh:mm (e.g. 2026-03-08T10:00:00Z)`);
      return null;
    }
    if (parsed === 'invalid') {
      fail(c, `${label(c)} "${excerpt(s)}" is not an ISO 8601 timestamp with offset`);
      return null;
    }
    return parsed;
  };
  const dedupe = (names: string[]) => [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];

  const title = text('title')?.trim() ?? null;
  if (title === null) require('title');
  else if (title.length > 500) fail('title', `${label('title')} is longer than 500 characters`);
  const services = dedupe(list('service'));
  if (!services.length) require('service', `${label('service')} is required (one or more names separated by ";")`);

  const sevText = text('severity')?.trim().toUpperCase() ?? null;
  let severity: Severity | null = null;
  if (sevText === null) require('severity');
  else if (sevText in Severity) severity = sevText as Severity;
  else fail('severity', `${label('severity')} must be one of SEV1, SEV2, SEV3, SEV4, got "${excerpt(sevText)}"`);

  const phases = {} as Record<Phase, Instant | null>;
  const beforePhases = errors.length;
  for (const p of PHASES) phases[p] = instant(PHASE_COLUMN[p], p === 'startedAt');
  if (errors.length === beforePhases) checkOrder(phases, label, (c, m) => fail(c, m));

  const detText =
    text('detection_source')
      ?.trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_') ?? null;
  let detectionSource: DetectionSource | null = null;
  if (detText !== null) {
    if (detText in DetectionSource) detectionSource = detText as DetectionSource;
    else
      fail(
        'detection_source',
        `${label('detection_source')} must be one of ${Object.values(DetectionSource).join(', ')}, got "${excerpt(detText)}"`,
      );
  }

  const mechanisms = list('redundancy_mechanism', true);
  const outcomes = list('redundancy_outcome', true);
  const assessments: Assessment[] = [];
  if (outcomes.length > mechanisms.length && outcomes.slice(mechanisms.length).some((o) => o !== '')) {
    fail(
      'redundancy_outcome',
      `${label('redundancy_outcome')} has more entries than ${label('redundancy_mechanism')}; they pair up by position`,
    );
  }
  const seenMechanisms = new Set<string>();
  mechanisms.forEach((mechanism, n) => {
    const outcome = (outcomes[n] ?? '').toUpperCase();
    if (mechanism === '') {
      if (outcome)
        fail('redundancy_mechanism', `${label('redundancy_mechanism')} entry ${n + 1} is empty but has outcome "${excerpt(outcomes[n])}"`);
      return;
    }
    if (seenMechanisms.has(mechanism.toLowerCase())) {
      fail('redundancy_mechanism', `${label('redundancy_mechanism')} names "${excerpt(mechanism)}" twice`);
      return;
    }
    seenMechanisms.add(mechanism.toLowerCase());
    if (outcome === '') return; // unknown: no assessment
    if (outcome in RedundancyOutcome) assessments.push({ mechanism, outcome: outcome as RedundancyOutcome });
    else
      fail(
        'redundancy_outcome',
        `${label('redundancy_outcome')} must be missing, failed, partial, worked or empty, got "${excerpt(outcomes[n])}"`,
      );
  });

  const rootCause = text('root_cause')?.trim() ?? null;
  const contributing = dedupe(list('contributing_causes'));
  if (rootCause && contributing.some((c) => c.toLowerCase() === rootCause.toLowerCase())) {
    fail('contributing_causes', `${label('contributing_causes')} must not repeat ${label('root_cause')} "${excerpt(rootCause)}"`);
  }
  const summaryValue = text('summary');
  if (summaryValue !== null && summaryValue.length > MAX_SUMMARY)
    fail('summary', `${label('summary')} is longer than ${MAX_SUMMARY} characters`);
  const isPrivate = bool('private');
  const excludeFromMetrics = bool('exclude_from_metrics');
  const team = text('team')?.trim() ?? null;
  const source = (text('source')?.trim() ?? defaultSource(format)).toLowerCase();

  const timeline: ImportIncident['timeline'] = raw.timeline ? [] : null;
  for (const e of raw.timeline ?? []) {
    const at = typeof e.at === 'string' ? parseInstant(e.at) : 'invalid';
    const problem = textProblem(e.message) ?? textProblem(e.kind);
    if (problem) fail(null, `an update ${problem}`);
    else if (typeof at === 'string') fail(null, `an update's time "${excerpt(String(e.at))}" is not an ISO 8601 timestamp with offset`);
    else if (e.message.trim()) timeline!.push({ at, kind: e.kind, message: e.message });
  }
  timeline?.sort((a, b) => a.at.micros - b.at.micros || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message));

  if (errors.length) return { errors };
  const incident: ImportIncident = {
    row: raw.row,
    source,
    externalId: '',
    title: title!,
    summary: summaryValue,
    severity: severity!,
    detectionSource,
    private: isPrivate,
    excludeFromMetrics,
    team,
    services,
    rootCause,
    contributing,
    assessments,
    phases,
    timeline,
    newServiceTeam: raw.newServiceTeam ?? null,
  };
  const externalId = text('external_id')?.trim() ?? null;
  if (errors.length) return { errors };
  if (externalId && externalId.length > 200)
    return { errors: [{ row: raw.row, field: label('external_id'), message: `${label('external_id')} is longer than 200 characters` }] };
  incident.externalId = externalId ?? contentId(incident);
  return { incident, errors };
}

export const defaultSource = (format: ImportFormat) =>
  format === ImportFormat.JSON ? 'json' : format === ImportFormat.STATUSPAGE ? 'statuspage' : 'csv';

/**
 * The phase order, through the incident rule (`checkPhases`: order and not far in the future),
 * then again at microsecond precision, which JavaScript dates cannot see.
 */
function checkOrder(phases: Record<Phase, Instant | null>, label: (c: Column) => string, fail: (c: Column, m: string) => void): void {
  const dates = Object.fromEntries(PHASES.map((p) => [p, phases[p] ? new Date(Math.floor(phases[p]!.micros / 1000)) : null]));
  try {
    checkPhases(dates as never);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const named = err.fields as Phase[];
    const later = PHASE_COLUMN[named[named.length - 1]];
    if (named.length === 2) {
      fail(
        later,
        `${label(later)} (${phases[named[1]]!.iso}) must not be before ${label(PHASE_COLUMN[named[0]])} (${phases[named[0]]!.iso})`,
      );
    } else {
      fail(later, `${label(later)} is more than a day in the future`);
    }
    return;
  }
  let previous: Phase | null = null;
  for (const p of PHASES) {
    if (!phases[p]) continue;
    if (previous && phases[p]!.micros < phases[previous]!.micros) {
      fail(
        PHASE_COLUMN[p],
        `${label(PHASE_COLUMN[p])} (${phases[p]!.iso}) must not be before ${label(PHASE_COLUMN[previous])} (${phases[previous]!.iso})`,
      );
      return;
    }
    previous = p;
  }
}

/** A stable external id for a row that has none: a hash of its normalized content. */
export function contentId(i: ImportIncident): string {
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  const content = JSON.stringify([
    i.title,
    i.summary,
    i.severity,
    i.detectionSource,
    i.private,
    i.excludeFromMetrics,
    i.team?.toLowerCase() ?? null,
    lower(i.services),
    i.rootCause?.toLowerCase() ?? null,
    lower(i.contributing),
    i.assessments.map((a) => [a.mechanism.toLowerCase(), a.outcome]),
    PHASES.map((p) => i.phases[p]?.iso ?? null),
    i.timeline?.map((e) => [e.at.iso, e.kind, e.message]) ?? null,
  ]);
  return `sha256:${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
}
