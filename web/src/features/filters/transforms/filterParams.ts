import type { Severity } from '../../../gql/graphql';

export const periodOptions = [
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: '180d', label: 'Last 6 months', days: 182 },
  { value: '365d', label: 'Last 12 months', days: 365 },
  { value: 'all', label: 'All time', days: 0 },
  { value: 'custom', label: 'Custom range', days: 0 },
] as const;

export type PeriodKey = (typeof periodOptions)[number]['value'];
export const defaultPeriod: PeriodKey = '90d';
export const severityValues: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export interface FilterState {
  period: PeriodKey;
  /** YYYY-MM-DD, first day included (custom period). */
  from?: string;
  /** YYYY-MM-DD, last day included (custom period). */
  to?: string;
  teamIds: string[];
  serviceIds: string[];
  severities: Severity[];
  causeIds: string[];
  /** Sources the incidents were synced from (admins pick them; anyone may follow a link with them). */
  sourceIds: string[];
}

export interface PeriodFilter {
  from?: string;
  to?: string;
}

const DAY = 86_400_000;
const isDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
/**
 * A list parameter in either spelling: a comma list (`team=1,2`, what we write) or repeated
 * (`team=1&team=2`), or both; the old single value (`team=1`) is a one-item list. Duplicates go.
 */
const list = (params: URLSearchParams, key: string) => [
  ...new Set(
    params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

export function parseFilterParams(params: URLSearchParams): FilterState {
  const from = params.get('from');
  const to = params.get('to');
  let period = (params.get('period') ?? '') as PeriodKey;
  if (!periodOptions.some((o) => o.value === period)) period = isDate(from) || isDate(to) ? 'custom' : defaultPeriod;
  return {
    period,
    from: period === 'custom' && isDate(from) ? from : undefined,
    to: period === 'custom' && isDate(to) ? to : undefined,
    teamIds: list(params, 'team'),
    serviceIds: list(params, 'service'),
    severities: list(params, 'severity').filter((s): s is Severity => (severityValues as string[]).includes(s)),
    causeIds: list(params, 'cause'),
    sourceIds: list(params, 'source'),
  };
}

/** Writes the filter into a copy of `params`, dropping defaults so shared links stay short. */
export function writeFilterParams(params: URLSearchParams, patch: Partial<FilterState>): URLSearchParams {
  const next = new URLSearchParams(params);
  const state = { ...parseFilterParams(params), ...patch };
  // `set` also folds repeated parameters of a shared link into the one comma list we write.
  const set = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
  set('period', state.period === defaultPeriod ? undefined : state.period);
  set('from', state.period === 'custom' ? state.from : undefined);
  set('to', state.period === 'custom' ? state.to : undefined);
  set('team', state.teamIds.join(','));
  set('service', state.serviceIds.join(','));
  set('severity', state.severities.join(','));
  set('cause', state.causeIds.join(','));
  set('source', state.sourceIds.join(','));
  next.delete('after');
  return next;
}

function utcMidnight(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/**
 * The period as `[from, to)` ISO instants. Relative periods start at UTC midnight N days ago and run
 * to now (no `to`), so the query stays the same all day and can be cached.
 */
export function periodRange(state: FilterState, now: Date): PeriodFilter {
  if (state.period === 'all') return {};
  if (state.period === 'custom') {
    return {
      from: state.from ? new Date(state.from + 'T00:00:00Z').toISOString() : undefined,
      to: state.to ? new Date(Date.parse(state.to + 'T00:00:00Z') + DAY).toISOString() : undefined,
    };
  }
  const days = periodOptions.find((o) => o.value === state.period)?.days ?? 90;
  return { from: new Date(utcMidnight(now) - days * DAY).toISOString() };
}

/** The period of the same length just before the chosen one; null when there is none (all time, open start). */
export function previousPeriodRange(state: FilterState, now: Date): PeriodFilter | null {
  const cur = periodRange(state, now);
  if (!cur.from) return null;
  const from = Date.parse(cur.from);
  const to = cur.to ? Date.parse(cur.to) : utcMidnight(now);
  const length = to - from;
  if (length <= 0) return null;
  return { from: new Date(from - length).toISOString(), to: new Date(from).toISOString() };
}

export interface MetricsFilterVars {
  from?: string;
  to?: string;
  teamIds?: string[];
  serviceIds?: string[];
  severities?: Severity[];
  rootCauseIds?: string[];
  sourceIds?: string[];
}

export function toMetricsFilter(state: FilterState, range: PeriodFilter): MetricsFilterVars {
  const f: MetricsFilterVars = { ...range };
  if (state.teamIds.length) f.teamIds = state.teamIds;
  if (state.serviceIds.length) f.serviceIds = state.serviceIds;
  if (state.severities.length) f.severities = state.severities;
  if (state.causeIds.length) f.rootCauseIds = state.causeIds;
  if (state.sourceIds.length) f.sourceIds = state.sourceIds;
  return f;
}

/** `/incidents?...` for the current filters with some overridden (chart click-through). */
export function incidentsHref(params: URLSearchParams, patch: Partial<FilterState>, listParams: Record<string, string> = {}): string {
  const next = writeFilterParams(params, patch);
  for (const [k, v] of Object.entries(listParams)) next.set(k, v);
  for (const k of ['g', 'by']) next.delete(k);
  const s = next.toString();
  return s ? `/incidents?${s}` : '/incidents';
}

/** A trend bucket `[start, nextStart)` as an inclusive custom date range. */
export function bucketRange(periodStart: string, granularity: 'WEEK' | 'MONTH' | 'QUARTER'): { from: string; to: string } {
  const start = new Date(periodStart);
  const end = new Date(start);
  if (granularity === 'WEEK') end.setUTCDate(end.getUTCDate() + 7);
  else end.setUTCMonth(end.getUTCMonth() + (granularity === 'MONTH' ? 1 : 3));
  const last = new Date(end.getTime() - DAY);
  return { from: start.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
