import { badInput } from '../../common/errors/domain-error';
import { excerpt, RawRow } from '../import-row';
import { parseJson } from './json.parser';

const IMPACT: Record<string, string> = { critical: 'SEV1', major: 'SEV2', minor: 'SEV3', none: 'SEV4' };

interface StatuspageIncident {
  id?: string;
  name?: string;
  impact?: string;
  created_at?: string;
  started_at?: string | null;
  monitoring_at?: string | null;
  resolved_at?: string | null;
  postmortem_body?: string | null;
  incident_updates?: Array<{ status?: string; body?: string; created_at?: string; display_at?: string }>;
  components?: Array<{ name?: string }>;
}

/**
 * Maps an Atlassian Statuspage `/api/v2/incidents.json` document to import rows: components become
 * services (an incident without components goes on a service named after the page), impact maps
 * to severity, started_at (else created_at) to startedAt, monitoring_at to mitigatedAt,
 * resolved_at to resolvedAt, updates to timeline events. Incidents are numbered from 1.
 */
export function* statuspageRows(text: string): Generator<RawRow> {
  const doc = parseJson(text) as { page?: { name?: string }; incidents?: StatuspageIncident[] };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.incidents)) {
    throw badInput('a Statuspage export is an object with an "incidents" array (GET /api/v2/incidents.json)', 'content');
  }
  const page = doc.page?.name?.trim() || 'Statuspage';
  for (let n = 0; n < doc.incidents.length; n++) {
    const i = doc.incidents[n] ?? {};
    const components = (i.components ?? []).map((c) => c?.name?.trim()).filter((c): c is string => !!c);
    const impact = (i.impact ?? '').toLowerCase();
    yield {
      row: n + 1,
      values: {
        external_id: i.id,
        title: i.name,
        service: components.length ? components : [page],
        severity: IMPACT[impact] ?? (impact ? 'SEV4' : undefined), // an unknown impact is reported below
        started_at: i.started_at || i.created_at,
        mitigated_at: i.monitoring_at,
        resolved_at: i.resolved_at,
        summary: i.postmortem_body || undefined,
        source: 'statuspage',
      },
      timeline: (i.incident_updates ?? []).map((u) => ({
        at: u.display_at || u.created_at,
        kind: (u.status || 'update').toUpperCase(),
        message: u.body ?? '',
      })),
      newServiceTeam: page,
      problems:
        impact && !IMPACT[impact]
          ? [{ field: 'impact', message: `impact "${excerpt(String(i.impact))}" is not one of critical, major, minor, none` }]
          : [],
    };
  }
}
