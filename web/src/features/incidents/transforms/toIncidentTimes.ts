import { explainMetric, type DefinitionLookup } from '../../definitions/transforms/explainMetric';

const MINUTE = 60_000;

export type IncidentPhaseStatus = 'ongoing' | 'mitigated' | 'resolved';

export interface PhaseTimestamps {
  startedAt: string;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
}

export interface IncidentTimes {
  /** Where the incident stands: resolved once closed, mitigated once impact stopped, ongoing before. */
  status: IncidentPhaseStatus;
  /** resolvedAt − startedAt in minutes; null until resolved. */
  timeToResolveMinutes: number | null;
  /** (mitigatedAt, else resolvedAt) − startedAt in minutes: how long users were affected; null while impact goes on. */
  downtimeMinutes: number | null;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / MINUTE;

/** Status, time to resolve and downtime of one incident from its phase timestamps (SPEC §3). */
export function toIncidentTimes(t: PhaseTimestamps): IncidentTimes {
  const impactEnd = t.mitigatedAt ?? t.resolvedAt ?? null;
  return {
    status: t.resolvedAt ? 'resolved' : t.mitigatedAt ? 'mitigated' : 'ongoing',
    timeToResolveMinutes: t.resolvedAt ? minutesBetween(t.startedAt, t.resolvedAt) : null,
    downtimeMinutes: impactEnd ? minutesBetween(t.startedAt, impactEnd) : null,
  };
}

/**
 * Column explanations shown on hover. Time to resolve and downtime are the API's published definitions (the list
 * view shows one incident's value of each); status is a phase of one incident, not a metric, so it is described here.
 */
export function toColumnDefinitions(defs: DefinitionLookup) {
  return {
    status: 'Ongoing until impact stops (mitigatedAt), mitigated until the incident is closed (resolvedAt), then resolved.',
    timeToResolve: explainMetric(defs, 'timeToResolve', 'This column is one incident’s resolvedAt − startedAt'),
    downtime: explainMetric(defs, 'downtimeMinutes', 'This column is one incident’s own downtime'),
  };
}
