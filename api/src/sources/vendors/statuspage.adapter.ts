import { statuspageRows } from '../../imports/parsers/statuspage.parser';
import { PullPage, SourceAdapter, SourceConnection, SourceFetchError, SourceIncident } from '../source-incident';
import { isObject, str, toInstant } from './mapping-helpers';
import { vendorGetJson } from './vendor-http';

const documentUrl = (conn: SourceConnection) => `${conn.baseUrl.replace(/\/+$/, '')}/api/v2/incidents.json`;

async function readDocument(conn: SourceConnection, signal?: AbortSignal): Promise<{ incidents: unknown[] }> {
  const body = await vendorGetJson(documentUrl(conn), { signal, secrets: [conn.token] });
  if (!isObject(body) || !Array.isArray(body.incidents))
    throw new SourceFetchError(
      'PAYLOAD',
      `${new URL(conn.baseUrl).host} does not answer like a Statuspage (no "incidents" in /api/v2/incidents.json)`,
    );
  return body as { incidents: unknown[] };
}

/**
 * Any public Atlassian Statuspage: `GET {baseUrl}/api/v2/incidents.json` lists only the page's
 * recent incidents (about 50), so one page per run and no mark. The mapping is the STATUSPAGE import
 * format's (imports/parsers/statuspage.parser.ts, reused as is): components are the services,
 * started_at (else created_at) the start, monitoring_at the mitigation, resolved_at the
 * resolution; the impact (critical, major, minor, none) is the severity key, the shortlink the link.
 */
export function mapStatuspageDocument(doc: { incidents: unknown[] }, since?: Date): PullPage {
  const page: PullPage = { incidents: [], skipped: 0, errors: [], mark: null };
  // the import parser reads text; the document is small (the page's recent incidents)
  for (const row of statuspageRows(JSON.stringify({ incidents: doc.incidents }))) {
    const raw = doc.incidents[row.row - 1];
    const externalId = (isObject(raw) && str(raw.id)) || null;
    try {
      if (row.problems?.length) throw new Error(row.problems.map((p) => p.message).join('; '));
      if (!isObject(raw)) throw new Error('an incident must be an object');
      if (!externalId) throw new Error('the incident has no id');
      const v = row.values as Record<string, unknown>;
      const startedAt = toInstant(str(v.started_at), 'started_at');
      if (!startedAt) throw new Error('the incident has neither started_at nor created_at');
      if (since && Date.parse(startedAt) < since.getTime()) continue;
      const incident: SourceIncident = {
        externalId,
        externalUrl: str(raw.shortlink) || null,
        title: str(v.title)?.trim() || externalId,
        startedAt,
        detectedAt: null,
        acknowledgedAt: null,
        mitigatedAt: toInstant(str(v.mitigated_at), 'monitoring_at'),
        resolvedAt: toInstant(str(v.resolved_at), 'resolved_at'),
        severityKey: str(raw.impact)?.toLowerCase() || null,
        // without components the import puts the page's name; a source uses its own name (the engine's rule for no services)
        services: Array.isArray(raw.components) && raw.components.length ? ((v.service as string[]) ?? []) : [],
        teamName: null,
        detectionSource: null,
      };
      page.incidents.push(incident);
    } catch (e) {
      page.errors.push({ externalId, message: (e as Error).message });
    }
  }
  return page;
}

export const statuspageAdapter: SourceAdapter = {
  async *pull(conn, _mark, signal) {
    yield mapStatuspageDocument(await readDocument(conn, signal), conn.since);
  },
  async testConnection(conn, signal) {
    await readDocument(conn, signal);
  },
};
