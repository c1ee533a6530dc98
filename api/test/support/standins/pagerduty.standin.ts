import { ServerResponse } from 'node:http';
import { RecordedRequest, seeded, sendJson, StandinServer } from './standin-server';

/**
 * A stand-in for PagerDuty's REST API v2, as documented (developer.pagerduty.com): the
 * `Authorization: Token token=` header (401 otherwise), classic offset pagination with `limit` ≤ 100,
 * `offset + limit` ≤ 10,000 and `more` (and `total` when asked), `since`/`until` ranges of at most
 * 6 months (400 with PagerDuty's error shape otherwise), `GET /incidents`, `/incidents/{id}`,
 * `/incidents/{id}/log_entries` and `/log_entries` (newest first; `is_overview` keeps trigger,
 * acknowledge and resolve entries). `since` and `until` are both inclusive here, the harder case for a
 * client walking windows.
 */

/** One generated incident (instants in epoch ms). */
export interface PdIncidentSpec {
  id: string;
  number: number;
  createdAt: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** Every acknowledgement, oldest first (a re-acknowledged incident has several). */
  acks: number[];
  resolvedAt: number | null;
  priority: string | null;
  urgency: 'high' | 'low';
  service: string;
  team: string | null;
}

export interface PdGenerateOptions {
  count: number;
  from: Date;
  to: Date;
  seed?: number;
  /** Extra incidents packed into a short span (to overflow one window's offset cap). */
  burst?: { count: number; from: Date; to: Date };
}

const SERVICES = ['checkout', 'payments', 'search', 'auth', 'notifications', 'catalog', 'edge', 'billing'];
const TEAMS = ['Payments', 'Platform', 'Growth', null];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', null, null];
const MIN = 60_000;

/** Deterministic incidents (same options, same incidents), sorted by creation. */
export function generatePagerDutyIncidents(o: PdGenerateOptions): PdIncidentSpec[] {
  const rnd = seeded(o.seed ?? 42);
  const times: number[] = [];
  const spread = (n: number, a: number, b: number) => {
    for (let k = 0; k < n; k++) times.push(Math.floor(a + rnd() * (b - a)));
  };
  spread(o.count, o.from.getTime(), o.to.getTime());
  if (o.burst) spread(o.burst.count, o.burst.from.getTime(), o.burst.to.getTime());
  times.sort((a, b) => a - b);
  const now = Date.now();
  return times.map((createdAt, k) => {
    const number = k + 1;
    const r = rnd();
    const acks: number[] = [];
    let resolvedAt: number | null = null;
    let status: PdIncidentSpec['status'] = 'resolved';
    if (rnd() < 0.85) acks.push(createdAt + Math.floor((1 + rnd() * 30) * MIN));
    if (acks.length && rnd() < 0.1) acks.push(acks[0] + Math.floor((5 + rnd() * 60) * MIN)); // re-acknowledged after a re-escalation
    // open: about a third of the last three days' incidents, and a few forgotten ones of any age
    if (r < (createdAt > now - 3 * 24 * 60 * MIN ? 0.3 : 0.003)) status = acks.length ? 'acknowledged' : 'triggered';
    else {
      // most within hours; some days later (a slow fix), which a client reading log entries by window must still find
      const after = rnd() < 0.05 ? (2 + rnd() * 10) * 24 * 60 * MIN : (5 + rnd() * 360) * MIN;
      resolvedAt = Math.floor((acks[acks.length - 1] ?? createdAt) + after);
      if (resolvedAt > now) {
        resolvedAt = null;
        status = acks.length ? 'acknowledged' : 'triggered';
      }
    }
    return {
      id: `Q${number.toString(36).toUpperCase().padStart(6, '0')}`,
      number,
      createdAt,
      title: `${SERVICES[number % SERVICES.length]} ${['latency', 'errors', 'saturation', 'outage'][Math.floor(rnd() * 4)]} #${number}`,
      status,
      acks: status === 'triggered' ? [] : acks,
      resolvedAt,
      priority: PRIORITIES[Math.floor(rnd() * PRIORITIES.length)],
      urgency: rnd() < 0.6 ? 'high' : 'low',
      service: SERVICES[Math.floor(rnd() * SERVICES.length)],
      team: TEAMS[Math.floor(rnd() * TEAMS.length)],
    };
  });
}

