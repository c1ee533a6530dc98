import { PullPage, SourceAdapter, SourceConnection, SourceFetchError } from '../source-incident';
import { mapIncidentIoIncident } from './incident-io.mapping';
import { isObject, str } from './mapping-helpers';
import { vendorGetJson } from './vendor-http';

/** incident.io's largest page (`page_size` ≤ 250). */
export const INCIDENT_IO_PAGE = 250;

interface IoMark {
  v: 1;
  /** `pagination_meta.after` of the last committed page: a resumed run continues after it. */
  after: string | null;
  /** Set when a walk finished: the next run walks everything again (the list has no updated-since filter). */
  done?: boolean;
}

const base = (conn: SourceConnection) => conn.baseUrl.replace(/\/+$/, '');

function get(conn: SourceConnection, path: string, signal?: AbortSignal): Promise<any> {
  if (!conn.token) throw new SourceFetchError('AUTH', 'an incident.io source needs an API key');
  return vendorGetJson(`${base(conn)}${path}`, {
    headers: { Authorization: `Bearer ${conn.token}` },
    signal,
    secrets: [conn.token],
  });
}

function parseMark(mark: string | null): IoMark {
  if (!mark) return { v: 1, after: null };
  try {
    const m = JSON.parse(mark);
    if (m?.v === 1 && !m.done && (m.after === null || typeof m.after === 'string')) return { v: 1, after: m.after };
  } catch {
    // an unreadable mark starts over: every page is an upsert, so nothing is lost
  }
  return { v: 1, after: null };
}

/**
 * incident.io API v2, `GET /v2/incidents` with cursor pagination (`page_size`, `after` =
 * `pagination_meta.after`). The list cannot be filtered by update time, so each run walks all of
 * it (from newest) and the engine counts what did not change; the mark only lets a cut-off run
 * continue after its last committed page. Incidents created before `connection.since` are
 * skipped without being counted.
 */
async function* pull(conn: SourceConnection, markText: string | null, signal?: AbortSignal): AsyncIterable<PullPage> {
  let after = parseMark(markText).after;
  const since = conn.since.getTime();
  for (;;) {
    const q = new URLSearchParams({ page_size: String(INCIDENT_IO_PAGE) });
    if (after) q.set('after', after);
    const body = await get(conn, `/v2/incidents?${q.toString()}`, signal);
    if (!isObject(body) || !Array.isArray(body.incidents))
      throw new SourceFetchError('PAYLOAD', 'incident.io answered /v2/incidents without an "incidents" list');
    const page: PullPage = { incidents: [], skipped: 0, errors: [], mark: null };
    for (const raw of body.incidents) {
      try {
        const created = Date.parse(str(isObject(raw) ? raw.created_at : undefined) ?? '');
        if (!Number.isNaN(created) && created < since) continue;
        const r = mapIncidentIoIncident(raw, conn);
        if (r.skipped) page.skipped++;
        else page.incidents.push(r.incident);
      } catch (e) {
        page.errors.push({ externalId: (isObject(raw) && str(raw.id)) || null, message: (e as Error).message });
      }
    }
    const next = isObject(body.pagination_meta) ? str(body.pagination_meta.after) || null : null;
    // a cursor that does not move would loop for ever
    const last = !next || next === after || body.incidents.length === 0;
    page.mark = JSON.stringify(last ? { v: 1, after: null, done: true } : { v: 1, after: next });
    yield page;
    if (last) return;
    after = next;
  }
}

export const incidentIoAdapter: SourceAdapter = {
  pull,
  async testConnection(conn, signal) {
    const body = await get(conn, '/v2/incidents?page_size=1', signal);
    if (!isObject(body) || !Array.isArray(body.incidents))
      throw new SourceFetchError('PAYLOAD', `${new URL(conn.baseUrl).host} does not answer like incident.io's API`);
  },
  async fetchOne(conn, externalId, signal) {
    const body = await vendorGetJson(`${base(conn)}/v2/incidents/${encodeURIComponent(externalId)}`, {
      headers: { Authorization: `Bearer ${conn.token ?? ''}` },
      signal,
      secrets: [conn.token],
      allow404: true,
    });
    if (!isObject(body) || !isObject(body.incident)) return null;
    const r = mapIncidentIoIncident(body.incident, conn);
    return r.skipped ? null : r.incident;
  },
};
