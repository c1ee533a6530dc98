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
  };
}

/** URL filters → the `incidents` query filter. */
export function toIncidentFilter(state: FilterState, list: ListParams, now: Date): IncidentFilter {
  const f: IncidentFilter = { ...periodRange(state, now) };
  if (state.teamIds.length) f.teamIds = state.teamIds;
  if (state.serviceIds.length) f.serviceIds = state.serviceIds;
  if (state.severities.length) f.severities = state.severities;
  if (state.causeIds.length) f.rootCauseIds = state.causeIds;
  if (list.statuses.length) f.statuses = list.statuses;
  if (list.kinds.length) f.kinds = list.kinds;
  if (list.search.trim()) f.search = list.search.trim();
  if (list.gaps.length) f.gapMechanismIds = list.gaps;
  if (list.detected.length) f.detectionSources = list.detected;
  return f;
}
