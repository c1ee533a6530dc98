/**
 * Which incidents a metrics filter selects beyond its period and the reader's visibility, in SQL, once: the
 * conditions on an incident (alias i) read from the incidents, and the same conditions on the keys of stored
 * cells (alias mc; metrics.rollup), so both parts of a reading statement select the same incidents.
 */
import type { ResolvedFilter } from './metrics.scope';

type Param = (value: unknown) => string;

/** True when the filter selects incidents by more than period and visibility (team, severity, source, service, cause). */
export function hasDims(f: ResolvedFilter): boolean {
  return !!(f.teamIds.length || f.severities.length || f.sourceIds?.length || f.serviceIds.length || f.rootCauseIds.length);
}

/** The root-cause nodes a rootCauseIds filter matches as an incident's primary cause: each node and the causes under it. */
const causeNodes = (ids: string) =>
  `(SELECT rc.id FROM root_cause rc WHERE rc.id = ANY(${ids}::int[]) OR rc.parent_id = ANY(${ids}::int[]))`;

/**
 * Conditions on incident alias `i`: teamIds, severities, sourceIds, serviceIds (affecting any of them) and rootCauseIds
 * (the primary cause is one of them or under one of them; a CONFIRMED tag only with confirmedOnly). 'true' when none.
 */
export function incidentFilterSql(f: ResolvedFilter, p: Param): string {
  const where: string[] = [];
  if (f.teamIds.length) where.push(`i.team_id = ANY(${p(f.teamIds)}::int[])`);
  if (f.severities.length) where.push(`i.severity = ANY(${p(f.severities)}::severity[])`);
  if (f.sourceIds?.length) where.push(`i.source_id = ANY(${p(f.sourceIds)}::int[])`);
  if (f.serviceIds.length) {
    where.push(`EXISTS (SELECT 1 FROM incident_service x WHERE x.incident_id = i.id AND x.service_id = ANY(${p(f.serviceIds)}::int[]))`);
  }
  if (f.rootCauseIds.length) {
    where.push(`EXISTS (SELECT 1 FROM incident_cause c WHERE c.incident_id = i.id AND c.is_primary
      ${f.confirmedOnly ? `AND c.state = 'CONFIRMED'` : ''} AND c.cause_id IN ${causeNodes(p(f.rootCauseIds))})`);
  }
  return where.length ? where.join(' AND ') : 'true';
}

/**
 * Which slice of stored month cells answers the filter (metrics.rollup): '' (no keys) without dimensions; 'service'
 * (each incident once per service it affects, keyed by that service) for exactly one service; 'dims' (each incident
 * once, keyed by team, severity, source and primary cause) for the other dimensions; null when no slice can (several
 * services: an incident affecting two of them would count twice), so the statement reads the incidents.
 */
export function sliceFor(f: ResolvedFilter): '' | 'dims' | 'service' | null {
  if (f.serviceIds.length > 1) return null;
  if (f.serviceIds.length === 1) return 'service';
  return hasDims(f) ? 'dims' : '';
}

/** The same conditions as incidentFilterSql on the keys of stored cells or islands (alias `mc`) of slice sliceFor(f). */
export function cellFilterSql(f: ResolvedFilter, p: Param, mc = 'mc'): string {
  const where: string[] = [];
  if (f.teamIds.length) where.push(`${mc}.team_id = ANY(${p(f.teamIds)}::int[])`);
  if (f.severities.length) where.push(`${mc}.severity = ANY(${p(f.severities)}::severity[])`);
  if (f.sourceIds?.length) where.push(`${mc}.source_id = ANY(${p(f.sourceIds)}::int[])`);
  if (f.serviceIds.length) where.push(`${mc}.slice_service_id = ${p(f.serviceIds[0])}::int`);
  if (f.rootCauseIds.length) {
    where.push(`${mc}.cause_id IN ${causeNodes(p(f.rootCauseIds))}${f.confirmedOnly ? ` AND ${mc}.cause_confirmed` : ''}`);
  }
  return where.length ? where.join(' AND ') : 'true';
}
