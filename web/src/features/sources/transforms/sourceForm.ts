import type { Severity, SourceKind } from '../../../gql/graphql';

export type { SourceKind };

export const sourceKinds: { value: SourceKind; label: string }[] = [
  { value: 'PAGERDUTY', label: 'PagerDuty' },
  { value: 'INCIDENT_IO', label: 'incident.io' },
  { value: 'STATUSPAGE', label: 'Status page' },
  { value: 'WEBHOOK', label: 'Webhook' },
];

export const kindLabel = (kind: string): string => sourceKinds.find((k) => k.value === kind)?.label ?? kind;

export const severityChoices: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** Which fields the form shows for a kind, and what they say. */
export interface KindFields {
  /** `vendor`: prefilled with the vendor's API and changeable; `required`: the user types it; null: none. */
  baseUrl: 'vendor' | 'required' | null;
  baseUrlLabel: string;
  baseUrlHint?: string;
  /** An API token is read (and required when the source is created). */
  token: boolean;
  tokenHint?: string;
  /** Pushes to the webhook are signed with this secret. */
  webhookSecret: boolean;
  /** Pulls on a schedule from `since`; also what "Test connection" checks. */
  pulls: boolean;
  /** The vendor sends its own severity words that need a map. */
  severityMap: boolean;
  /** What the vendor value in the severity map is. */
  severityKeyHint: string;
}

/**
 * The API's defaults per kind (the sourceKinds query): what createSource uses when baseUrl or severityMap
 * is left out, so a new source's form starts with them.
 */
export interface SourceKindDefaults {
  kind: SourceKind;
  defaultBaseUrl?: string | null;
  defaultSeverityMap: readonly { from: string; to: Severity }[];
}

/** The default base URL ('' when the kind has none) and starting severity map of a kind. */
export function kindDefaults(
  kinds: readonly SourceKindDefaults[],
  kind: SourceKind,
): { baseUrl: string; severityMap: readonly { from: string; to: Severity }[] } {
  const k = kinds.find((d) => d.kind === kind);
  return { baseUrl: k?.defaultBaseUrl ?? '', severityMap: k?.defaultSeverityMap ?? [] };
}

export const kindFields: Record<SourceKind, KindFields> = {
  PAGERDUTY: {
    baseUrl: 'vendor',
    baseUrlLabel: 'API base URL',
    baseUrlHint: 'PagerDuty’s EU service is https://api.eu.pagerduty.com',
    token: true,
    tokenHint: 'A read-only REST API key (Integrations → API Access Keys).',
    webhookSecret: true,
    pulls: true,
    severityMap: true,
    severityKeyHint: 'The incident’s priority (P1, P2, …), or its urgency (high, low) when it has no priority.',
  },
  INCIDENT_IO: {
    baseUrl: 'vendor',
    baseUrlLabel: 'API base URL',
    token: true,
    tokenHint: 'An API key that can view incidents (Settings → API keys).',
    webhookSecret: true,
    pulls: true,
    severityMap: true,
    severityKeyHint: 'The name of the incident’s severity.',
  },
  STATUSPAGE: {
    baseUrl: 'required',
    baseUrlLabel: 'Status page URL',
    baseUrlHint: 'The public page, e.g. https://status.example.com; only its recent incidents are listed there.',
    token: false,
    webhookSecret: false,
    pulls: true,
    severityMap: true,
    severityKeyHint: 'The incident’s impact.',
  },
  WEBHOOK: {
    baseUrl: null,
    baseUrlLabel: '',
    token: false,
    webhookSecret: true,
    pulls: false,
    severityMap: false,
    severityKeyHint: '',
  },
};

export const timestampKeys = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type TimestampKey = (typeof timestampKeys)[number];

/** incident.io: the phases and the timestamp names the API reads for them when none are given (shown as placeholders). */
export const timestampPhases: Record<TimestampKey, { label: string; defaults: string }> = {
  started: { label: 'Impact started', defaults: 'impact started, impact start' },
  detected: { label: 'Detected', defaults: 'reported at, reported' },
  acknowledged: { label: 'Acknowledged', defaults: 'accepted at, accepted' },
  mitigated: { label: 'Mitigated', defaults: 'stabilised at, mitigated at, fixed at' },
  resolved: { label: 'Resolved', defaults: 'resolved at, resolved, closed at' },
};

export interface SeverityRow {
  /** Stable React key; not sent. */
  key: number;
  from: string;
  to: Severity;
}

/** What the source form edits; `syncEveryMinutes` is the text in its box, `since` a YYYY-MM-DD date (UTC). */
export interface SourceFormValues {
  kind: SourceKind;
  name: string;
  baseUrl: string;
  token: string;
  webhookSecret: string;
  teamId: string;
  syncEveryMinutes: string;
  since: string;
  severityRows: SeverityRow[];
  defaultSeverity: Severity;
  createMissing: boolean;
  private: boolean;
  /** incident.io: comma-separated timestamp names per phase; empty uses the defaults. */
  timestampNames: Record<TimestampKey, string>;
}

