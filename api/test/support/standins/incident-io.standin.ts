import { ServerResponse } from 'node:http';
import { RecordedRequest, seeded, sendJson, StandinServer } from './standin-server';

/**
 * A stand-in for incident.io's API v2 (api-docs.incident.io): bearer token (401 otherwise),
 * `GET /v2/incidents` newest first with cursor pagination (`page_size` ≤ 250, else 422 with
 * incident.io's validation error shape; `after` = the last id of the previous page;
 * `pagination_meta.after` absent on the last page), and `GET /v2/incidents/{id}`.
 */
export class IncidentIoStandin extends StandinServer {
  constructor(
    readonly token: string,
    /** Incidents in incident.io's v2 shape, newest first (as the API lists them). */
    readonly incidents: Array<Record<string, any>>,
  ) {
    super((req, res) => this.route(req, res));
  }

  static async start(token: string, incidents: Array<Record<string, any>>): Promise<IncidentIoStandin> {
    return new IncidentIoStandin(token, incidents).start();
  }

  private route(req: RecordedRequest, res: ServerResponse) {
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return sendJson(res, 401, {
        type: 'authentication_error',
        status: 401,
        request_id: 'req-1',
        errors: [{ code: 'unauthenticated', message: 'Invalid API key' }],
      });
    }
    const one = /^\/v2\/incidents\/([^/]+)$/.exec(req.path);
    if (one) {
      const incident = this.incidents.find((i) => i.id === decodeURIComponent(one[1]));
      return incident
        ? sendJson(res, 200, { incident })
        : sendJson(res, 404, { type: 'not_found', status: 404, errors: [{ code: 'not_found', message: 'Not found' }] });
    }
    if (req.path !== '/v2/incidents')
      return sendJson(res, 404, { type: 'not_found', status: 404, errors: [{ code: 'not_found', message: 'Not found' }] });
    const size = req.query.has('page_size') ? Number(req.query.get('page_size')) : 25;
    if (!Number.isInteger(size) || size < 1 || size > 250) {
      return sendJson(res, 422, {
        type: 'validation_error',
        status: 422,
        request_id: 'req-2',
        errors: [{ code: 'is_invalid', message: 'page_size must be between 1 and 250', source: { field: 'page_size' } }],
      });
    }
    const after = req.query.get('after');
    let start = 0;
    if (after) {
      const k = this.incidents.findIndex((i) => i.id === after);
      if (k < 0)
        return sendJson(res, 422, {
          type: 'validation_error',
          status: 422,
          errors: [{ code: 'is_invalid', message: 'after is not a valid cursor', source: { field: 'after' } }],
        });
      start = k + 1;
    }
    const page = this.incidents.slice(start, start + size);
    const meta: Record<string, unknown> = { page_size: size, total_record_count: this.incidents.length };
    if (start + size < this.incidents.length) meta.after = page[page.length - 1].id;
    sendJson(res, 200, { incidents: page, pagination_meta: meta });
  }
}

/** A v2 timestamp value as incident.io lists it. */
export const timestampValue = (name: string, value: string | null, rank = 1) => ({
  incident_timestamp: { id: `TS-${name.replace(/\W/g, '')}`, name, rank },
  value: value === null ? undefined : { value },
});

/** One incident in incident.io's v2 shape; `over` replaces any field. */
export function incidentIoIncident(n: number, over: Record<string, any> = {}): Record<string, any> {
  const created = new Date(Date.UTC(2026, 0, 1) + n * 3600_000).toISOString();
  return {
    id: `01HX${String(n).padStart(22, '0')}`,
    name: `Incident ${n}`,
    reference: `INC-${n}`,
    permalink: `https://app.incident.io/acme/incidents/${n}`,
    mode: 'standard',
    visibility: 'public',
    created_at: created,
    updated_at: created,
    severity: { id: 'SEV-MINOR', name: 'Minor', rank: 1, description: 'Minor' },
    incident_status: { id: 'ST-CLOSED', name: 'Closed', category: 'closed', rank: 4, description: '' },
    incident_type: { id: 'IT-1', name: 'Default' },
    incident_role_assignments: [],
    incident_timestamp_values: [
      timestampValue('Reported at', created, 1),
      timestampValue('Accepted at', new Date(Date.parse(created) + 5 * 60_000).toISOString(), 2),
      timestampValue('Resolved at', new Date(Date.parse(created) + 90 * 60_000).toISOString(), 5),
    ],
    custom_field_entries: [],
    summary: null,
    ...over,
  };
}

/** `count` deterministic incidents, newest first; about one in twenty in test or tutorial mode. */
export function generateIncidentIoIncidents(count: number, seed = 7): Array<Record<string, any>> {
  const rnd = seeded(seed);
  const out: Array<Record<string, any>> = [];
  for (let n = 1; n <= count; n++) {
    const r = rnd();
    out.push(incidentIoIncident(n, r < 0.03 ? { mode: 'test' } : r < 0.05 ? { mode: 'tutorial' } : {}));
  }
  return out.reverse();
}
