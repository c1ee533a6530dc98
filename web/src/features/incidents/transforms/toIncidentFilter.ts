import type { DetectionSource, IncidentFilter, IncidentKind, IncidentSort, IncidentStatus } from '../../../gql/graphql';
import { periodRange, type FilterState } from '../../filters/transforms/filterParams';

export const sortValues: IncidentSort[] = ['STARTED_AT_DESC', 'STARTED_AT_ASC', 'SEVERITY', 'DURATION_DESC'];
export const statusValues: IncidentStatus[] = ['ONGOING', 'MITIGATED', 'RESOLVED'];
export const kindValues: IncidentKind[] = ['INCIDENT', 'NEAR_MISS'];

export interface ListParams {
  search: string;
  statuses: IncidentStatus[];
  kinds: IncidentKind[];
  sort: IncidentSort;
  after: string | null;
  /** Mechanism ids: incidents with a redundancy gap of these (from the gap heat map). */
  gaps: string[];
  /** Detection sources (from the detection chart). */
  detected: DetectionSource[];
  /** Only incidents the metrics count (kind INCIDENT, not excluded): every chart drill-down sets it, so the list matches the bar. */
  counted: boolean;
  /** Time to resolve in [atLeast, below) minutes (from the histogram); `ttr=60-120` or open-ended `ttr=10080-`. */
  ttr: { atLeast: number; below: number | null } | null;
}

function parseTtr(value: string | null): ListParams['ttr'] {
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/.exec(value ?? '');
  if (!m) return null;
  const atLeast = Number(m[1]);
  const below = m[2] === undefined ? null : Number(m[2]);
  return below === null || below > atLeast ? { atLeast, below } : null;
}

/** "1 h – 2 h" style label of a time-to-resolve range. */
export function ttrRangeLabel(r: NonNullable<ListParams['ttr']>, format: (minutes: number) => string): string {
  return r.below === null ? `${format(r.atLeast)} or longer` : `${format(r.atLeast)} to under ${format(r.below)}`;
}

export function parseListParams(params: URLSearchParams): ListParams {
  const sort = params.get('sort') as IncidentSort;
  const status = params.get('status') as IncidentStatus;
  const kind = params.get('kind') as IncidentKind;
  return {
    search: params.get('q') ?? '',
    statuses: statusValues.includes(status) ? [status] : [],
    kinds: kindValues.includes(kind) ? [kind] : [],
    sort: sortValues.includes(sort) ? sort : 'STARTED_AT_DESC',
    after: params.get('after'),
    gaps: (params.get('gap') ?? '').split(',').filter(Boolean),
    detected: (params.get('detected') ?? '').split(',').filter(Boolean) as DetectionSource[],
    counted: params.get('counted') === '1',
    ttr: parseTtr(params.get('ttr')),
  };
}

/** URL filters → the `incidents` query filter. */
export function toIncidentFilter(state: FilterState, list: ListParams, now: Date): IncidentFilter {
  const f: IncidentFilter = { ...periodRange(state, now) };
  if (state.teamIds.length) f.teamIds = state.teamIds;
  if (state.serviceIds.length) f.serviceIds = state.serviceIds;
  if (state.severities.length) f.severities = state.severities;
  if (state.causeIds.length) f.rootCauseIds = state.causeIds;
  if (state.sourceIds.length) f.sourceIds = state.sourceIds;
  if (list.statuses.length) f.statuses = list.statuses;
  if (list.kinds.length) f.kinds = list.kinds;
  if (list.search.trim()) f.search = list.search.trim();
  if (list.gaps.length) f.gapMechanismIds = list.gaps;
  if (list.detected.length) f.detectionSources = list.detected;
  if (list.counted) f.inMetrics = true;
  if (list.ttr) {
    f.resolveMinutesAtLeast = list.ttr.atLeast;
    if (list.ttr.below !== null) f.resolveMinutesBelow = list.ttr.below;
  }
  return f;
}
