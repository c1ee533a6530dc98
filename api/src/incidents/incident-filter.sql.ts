import { badInput } from '../common/errors/domain-error';
import { toIds } from '../common/graphql/validators';
import type { IncidentFilter } from './dto/incident-filter.input';

/**
 * SQL conditions for an IncidentFilter on incident alias `i`, appending their parameters.
 * Shared by the incident list and the CSV export so both select exactly the same incidents.
 */
export function incidentFilterSql(filter: IncidentFilter | null | undefined, params: unknown[]): string[] {
  const where: string[] = [];
  if (!filter) return where;
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.from && filter.to && filter.from >= filter.to) throw badInput('from must be before to', 'from', 'to');
  if (filter.from) where.push(`i.started_at >= ${p(filter.from)}`);
  if (filter.to) where.push(`i.started_at < ${p(filter.to)}`);
  if (filter.teamIds?.length) where.push(`i.team_id = ANY(${p(toIds(filter.teamIds))}::int[])`);
  if (filter.sourceIds?.length) where.push(`i.source_id = ANY(${p(toIds(filter.sourceIds))}::int[])`);
  if (filter.severities?.length) where.push(`i.severity = ANY(${p(filter.severities)}::severity[])`);
  if (filter.kinds?.length) where.push(`i.kind = ANY(${p(filter.kinds)}::incident_kind[])`);
  if (filter.serviceIds?.length) {
    where.push(
      `EXISTS (SELECT 1 FROM incident_service x WHERE x.incident_id = i.id AND x.service_id = ANY(${p(toIds(filter.serviceIds))}::int[]))`,
    );
  }
  if (filter.rootCauseIds?.length) {
    where.push(`EXISTS (SELECT 1 FROM incident_cause c JOIN root_cause rc ON rc.id = c.cause_id
      WHERE c.incident_id = i.id AND c.is_primary AND (rc.id = ANY(${p(toIds(filter.rootCauseIds))}::int[]) OR rc.parent_id = ANY($${params.length}::int[])))`);
  }
  if (filter.gapMechanismIds?.length) {
    where.push(
      `EXISTS (SELECT 1 FROM redundancy_assessment g WHERE g.incident_id = i.id AND g.outcome IN ('MISSING','FAILED') AND g.mechanism_id = ANY(${p(toIds(filter.gapMechanismIds))}::int[]))`,
    );
  }
  const atLeast = filter.resolveMinutesAtLeast ?? null;
  const below = filter.resolveMinutesBelow ?? null;
  if (atLeast !== null && below !== null && atLeast >= below) {
    throw badInput('resolveMinutesAtLeast must be less than resolveMinutesBelow', 'resolveMinutesAtLeast', 'resolveMinutesBelow');
  }
  if (atLeast !== null) where.push(`i.ttr_minutes >= ${p(atLeast)}::float8`);
  if (below !== null) where.push(`i.ttr_minutes < ${p(below)}::float8`);
  if (filter.inMetrics !== undefined && filter.inMetrics !== null) where.push(`i.in_metrics = ${p(filter.inMetrics)}`);
  if (filter.detectionSources?.length) where.push(`i.detection_source = ANY(${p(filter.detectionSources)}::detection_source[])`);
  if (filter.statuses?.length) {
    const s = filter.statuses;
    const parts = [
      s.includes('RESOLVED' as never) && 'i.resolved_at IS NOT NULL',
      s.includes('MITIGATED' as never) && '(i.resolved_at IS NULL AND i.mitigated_at IS NOT NULL)',
      s.includes('ONGOING' as never) && '(i.resolved_at IS NULL AND i.mitigated_at IS NULL)',
    ].filter(Boolean);
    where.push(`(${parts.join(' OR ')})`);
  }
  const text = filter.search?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const words = p(text);
    // published reviews are searchable with their incidents (SPEC §6); drafts are not
    where.push(`(i.search @@ plainto_tsquery('simple', ${words}) OR i.title ILIKE ${p(like)}
      OR EXISTS (SELECT 1 FROM post_mortem pm WHERE pm.incident_id = i.id AND pm.state = 'PUBLISHED' AND pm.search @@ plainto_tsquery('simple', ${words})))`);
  }
  return where;
}
