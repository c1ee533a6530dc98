import { PullPage, SourceAdapter, SourceConnection, SourceFetchError, SourceIncident } from '../source-incident';
import { isObject, str, toInstant } from './mapping-helpers';
import { vendorGetJson } from './vendor-http';

/**
 * PagerDuty REST API v2. Its rules (developer.pagerduty.com, "Pagination" and "List incidents"):
 * `limit` ≤ 100, `offset + limit` ≤ 10,000 ("classic" offset pagination, `more` says whether there
 * is more), and a `since`/`until` range of at most 6 months. So history is walked in windows of
 * created_at, oldest first; a window holding more than the offset cap (its `total`) is halved until
 * it fits.
 */
export const PD_PAGE = 100;
export const PD_OFFSET_CAP = 10_000;
/** Under the 6-month limit whatever the months (the shortest 6 months are 181 days). */
export const PD_MAX_WINDOW_MS = 179 * 24 * 3600_000;
/** A later run re-reads this far back from where the last one ended (incidents created while it ran, clocks). */
const OVERLAP_MS = 3600_000;
/** Incidents resolved this soon after their window are timed from one bulk log-entry read, the rest one by one. */
const BULK_LOOKAHEAD_MS = 24 * 3600_000;
/** Open incidents remembered by id for the next run to re-read (more move the next run's start back). */
const MAX_OPEN_IDS = 1000;

/** The progress mark (stored as JSON text, opaque to the engine). */
interface PdMark {
  v: 1;
  /** Where this run stops (fixed when it starts, so a resumed run ends where the original would have). */
  end: string;
  /** The window being walked: incidents created in [from, to), and the offset of its next page. */
  from: string;
  to: string;
  offset: number;
  /** Incidents still open at the end of the last run (created before `from`), to re-read one by one first. */
  recheck: string[];
  /** Open incidents met in this run so far: id and created_at (for the next run's `recheck`). */
  open: Array<[string, string]>;
  /** Set when the run finished: the next run starts a new walk at `from`. */
  done?: boolean;
}

const headers = (conn: SourceConnection) => ({
  Authorization: `Token token=${conn.token ?? ''}`,
  Accept: 'application/vnd.pagerduty+json;version=2',
});

const base = (conn: SourceConnection) => conn.baseUrl.replace(/\/+$/, '');

function get(conn: SourceConnection, path: string, params: Array<[string, string]>, signal?: AbortSignal): Promise<any> {
  const q = new URLSearchParams(params).toString();
  return vendorGetJson(`${base(conn)}${path}${q ? `?${q}` : ''}`, { headers: headers(conn), signal, secrets: [conn.token] });
}

const INCLUDES: Array<[string, string]> = [
  ['include[]', 'services'],
  ['include[]', 'teams'],
  ['include[]', 'priorities'],
];

async function listIncidents(conn: SourceConnection, from: string, to: string, offset: number, total: boolean, signal?: AbortSignal) {
  const body = await get(
    conn,
    '/incidents',
    [
      ['since', from],
      ['until', to],
      ['limit', String(PD_PAGE)],
      ['offset', String(offset)],
      ['sort_by', 'created_at:asc'],
      ['time_zone', 'UTC'],
      ['total', String(total)],
      ...INCLUDES,
    ],
    signal,
  );
  if (!isObject(body) || !Array.isArray(body.incidents))
    throw new SourceFetchError('PAYLOAD', 'PagerDuty answered /incidents without an "incidents" list');
  return { incidents: body.incidents as unknown[], more: body.more === true, total: typeof body.total === 'number' ? body.total : null };
}

interface Times {
  ack?: string;
  resolve?: string;
}

/** Folds log entries into the first acknowledgement and the (last) resolution per incident. */
function foldLogEntries(entries: unknown[], into: Map<string, Times>, only?: Set<string>) {
  for (const e of entries) {
    if (!isObject(e)) continue;
    const id = isObject(e.incident) ? str(e.incident.id) : undefined;
    const at = str(e.created_at);
    if (!id || !at || (only && !only.has(id)) || Number.isNaN(Date.parse(at))) continue;
    const t = into.get(id) ?? {};
    if (e.type === 'acknowledge_log_entry' && (!t.ack || Date.parse(at) < Date.parse(t.ack))) t.ack = at;
    if (e.type === 'resolve_log_entry' && (!t.resolve || Date.parse(at) > Date.parse(t.resolve))) t.resolve = at;
    into.set(id, t);
  }
}

