import { formatDateTime } from '../../../charts/formatters';
import { compareEdits, type EditComparison } from './mergeEdits';
import {
  detectionSourceLabels,
  fromLocalInput,
  kindLabels,
  phaseFields,
  phaseLabels,
  postmortemStateLabels,
  toUpdateInput,
  type IncidentFormValues,
} from './incidentForm';

export type IncidentField = keyof IncidentFormValues;

/** The details form's fields in the order the form shows them. */
export const incidentFields: readonly IncidentField[] = [
  'title',
  'severity',
  'kind',
  'summary',
  'teamId',
  'detectionSource',
  'postmortemState',
  'regions',
  'customerImpact',
  'affectedUsersPercent',
  'serviceIds',
  'private',
  'excludeFromMetrics',
  ...phaseFields,
];

export const incidentFieldLabels: Record<IncidentField, string> = {
  title: 'Title',
  severity: 'Severity',
  kind: 'Kind',
  summary: 'Summary',
  teamId: 'Owning team',
  detectionSource: 'Detected by',
  postmortemState: 'Post-mortem',
  regions: 'Regions',
  customerImpact: 'Customer impact',
  affectedUsersPercent: 'Affected users (%)',
  serviceIds: 'Affected services',
  private: 'Private',
  excludeFromMetrics: 'Exclude from metrics',
  ...phaseLabels,
};

/** Fields a save from `a` to `b` would send: the same rules as `toUpdateInput` (regions and services as sets...). */
export function changedIncidentFields(a: IncidentFormValues, b: IncidentFormValues): IncidentField[] {
  return Object.keys(toUpdateInput(a, b, 0)).filter((k): k is IncidentField => k !== 'expectedVersion');
}

/** `base` is what the user opened, `mine` the form now, `theirs` the latest saved version. */
export function compareIncidentEdits(
  base: IncidentFormValues,
  mine: IncidentFormValues,
  theirs: IncidentFormValues,
): EditComparison<IncidentField> {
  return compareEdits(incidentFields, changedIncidentFields, base, mine, theirs);
}

export interface IncidentLookups {
  services: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
}

const nameOf = (list: readonly { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? `#${id}`;

/** One field's value as a person reads it (names, not ids; timestamps in the viewer's zone). */
export function formatIncidentValue(field: IncidentField, v: IncidentFormValues, lookups: IncidentLookups): string {
  switch (field) {
    case 'kind':
      return kindLabels[v.kind];
    case 'postmortemState':
      return postmortemStateLabels[v.postmortemState];
    case 'detectionSource':
      return v.detectionSource ? detectionSourceLabels[v.detectionSource] : 'Not recorded';
    case 'teamId':
      return v.teamId ? nameOf(lookups.teams, v.teamId) : 'No team';
    case 'serviceIds':
      return v.serviceIds.length ? v.serviceIds.map((id) => nameOf(lookups.services, id)).join(', ') : 'None';
    case 'affectedUsersPercent':
      return v.affectedUsersPercent.trim() ? `${v.affectedUsersPercent.trim()} %` : 'Not recorded';
    case 'private':
    case 'excludeFromMetrics':
      return v[field] ? 'Yes' : 'No';
    case 'startedAt':
    case 'detectedAt':
    case 'acknowledgedAt':
    case 'mitigatedAt':
    case 'resolvedAt':
      return v[field] ? formatDateTime(fromLocalInput(v[field])) : 'Not set';
    default:
      return v[field].trim() || '(empty)';
  }
}

/** One field of a three-way merge as a person reads it; `K` names the record's fields (incident, review). */
export interface MergeRow<K extends string> {
  field: K;
  label: string;
  /** As the user opened it. */
  original: string;
  mine: string;
  theirs: string;
}

export interface MergeView<K extends string> {
  /** Both changed, differently: the user chooses. */
  conflicts: MergeRow<K>[];
  /** Only the other person changed: kept. */
  theirs: MergeRow<K>[];
  /** Only the user changed: kept and saved. */
  mine: MergeRow<K>[];
}

export type IncidentMergeRow = MergeRow<IncidentField>;
export type IncidentMergeView = MergeView<IncidentField>;

/** The rows of a comparison, each field labelled and its three values formatted by `format`. */
export function toMergeView<T, K extends string>(
  comparison: EditComparison<K>,
  base: T,
  mine: T,
  theirs: T,
  label: (field: K) => string,
  format: (field: K, values: T) => string,
): MergeView<K> {
  const row = (field: K): MergeRow<K> => ({
    field,
    label: label(field),
    original: format(field, base),
    mine: format(field, mine),
    theirs: format(field, theirs),
  });
  return { conflicts: comparison.conflicts.map(row), theirs: comparison.theirs.map(row), mine: comparison.mine.map(row) };
}

export function toIncidentMergeView(
  comparison: EditComparison<IncidentField>,
  base: IncidentFormValues,
  mine: IncidentFormValues,
  theirs: IncidentFormValues,
  lookups: IncidentLookups,
): IncidentMergeView {
  return toMergeView(
    comparison,
    base,
    mine,
    theirs,
    (f) => incidentFieldLabels[f],
    (f, v) => formatIncidentValue(f, v, lookups),
  );
}
