import { Injectable } from '@nestjs/common';
import { Database } from '../common/database/database.service';
import { ISO_MICROS } from '../imports/imports.repository';

/** One incident as a row of the import CSV (column names of docs/import-formats.md). */
export type ExportRow = Record<string, string | boolean | null>;

@Injectable()
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  /**
   * A page of incidents in id order after `afterId`, in the import CSV's columns. Timestamps are
   * canonical UTC text with microseconds; an incident made in the app (no external id) is named by
   * its key, which the import maps back to it.
   */
  page(where: string, params: unknown[], afterId: number, limit: number, withReview = false): Promise<Array<ExportRow & { id: number }>> {
    const p = [...params, afterId, limit];
    // the JSON export also carries the review (post_mortem: state, stored body, effective due date, publishedAt, reviewers)
    const review = withReview
      ? `, i.postmortem_state::text AS post_mortem_state, pm.body AS post_mortem_body,
              ${ISO_MICROS('coalesce(pm.due_at, i.resolved_at + make_interval(days => ls.review_due_days))')} AS post_mortem_due_at,
              ${ISO_MICROS('pm.published_at')} AS post_mortem_published_at,
              (SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) ORDER BY lower(u.email)), '[]'::json)
                 FROM post_mortem_reviewer r JOIN app_user u ON u.id = r.user_id WHERE r.incident_id = i.id) AS post_mortem_reviewers`
      : '';
    const reviewJoin = withReview ? 'CROSS JOIN loop_setting ls LEFT JOIN post_mortem pm ON pm.incident_id = i.id' : '';
    return this.db.query(
      `SELECT i.id, coalesce(i.external_id, 'INC-' || i.id) AS external_id, i.title,
              (SELECT string_agg(s.name, ';' ORDER BY lower(s.name)) FROM incident_service x JOIN service s ON s.id = x.service_id WHERE x.incident_id = i.id) AS service,
              t.name AS team, i.severity::text AS severity,
              ${ISO_MICROS('i.started_at')} AS started_at, ${ISO_MICROS('i.detected_at')} AS detected_at,
              ${ISO_MICROS('i.acknowledged_at')} AS acknowledged_at, ${ISO_MICROS('i.mitigated_at')} AS mitigated_at,
              ${ISO_MICROS('i.resolved_at')} AS resolved_at,
              (SELECT rc.name FROM incident_cause c JOIN root_cause rc ON rc.id = c.cause_id WHERE c.incident_id = i.id AND c.is_primary) AS root_cause,
              (SELECT string_agg(rc.name, ';' ORDER BY lower(rc.name)) FROM incident_cause c JOIN root_cause rc ON rc.id = c.cause_id WHERE c.incident_id = i.id AND NOT c.is_primary) AS contributing_causes,
              (SELECT string_agg(m.name, ';' ORDER BY lower(m.name)) FROM redundancy_assessment a JOIN redundancy_mechanism m ON m.id = a.mechanism_id WHERE a.incident_id = i.id) AS redundancy_mechanism,
              (SELECT string_agg(lower(a.outcome::text), ';' ORDER BY lower(m.name)) FROM redundancy_assessment a JOIN redundancy_mechanism m ON m.id = a.mechanism_id WHERE a.incident_id = i.id) AS redundancy_outcome,
              i.detection_source::text AS detection_source, i.summary, i.private, i.exclude_from_metrics, i.source${review}
         FROM incident i JOIN team t ON t.id = i.team_id ${reviewJoin}
        WHERE ${where} AND i.id > $${p.length - 1}
        ORDER BY i.id LIMIT $${p.length}`,
      p,
    );
  }
}
