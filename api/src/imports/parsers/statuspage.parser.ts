import { badInput } from '../../common/errors/domain-error';
import { excerpt, RawRow } from '../import-row';
import { parseJson } from './json.parser';

const IMPACT: Record<string, string> = { critical: 'SEV1', major: 'SEV2', minor: 'SEV3', none: 'SEV4' };

/** One incident of the document, as it should be; every field is checked before use. */
interface StatuspageIncident {
  id?: unknown;
  name?: unknown;
  impact?: unknown;
  created_at?: unknown;
  started_at?: unknown;
  monitoring_at?: unknown;
  resolved_at?: unknown;
  postmortem_body?: unknown;
  incident_updates?: unknown[];
  components?: unknown[];
}

/**
 * Maps an Atlassian Statuspage `/api/v2/incidents.json` document to import rows: components become
 * services (an incident without components goes on a service named after the page), impact maps
 * to severity, started_at (else created_at) to startedAt, monitoring_at to mitigatedAt,
 * resolved_at to resolvedAt, updates to timeline events. Incidents are numbered from 1.
 */
export function* statuspageRows(text: string): Generator<RawRow> {
  const doc = parseJson(text) as { page?: { name?: unknown }; incidents?: unknown[] };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.incidents)) {
    throw badInput('a Statuspage export is an object with an "incidents" array (GET /api/v2/incidents.json)', 'content');
  }
  const page = str(doc.page?.name)?.trim() || 'Statuspage';
  for (let n = 0; n < doc.incidents.length; n++) {
    const item = doc.incidents[n];
    if (!isObject(item)) {
      yield { row: n + 1, values: {}, problems: [{ field: null, message: 'an incident must be an object' }] };
      continue;
    }
    // a document from elsewhere may hold anything anywhere: a value of the wrong type is a row error, never a crash
    const i = item as StatuspageIncident;
    const problems: Array<{ field: string | null; message: string }> = [];
    const components = (Array.isArray(i.components) ? i.components : [])
      .map((c) => (isObject(c) ? str(c.name)?.trim() : undefined))
      .filter((c): c is string => !!c);
    const impactText = str(i.impact);
    if (i.impact !== undefined && i.impact !== null && impactText === undefined)
      problems.push({ field: 'impact', message: 'impact must be text' });
    const impact = (impactText ?? '').toLowerCase();
    if (impact && !IMPACT[impact])
      problems.push({ field: 'impact', message: `impact "${excerpt(impactText!)}" is not one of critical, major, minor, none` });
    const updates = Array.isArray(i.incident_updates) ? i.incident_updates.filter(isObject) : [];
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
      timeline: updates.map((u) => ({
        at: u.display_at || u.created_at,
        kind: (str(u.status) || 'update').toUpperCase(),
        message: str(u.body) ?? '',
      })),
      newServiceTeam: page,
      problems,
    };
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