type LogKind = 'trigger_log_entry' | 'notify_log_entry' | 'acknowledge_log_entry' | 'resolve_log_entry';
interface LogRow {
  at: number;
  inc: number;
  kind: LogKind;
  n: number;
}
const OVERVIEW = new Set<LogKind>(['trigger_log_entry', 'acknowledge_log_entry', 'resolve_log_entry']);

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export interface PagerDutyStandinOptions {
  token: string;
  incidents: PdIncidentSpec[];
}

export class PagerDutyStandin extends StandinServer {
  readonly incidents: PdIncidentSpec[];
  private readonly byId = new Map<string, number>();
  /** Every log entry, oldest first. */
  private readonly log: LogRow[] = [];
  /** Each incident's log entries, oldest first. */
  private readonly logOf: LogRow[][] = [];

  constructor(readonly options: PagerDutyStandinOptions) {
    super((req, res) => this.route(req, res));
    this.incidents = [...options.incidents].sort((a, b) => a.createdAt - b.createdAt);
    this.incidents.forEach((i, k) => {
      this.byId.set(i.id, k);
      this.log.push({ at: i.createdAt, inc: k, kind: 'trigger_log_entry', n: 0 });
      this.log.push({ at: i.createdAt + 1000, inc: k, kind: 'notify_log_entry', n: 1 });
      i.acks.forEach((a, j) => this.log.push({ at: a, inc: k, kind: 'acknowledge_log_entry', n: 2 + j }));
      if (i.resolvedAt !== null) this.log.push({ at: i.resolvedAt, inc: k, kind: 'resolve_log_entry', n: 9 });
    });
    this.log.sort((a, b) => a.at - b.at);
    for (const row of this.log) (this.logOf[row.inc] ??= []).push(row);
  }

  static async start(options: PagerDutyStandinOptions): Promise<PagerDutyStandin> {
    return new PagerDutyStandin(options).start();
  }

  private route(req: RecordedRequest, res: ServerResponse) {
    if (req.headers.authorization !== `Token token=${this.options.token}`) {
      return sendJson(res, 401, { error: { message: 'Unauthorized', code: 2006, errors: [] } });
    }
    if (req.method !== 'GET') return sendJson(res, 405, { error: { message: 'Method not allowed', code: 2001 } });
    const m = /^\/incidents(?:\/([^/]+))?(\/log_entries)?$/.exec(req.path);
    if (m && !m[1]) return this.listIncidents(req, res);
    if (m && m[1] && !m[2]) {
      const k = this.byId.get(decodeURIComponent(m[1]));
      return k === undefined ? notFound(res) : sendJson(res, 200, { incident: this.incidentJson(k) });
    }
    if (m && m[1] && m[2]) {
      const k = this.byId.get(decodeURIComponent(m[1]));
      if (k === undefined) return notFound(res);
      return this.listLog(req, res, this.logOf[k]);
    }
    if (req.path === '/log_entries') return this.listLog(req, res, this.log);
    if (req.path === '/abilities') return sendJson(res, 200, { abilities: ['teams', 'urgencies'] });
    return notFound(res);
  }