/** A source as the API returns it (the parts the form edits). */
export interface SourceLike {
  kind: SourceKind;
  name: string;
  baseUrl?: string | null;
  team: { id: string };
  syncEveryMinutes: number;
  since: string;
  severityMap: readonly { from: string; to: Severity }[];
  defaultSeverity: Severity;
  createMissing: boolean;
  private: boolean;
  timestampNames?: Partial<Record<TimestampKey, readonly string[] | null>> | null;
}

/** The fields of CreateSourceInput / UpdateSourceInput the form sets. */
export interface SourceInputFields {
  kind?: SourceKind;
  name?: string;
  baseUrl?: string;
  token?: string;
  webhookSecret?: string;
  teamId?: string;
  syncEveryMinutes?: number;
  since?: string;
  severityMap?: { from: string; to: Severity }[];
  defaultSeverity?: Severity;
  createMissing?: boolean;
  private?: boolean;
  /** incident.io only; null: the defaults. */
  timestampNames?: Partial<Record<TimestampKey, string[]>> | null;
}

const noTimestampNames = (): Record<TimestampKey, string> => ({ started: '', detected: '', acknowledged: '', mitigated: '', resolved: '' });

let nextKey = 1;
const rows = (map: readonly { from: string; to: Severity }[]): SeverityRow[] =>
  map.map((m) => ({ key: nextKey++, from: m.from, to: m.to }));

/** One year before `now`, as the date the first sync reaches back to. */
export function defaultSince(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export function emptySourceForm(kinds: readonly SourceKindDefaults[], kind: SourceKind, now: Date, teamId = ''): SourceFormValues {
  const defaults = kindDefaults(kinds, kind);
  return {
    kind,
    name: '',
    baseUrl: defaults.baseUrl,
    token: '',
    webhookSecret: '',
    teamId,
    syncEveryMinutes: kindFields[kind].pulls ? '60' : '0',
    since: defaultSince(now),
    severityRows: rows(defaults.severityMap),
    defaultSeverity: 'SEV3',
    createMissing: true,
    private: false,
    timestampNames: noTimestampNames(),
  };
}

/** The form for editing `source`; secrets start empty (empty = keep the stored one). */
export function toSourceForm(source: SourceLike): SourceFormValues {
  return {
    kind: source.kind,
    name: source.name,
    baseUrl: source.baseUrl ?? '',
    token: '',
    webhookSecret: '',
    teamId: source.team.id,
    syncEveryMinutes: String(source.syncEveryMinutes),
    since: source.since.slice(0, 10),
    severityRows: rows(source.severityMap),
    defaultSeverity: source.defaultSeverity,
    createMissing: source.createMissing,
    private: source.private,
    timestampNames: Object.fromEntries(timestampKeys.map((k) => [k, (source.timestampNames?.[k] ?? []).join(', ')])) as Record<
      TimestampKey,
      string
    >,
  };
}

/** The timestamp names to send: each phase's comma-separated names, empty phases left to the defaults; null when all are. */
export function toTimestampNames(values: Record<TimestampKey, string>): Partial<Record<TimestampKey, string[]>> | null {
  const out: Partial<Record<TimestampKey, string[]>> = {};
  for (const k of timestampKeys) {
    const names = values[k]
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length) out[k] = names;
  }
  return Object.keys(out).length ? out : null;
}

const sameMap = (a: readonly { from: string; to: string }[], b: readonly { from: string; to: string }[]) =>
  a.length === b.length && a.every((r, i) => r.from === b[i].from && r.to === b[i].to);

/**
 * Switches a new source's kind. The base URL and the severity map follow the kind while they still hold
 * the old kind's defaults; anything the user typed stays.
 */
export function switchKind(values: SourceFormValues, kind: SourceKind, kinds: readonly SourceKindDefaults[]): SourceFormValues {
  const before = kindFields[values.kind];
  const after = kindFields[kind];
  const was = kindDefaults(kinds, values.kind);
  const next = kindDefaults(kinds, kind);
  const baseUrl = !values.baseUrl.trim() || values.baseUrl === was.baseUrl ? next.baseUrl : values.baseUrl;
  const untouchedMap = values.severityRows.length === 0 || sameMap(values.severityRows, was.severityMap);
  return {
    ...values,
    kind,
    baseUrl,
    severityRows: untouchedMap ? rows(next.severityMap) : values.severityRows,
    syncEveryMinutes: after.pulls ? (before.pulls ? values.syncEveryMinutes : '60') : '0',
  };
}

export function addSeverityRow(values: SourceFormValues): SourceFormValues {
  return { ...values, severityRows: [...values.severityRows, { key: nextKey++, from: '', to: values.defaultSeverity }] };
}