/** Every log entry of one incident (all of them: exact whatever `is_overview` keeps; one request for most incidents). */
async function incidentLog(conn: SourceConnection, id: string, into: Map<string, Times>, signal?: AbortSignal) {
  for (let offset = 0; offset + PD_PAGE <= PD_OFFSET_CAP; offset += PD_PAGE) {
    const body = await get(
      conn,
      `/incidents/${encodeURIComponent(id)}/log_entries`,
      [
        ['limit', String(PD_PAGE)],
        ['offset', String(offset)],
        ['time_zone', 'UTC'],
      ],
      signal,
    );
    const entries = isObject(body) && Array.isArray(body.log_entries) ? body.log_entries : [];
    // the incident-scoped list may leave `incident` out of its entries: they are all this incident's
    foldLogEntries(
      entries.map((e: unknown) => (isObject(e) && !isObject(e.incident) ? { ...e, incident: { id } } : e)),
      into,
    );
    if (!isObject(body) || body.more !== true) return;
  }
}

/**
 * First acknowledgement and resolution for a page of incidents. One bulk `GET /log_entries` over
 * the page's time span (plus a day) serves every incident resolved within it: with up to 100
 * incidents a page, that is a handful of requests instead of 100. The bulk read asks for every
 * entry, not `is_overview`: PagerDuty's documentation does not promise that the overview keeps each
 * acknowledgement, and a missing acknowledgement could not be detected afterwards.
 * Incidents still open or resolved later are read one by one (`/incidents/{id}/log_entries`), which
 * is exact whatever their age; so is any incident when the bulk read would pass the offset cap.
 */
async function timesFor(conn: SourceConnection, incidents: Record<string, any>[], signal?: AbortSignal): Promise<Map<string, Times>> {
  const times = new Map<string, Times>();
  const created = incidents.map((i) => Date.parse(str(i.created_at) ?? '')).filter((n) => !Number.isNaN(n));
  if (!created.length) return times;
  const spanFrom = Math.min(...created);
  const lookahead = Math.max(...created) + BULK_LOOKAHEAD_MS;
  const inBulk = new Set<string>();
  const oneByOne: string[] = [];
  let spanTo = spanFrom;
  for (const i of incidents) {
    const resolved = Date.parse(str(i.resolved_at) ?? '');
    if (i.status === 'resolved' && !Number.isNaN(resolved) && resolved < lookahead) {
      inBulk.add(i.id);
      spanTo = Math.max(spanTo, resolved);
    } else oneByOne.push(i.id);
  }
  // the bulk read is worth it for more than one incident, and must itself keep to the 6-month range
  if (inBulk.size > 1 && spanTo - spanFrom <= PD_MAX_WINDOW_MS) {
    let complete = false;
    for (let offset = 0; offset + PD_PAGE <= PD_OFFSET_CAP; offset += PD_PAGE) {
      const body = await get(
        conn,
        '/log_entries',
        [
          ['since', new Date(spanFrom).toISOString()],
          ['until', new Date(spanTo + 1000).toISOString()],
          ['limit', String(PD_PAGE)],
          ['offset', String(offset)],
          ['time_zone', 'UTC'],
        ],
        signal,
      );
      foldLogEntries(isObject(body) && Array.isArray(body.log_entries) ? body.log_entries : [], times, inBulk);
      if (!isObject(body) || body.more !== true) {
        complete = true;
        break;
      }
    }
    if (!complete) {
      times.clear();
      oneByOne.push(...inBulk);
    } else {
      // every incident of the bulk set is resolved, so its resolve entry must have come: one that did not
      // (an entry outside the range) is read on its own
      for (const id of inBulk) if (!times.get(id)?.resolve) oneByOne.push(id);
    }
  } else oneByOne.push(...inBulk);
  for (const id of oneByOne) await incidentLog(conn, id, times, signal);
  return times;
}

