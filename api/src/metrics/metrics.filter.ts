/**
 * Which incidents a metrics filter selects beyond its period and the reader's visibility, in SQL, once: the
 * conditions on an incident (alias i) read from the incidents, and the same conditions on the keys of stored
 * cells (alias mc; metrics.rollup), so both parts of a reading statement select the same incidents.
 */
import type { ResolvedFilter } from './metrics.scope';

type Param = (value: unknown) => string;

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

/** The dimensions of a filter, as named in DIM_SLICES. */
type Dim = 'team' | 'severity' | 'source' | 'cause';

/**
 * The keyed slices of stored month cells (metrics.rollup), each the month's incidents counted once per value of its
 * keys (cell columns): one per dimension leaders filter by, and team × severity. A filter whose dimensions are exactly
 * a slice's adds up that slice's matching cells.
 */
export const DIM_SLICES: Record<string, { dims: Dim[]; columns: string[] }> = {
  team: { dims: ['team'], columns: ['team_id'] },
  severity: { dims: ['severity'], columns: ['severity'] },
  source: { dims: ['source'], columns: ['source_id'] },
  cause: { dims: ['cause'], columns: ['cause_id', 'cause_confirmed'] },
  team_severity: { dims: ['team', 'severity'], columns: ['team_id', 'severity'] },
};

/**
 * Which slice of stored month cells answers the filter: '' (no keys) without dimensions; a DIM_SLICES slice when the
 * filter's dimensions are exactly its own; 'service' (each incident once per service it affects, keyed by that
 * service) for exactly one service and nothing else; null for any other combination (several services would count an
 * incident affecting two of them twice), whose statement then reads the matching incidents.
 */
export function sliceFor(f: ResolvedFilter): string | null {
  const dims: Dim[] = [];
  if (f.teamIds.length) dims.push('team');
  if (f.severities.length) dims.push('severity');
  if (f.sourceIds?.length) dims.push('source');
  if (f.rootCauseIds.length) dims.push('cause');
  if (f.serviceIds.length) return f.serviceIds.length === 1 && !dims.length ? 'service' : null;
  if (!dims.length) return '';
  const found = Object.entries(DIM_SLICES).find(([, s]) => s.dims.join() === dims.join());
  return found ? found[0] : null;
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
