import { Injectable } from '@nestjs/common';
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { incidentFilterSql } from '../metrics/metrics.filter';
import type { ResolvedFilter } from '../metrics/metrics.scope';
import type { ReportDimensions } from './reports.service';

export interface LargestIncident {
  key: string;
  title: string;
  severity: string;
  services: string;
  startedAt: Date;
  downtimeMinutes: number | null;
  timeToResolveMinutes: number | null;
  status: string;
}

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The counted incidents (not near misses, not excluded) the principal may see that started in
   * [from, to) and match the filter's dimensions (a digest's), largest downtime first (mitigatedAt, else resolvedAt − startedAt); ongoing ones last.
   */
  largestIncidents(
    principal: Principal,
    from: Date,
    to: Date,
    limit: number,
    dimensions: ReportDimensions = {},
  ): Promise<LargestIncident[]> {
    const params: unknown[] = [from, to, limit];
    const visible = visibleIncidentsSql(principal, 'i', params);
    const all = <T>(xs: T | T[] | null | undefined): T[] => (xs === null || xs === undefined ? [] : Array.isArray(xs) ? xs : [xs]);
    const ids = (xs: Array<string | number> | string | number | null | undefined) => all(xs).map(Number);
    const filtered = incidentFilterSql(
      {
        from,
        to,
        serviceIds: ids(dimensions.serviceIds),
        teamIds: ids(dimensions.teamIds),
        severities: all(dimensions.severities) as ResolvedFilter['severities'],
        rootCauseIds: ids(dimensions.rootCauseIds),
        sourceIds: ids(dimensions.sourceIds),
        confirmedOnly: dimensions.confirmedOnly ?? false,
      },
      (value) => `$${params.push(value)}`,
    );
    return this.db.query(
      `SELECT 'INC-' || i.id AS key, i.title, i.severity::text AS severity, i.started_at AS "startedAt",
              extract(epoch FROM i.impact_end_at - i.started_at) / 60 AS "downtimeMinutes", i.ttr_minutes AS "timeToResolveMinutes",
              CASE WHEN i.resolved_at IS NOT NULL THEN 'RESOLVED' WHEN i.mitigated_at IS NOT NULL THEN 'MITIGATED' ELSE 'ONGOING' END AS status,
              coalesce((SELECT string_agg(s.name, ', ' ORDER BY lower(s.name)) FROM incident_service x JOIN service s ON s.id = x.service_id WHERE x.incident_id = i.id), '') AS services
         FROM incident i
        WHERE ${visible} AND ${filtered} AND i.in_metrics AND i.started_at >= $1 AND i.started_at < $2
        ORDER BY (i.impact_end_at - i.started_at) DESC NULLS LAST, i.severity, i.started_at
        LIMIT $3`,
      params,
    );
  }
}