/** Maps one PagerDuty incident (SPEC §5); throws an Error naming the field it cannot read. */
export function mapPagerDutyIncident(i: unknown, t: Times | undefined): SourceIncident {
  if (!isObject(i)) throw new Error('an incident must be an object');
  const id = str(i.id);
  if (!id) throw new Error('the incident has no id');
  const createdAt = toInstant(str(i.created_at), 'created_at');
  if (!createdAt) throw new Error('the incident has no created_at');
  const priority = isObject(i.priority) ? str(i.priority.summary) || str(i.priority.name) : undefined;
  const service = isObject(i.service) ? str(i.service.summary) || str(i.service.name) : undefined;
  const team = Array.isArray(i.teams) && isObject(i.teams[0]) ? str(i.teams[0].summary) || str(i.teams[0].name) : undefined;
  return {
    externalId: id,
    externalUrl: str(i.html_url) ?? null,
    title: str(i.title)?.trim() || str(i.summary)?.trim() || id,
    startedAt: createdAt,
    detectedAt: createdAt,
    acknowledgedAt: toInstant(t?.ack, 'acknowledge log entry'),
    // resolve_log_entry; an incident resolved again after a re-trigger has its latest one
    resolvedAt: i.status === 'resolved' ? (toInstant(t?.resolve ?? str(i.resolved_at), 'resolved_at') ?? null) : null,
    mitigatedAt: null,
    severityKey: priority ?? str(i.urgency) ?? null,
    services: service ? [service] : [],
    teamName: team ?? null,
    detectionSource: 'MONITORING',
  };
}

function toPage(incidents: Record<string, any>[], times: Map<string, Times>, mark: PdMark): PullPage {
  const page: PullPage = { incidents: [], skipped: 0, errors: [], mark: null };
  for (const raw of incidents) {
    try {
      page.incidents.push(mapPagerDutyIncident(raw, times.get(raw.id)));
    } catch (e) {
      page.errors.push({ externalId: str(raw?.id) ?? null, message: (e as Error).message });
    }
  }
  page.mark = JSON.stringify(mark);
  return page;
}

/** Remembers incidents still open (they can still change) for the next run, oldest first, bounded. */
function noteOpen(mark: PdMark, incidents: Record<string, any>[]) {
  const seen = new Set(incidents.map((i) => i.id));
  mark.open = mark.open.filter(([id]) => !seen.has(id));
  for (const i of incidents) if (i.status !== 'resolved' && str(i.id) && str(i.created_at)) mark.open.push([i.id, i.created_at]);
  mark.open.sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]));
  if (mark.open.length > MAX_OPEN_IDS * 2) mark.open = mark.open.slice(0, MAX_OPEN_IDS + 1);
}

function parseMark(mark: string | null, conn: SourceConnection): PdMark {
  const now = new Date().toISOString();
  const fresh = (from: string, recheck: string[]): PdMark => ({
    v: 1,
    end: now,
    from,
    to: windowEnd(from, now),
    offset: 0,
    recheck,
    open: [],
  });
  if (!mark) return fresh(conn.since.toISOString(), []);
  let m: PdMark;
  try {
    m = JSON.parse(mark);
  } catch {
    return fresh(conn.since.toISOString(), []);
  }
  if (!m || m.v !== 1 || typeof m.from !== 'string' || Number.isNaN(Date.parse(m.from))) return fresh(conn.since.toISOString(), []);
  if (m.done) return fresh(m.from, Array.isArray(m.recheck) ? m.recheck : []);
  return { ...m, recheck: m.recheck ?? [], open: m.open ?? [] };
}

const windowEnd = (from: string, end: string) => new Date(Math.min(Date.parse(from) + PD_MAX_WINDOW_MS, Date.parse(end))).toISOString();