export function updateSeverityRow(values: SourceFormValues, key: number, patch: Partial<Omit<SeverityRow, 'key'>>): SourceFormValues {
  return { ...values, severityRows: values.severityRows.map((r) => (r.key === key ? { ...r, ...patch } : r)) };
}

export function removeSeverityRow(values: SourceFormValues, key: number): SourceFormValues {
  return { ...values, severityRows: values.severityRows.filter((r) => r.key !== key) };
}

/** The map to send: blank rows dropped, vendor values trimmed. */
export function toSeverityMap(rowsIn: readonly SeverityRow[]): { from: string; to: Severity }[] {
  return rowsIn.filter((r) => r.from.trim()).map((r) => ({ from: r.from.trim(), to: r.to }));
}

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * What the browser can tell before asking the server, by input field name (the server's BAD_USER_INPUT
 * uses the same names). `hasToken`/`hasWebhookSecret`: editing a source that has one stored (empty keeps it).
 */
export function validateSourceForm(
  values: SourceFormValues,
  opts: { editing: boolean; hasToken?: boolean; hasWebhookSecret?: boolean },
): Record<string, string> {
  const f = kindFields[values.kind];
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Give the source a name.';
  if (!values.teamId) errors.teamId = 'Choose the team that owns what this source creates.';
  if (f.baseUrl) {
    const url = values.baseUrl.trim();
    if (!url) errors.baseUrl = f.baseUrl === 'required' ? 'Enter the status page’s address.' : 'Enter the API’s address.';
    else if (!isHttpUrl(url)) errors.baseUrl = 'Enter a full http:// or https:// address.';
  }
  if (f.token && !values.token && !(opts.editing && opts.hasToken)) errors.token = 'Paste an API token.';
  if (f.webhookSecret && values.webhookSecret && values.webhookSecret.length < 16) {
    errors.webhookSecret = 'At least 16 characters.';
  } else if (values.kind === 'WEBHOOK' && !values.webhookSecret && !(opts.editing && opts.hasWebhookSecret)) {
    errors.webhookSecret = 'A webhook source needs a secret to check that pushes come from you (16 characters or more).';
  }
  if (f.pulls) {
    const m = values.syncEveryMinutes.trim();
    if (!/^\d+$/.test(m)) errors.syncEveryMinutes = 'Whole minutes, 0 for on demand only.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(Date.parse(values.since))) errors.since = 'Pick a date.';
  }
  if (f.severityMap) {
    const seen = new Set<string>();
    for (const r of values.severityRows) {
      const k = r.from.trim().toLowerCase();
      if (!k) continue;
      if (seen.has(k)) {
        errors.severityMap = `“${r.from.trim()}” is mapped twice (vendor values are compared without case).`;
        break;
      }
      seen.add(k);
    }
  }
  return errors;
}

/** The createSource input for the form: only the fields the kind uses; empty secrets are left out. */
export function toCreateSourceInput(values: SourceFormValues): SourceInputFields & { kind: SourceKind; name: string; teamId: string } {
  const f = kindFields[values.kind];
  const input: SourceInputFields & { kind: SourceKind; name: string; teamId: string } = {
    kind: values.kind,
    name: values.name.trim(),
    teamId: values.teamId,
    defaultSeverity: values.defaultSeverity,
    createMissing: values.createMissing,
    private: values.private,
  };
  if (f.baseUrl) input.baseUrl = values.baseUrl.trim();
  if (f.token && values.token) input.token = values.token;
  if (f.webhookSecret && values.webhookSecret) input.webhookSecret = values.webhookSecret;
  if (f.pulls) {
    input.syncEveryMinutes = Number(values.syncEveryMinutes.trim());
    input.since = new Date(values.since + 'T00:00:00Z').toISOString();
  } else {
    input.syncEveryMinutes = 0;
  }
  if (f.severityMap) input.severityMap = toSeverityMap(values.severityRows);
  if (values.kind === 'INCIDENT_IO') input.timestampNames = toTimestampNames(values.timestampNames);
  return input;
}

/** The updateSource input: only what changed since `opened`; an empty token or secret keeps the stored one. */
export function toUpdateSourceInput(opened: SourceFormValues, values: SourceFormValues): SourceInputFields {
  const before = toCreateSourceInput(opened);
  const after = toCreateSourceInput(values);
  const out: SourceInputFields = {};
  const keys = Object.keys(after) as (keyof SourceInputFields)[];
  for (const k of keys) {
    if (k === 'kind') continue; // a source keeps its kind
    const a = after[k];
    const b = before[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) (out as Record<string, unknown>)[k] = a;
  }
  return out;
}

export const isFormChanged = (opened: SourceFormValues, values: SourceFormValues): boolean =>
  Object.keys(toUpdateSourceInput(opened, values)).length > 0;
