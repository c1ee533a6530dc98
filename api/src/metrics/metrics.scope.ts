import type { Severity } from '../incidents/incident.enums';

/** Who is asking, reduced to what decides which incidents they see (the cache key part). */
export interface Visibility {
  role: string;
  teamIds: number[];
}

/** A MetricsFilter checked and normalised (ids as sorted numbers), so equal questions have equal keys. */
export interface ResolvedFilter {
  from: Date | null;
  to: Date | null;
  serviceIds: number[];
  teamIds: number[];
  severities: Severity[];
  rootCauseIds: number[];
  /** Optional so filters written before sources (tests' literals) stay valid; resolveFilter always sets it. */
  sourceIds?: number[];
  confirmedOnly: boolean;
}

/** What the field resolvers of ReliabilityMetrics need: whose metrics, which incidents, which period. */
export interface MetricsScope {
  visibility: Visibility;
  filter: ResolvedFilter;
  periodStart: Date | null;
  periodEnd: Date;
  periodMinutes: number;
  incidentCount: number;
}