  /** limit, offset and the range, checked as PagerDuty checks them; null when answered with a 400. */
  private paging(req: RecordedRequest, res: ServerResponse): { limit: number; offset: number; since: number; until: number } | null {
    const q = req.query;
    const limit = q.has('limit') ? Number(q.get('limit')) : 25;
    const offset = q.has('offset') ? Number(q.get('offset')) : 0;
    const errors: string[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.push('Limit must be between 1 and 100.');
    if (!Number.isInteger(offset) || offset < 0) errors.push('Offset must be a non-negative integer.');
    else if (offset + limit > 10_000) errors.push('Offset + limit must be less than or equal to 10000.');
    let since = -Infinity;
    let until = Infinity;
    if (q.get('date_range') !== 'all' && (q.has('since') || q.has('until'))) {
      until = q.has('until') ? Date.parse(q.get('until')!) : Date.now();
      since = q.has('since') ? Date.parse(q.get('since')!) : until - 30 * 24 * 3600_000;
      if (Number.isNaN(since) || Number.isNaN(until)) errors.push('Since and until must be ISO 8601 date-times.');
      else if (since > until) errors.push('Since must be before until.');
      else {
        const sixMonths = new Date(since);
        sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
        if (until > sixMonths.getTime()) errors.push('Date range cannot exceed 6 months.');
      }
    }
    if (errors.length) {
      sendJson(res, 400, { error: { message: 'Invalid Input Provided', code: 2001, errors } });
      return null;
    }
    return { limit, offset, since, until };
  }

  private listIncidents(req: RecordedRequest, res: ServerResponse) {
    const p = this.paging(req, res);
    if (!p) return;
    const sort = req.query.get('sort_by') ?? 'created_at:asc';
    // incidents are kept by creation: binary search the range (inclusive at both ends)
    const lo = lowerBound(this.incidents, p.since);
    let hi = lowerBound(this.incidents, p.until);
    while (hi < this.incidents.length && this.incidents[hi].createdAt <= p.until) hi++;
    const count = hi - lo;
    const take: number[] = [];
    for (let j = p.offset; j < Math.min(count, p.offset + p.limit); j++) take.push(sort.endsWith(':desc') ? hi - 1 - j : lo + j);
    sendJson(res, 200, {
      incidents: take.map((k) => this.incidentJson(k)),
      limit: p.limit,
      offset: p.offset,
      more: p.offset + p.limit < count,
      total: req.query.get('total') === 'true' ? count : null,
    });
  }

  private listLog(req: RecordedRequest, res: ServerResponse, log: LogRow[]) {
    const p = this.paging(req, res);
    if (!p) return;
    const overview = req.query.get('is_overview') === 'true';
    const rows: LogRow[] = [];
    // newest first, as PagerDuty lists log entries; `log` is oldest first: start at the last one not after `until`
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log[mid].at <= p.until) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0; j--) {
      const row = log[j];
      if (row.at < p.since) break;
      if (overview && !OVERVIEW.has(row.kind)) continue;
      rows.push(row);
      if (rows.length > p.offset + p.limit) break;
    }
    sendJson(res, 200, {
      log_entries: rows.slice(p.offset, p.offset + p.limit).map((r) => this.logJson(r)),
      limit: p.limit,
      offset: p.offset,
      more: rows.length > p.offset + p.limit,
      total: null,
    });
  }

  private ref(type: string, id: string, summary: string) {
    return {
      id,
      type,
      summary,
      self: `${this.url}/${type.replace('_reference', '')}s/${id}`,
      html_url: `https://example.pagerduty.com/${id}`,
    };
  }

  incidentJson(k: number) {
    const i = this.incidents[k];
    return {
      id: i.id,
      type: 'incident',
      summary: `[#${i.number}] ${i.title}`,
      self: `${this.url}/incidents/${i.id}`,
      html_url: `https://example.pagerduty.com/incidents/${i.id}`,
      incident_number: i.number,
      title: i.title,
      created_at: iso(i.createdAt),
      updated_at: iso(i.resolvedAt ?? i.acks[i.acks.length - 1] ?? i.createdAt),
      status: i.status,
      incident_key: `key-${i.number}`,
      service: this.ref('service_reference', `S${i.service.toUpperCase().slice(0, 5)}`, i.service),
      assignments: [],
      acknowledgements:
        i.status === 'acknowledged'
          ? [{ at: iso(i.acks[i.acks.length - 1]), acknowledger: this.ref('user_reference', 'PUSER01', 'Ada') }]
          : [],
      last_status_change_at: iso(i.resolvedAt ?? i.acks[i.acks.length - 1] ?? i.createdAt),
      resolved_at: i.resolvedAt === null ? null : iso(i.resolvedAt),
      first_trigger_log_entry: this.ref('trigger_log_entry_reference', `R${i.id}0`, 'Triggered'),
      escalation_policy: this.ref('escalation_policy_reference', 'PEP0001', 'Default'),
      teams: i.team ? [this.ref('team_reference', `T${i.team.toUpperCase().slice(0, 5)}`, i.team)] : [],
      priority: i.priority ? { ...this.ref('priority', `PR${i.priority}`, i.priority), name: i.priority } : null,
      urgency: i.urgency,
    };
  }

  private logJson(r: LogRow) {
    const i = this.incidents[r.inc];
    return {
      id: `R${i.id}${r.n}`,
      type: r.kind,
      summary: r.kind.replace('_log_entry', ''),
      self: `${this.url}/log_entries/R${i.id}${r.n}`,
      created_at: iso(r.at),
      agent: this.ref('user_reference', 'PUSER01', 'Ada'),
      channel: { type: r.kind === 'trigger_log_entry' ? 'api' : 'web_trigger' },
      incident: this.ref('incident_reference', i.id, i.title),
      service: this.ref('service_reference', `S${i.service.toUpperCase().slice(0, 5)}`, i.service),
      teams: [],
    };
  }
}

function lowerBound(incidents: PdIncidentSpec[], at: number): number {
  let lo = 0;
  let hi = incidents.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (incidents[mid].createdAt < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const notFound = (res: ServerResponse) => sendJson(res, 404, { error: { message: 'Not Found', code: 2100 } });