async function* pull(conn: SourceConnection, markText: string | null, signal?: AbortSignal): AsyncIterable<PullPage> {
  const mark = parseMark(markText, conn);

  // 1. incidents that were open when the last run ended, older than where this walk starts
  while (mark.recheck.length) {
    const ids = mark.recheck.slice(0, PD_PAGE);
    const found: Record<string, any>[] = [];
    for (const id of ids) {
      const i = await readIncident(conn, id, signal);
      if (i) found.push(i);
    }
    const times = await timesFor(conn, found, signal);
    mark.recheck = mark.recheck.slice(ids.length);
    noteOpen(mark, found);
    yield toPage(found, times, mark);
  }

  // 2. the walk: windows of created_at, oldest first, each paged by offset
  while (!mark.done && Date.parse(mark.from) < Date.parse(mark.end)) {
    const first = mark.offset === 0;
    const { incidents, more, total } = await listIncidents(conn, mark.from, mark.to, mark.offset, first, signal);
    if (first && total !== null && total > PD_OFFSET_CAP) {
      const half = Math.floor((Date.parse(mark.to) - Date.parse(mark.from)) / 2);
      if (half >= 1000) {
        mark.to = new Date(Date.parse(mark.from) + half).toISOString();
        continue; // nothing yielded yet for this window: try the smaller one
      }
    }
    // keep each incident in exactly one window even if the vendor's bounds were inclusive at both ends
    const from = Date.parse(mark.from);
    const to = Date.parse(mark.to);
    const inWindow = (incidents.filter(isObject) as Record<string, any>[]).filter((i) => {
      const c = Date.parse(str(i.created_at) ?? '');
      return Number.isNaN(c) || (c >= from && c < to);
    });
    const nextOffset = mark.offset + PD_PAGE;
    if (more && nextOffset + PD_PAGE <= PD_OFFSET_CAP) mark.offset = nextOffset;
    else {
      if (more) {
        // total was unknown or grew past the cap meanwhile: restart what is left of the window smaller
        const last = inWindow.length ? Date.parse(inWindow[inWindow.length - 1].created_at) : from;
        mark.from = new Date(Math.max(from, last)).toISOString();
        mark.to = windowEnd(mark.from, mark.end);
        mark.offset = 0;
        if (Date.parse(mark.to) - Date.parse(mark.from) > 1000)
          mark.to = new Date(Date.parse(mark.from) + Math.floor((Date.parse(mark.to) - Date.parse(mark.from)) / 2)).toISOString();
      } else {
        mark.from = mark.to;
        mark.to = windowEnd(mark.from, mark.end);
        mark.offset = 0;
      }
    }
    const times = await timesFor(conn, inWindow, signal);
    noteOpen(mark, inWindow);
    if (Date.parse(mark.from) >= Date.parse(mark.end)) finish(mark);
    yield toPage(inWindow, times, mark);
  }
  if (!mark.done) {
    finish(mark);
    yield { incidents: [], skipped: 0, errors: [], mark: JSON.stringify(mark) };
  }
}

/** The mark a finished run leaves: the next walk starts a little before this run's end; older open incidents are re-read by id. */
function finish(mark: PdMark) {
  let from = Date.parse(mark.end) - OVERLAP_MS;
  const older = mark.open.filter(([, c]) => Date.parse(c) < from);
  // beyond the bound, the walk itself reaches back to the oldest open incident not remembered by id
  if (older.length > MAX_OPEN_IDS) from = Date.parse(older[MAX_OPEN_IDS][1]);
  mark.recheck = older.slice(0, MAX_OPEN_IDS).map(([id]) => id);
  mark.from = new Date(from).toISOString();
  mark.to = mark.from;
  mark.offset = 0;
  mark.open = [];
  mark.done = true;
}

async function readIncident(conn: SourceConnection, id: string, signal?: AbortSignal): Promise<Record<string, any> | null> {
  const body = await vendorGetJson(`${base(conn)}/incidents/${encodeURIComponent(id)}?${new URLSearchParams(INCLUDES).toString()}`, {
    headers: headers(conn),
    signal,
    secrets: [conn.token],
    allow404: true,
  });
  if (body === null) return null;
  if (!isObject(body) || !isObject(body.incident))
    throw new SourceFetchError('PAYLOAD', 'PagerDuty answered /incidents/{id} without an "incident"');
  return body.incident;
}

export const pagerDutyAdapter: SourceAdapter = {
  pull,
  async testConnection(conn, signal) {
    if (!conn.token) throw new SourceFetchError('AUTH', 'a PagerDuty source needs a REST API key');
    const body = await get(conn, '/incidents', [['limit', '1']], signal);
    if (!isObject(body) || !Array.isArray(body.incidents))
      throw new SourceFetchError('PAYLOAD', `${new URL(conn.baseUrl).host} does not answer like PagerDuty's REST API`);
  },
  async fetchOne(conn, externalId, signal) {
    const i = await readIncident(conn, externalId, signal);
    if (!i) return null;
    const times = new Map<string, Times>();
    await incidentLog(conn, externalId, times, signal);
    return mapPagerDutyIncident(i, times.get(externalId));
  },
};
