import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { adapterFor } from '../../src/sources/vendors';
import { PullPage, SourceConnection, SourceFetchError, SourceIncident } from '../../src/sources/source-incident';
import { recordRetryWaits } from '../support/standins/fast-retries';
import { generatePagerDutyIncidents, PagerDutyStandin, PdIncidentSpec } from '../support/standins/pagerduty.standin';

const TOKEN = 'u+PdSecretToken_123456';
const DAY = 24 * 3600_000;
const pd = adapterFor('PAGERDUTY');

/** What the adapter must make of a generated incident (SPEC §5), computed from the generator's truth. */
function expected(i: PdIncidentSpec): SourceIncident {
  const created = new Date(i.createdAt).toISOString();
  return {
    externalId: i.id,
    externalUrl: `https://example.pagerduty.com/incidents/${i.id}`,
    title: i.title,
    startedAt: created,
    detectedAt: created,
    acknowledgedAt: i.acks.length ? new Date(i.acks[0]).toISOString() : null,
    mitigatedAt: null,
    resolvedAt: i.resolvedAt === null ? null : new Date(i.resolvedAt).toISOString(),
    severityKey: i.priority ?? i.urgency,
    services: [i.service],
    teamName: i.team,
    detectionSource: 'MONITORING',
  };
}

async function pullAll(conn: SourceConnection, mark: string | null = null, stopAfter = Infinity) {
  const pages: PullPage[] = [];
  for await (const page of pd.pull(conn, mark)) {
    pages.push(page);
    if (pages.length >= stopAfter) break;
  }
  return { pages, incidents: pages.flatMap((p) => p.incidents), lastMark: pages[pages.length - 1]?.mark ?? null };
}

async function failure(p: Promise<unknown>): Promise<SourceFetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SourceFetchError) return e;
    throw e;
  }
  throw new Error('expected a SourceFetchError');
}

describe('PagerDuty adapter against a PagerDuty stand-in (real HTTP)', () => {
  const retries = recordRetryWaits();
  afterAll(() => retries.restore());
  beforeEach(() => retries.waits.splice(0));

  describe('three years, one month of which holds more than the offset cap', () => {
    const now = Date.now();
    const from = new Date(now - 3 * 365 * DAY);
    const to = new Date(now - 2 * 3600_000);
    const since = new Date(from.getTime() - DAY);
    // a busy month well inside the third 179-day window: that window holds more than the offset cap
    const busy = since.getTime() + 2 * 179 * DAY;
    const generated = generatePagerDutyIncidents({
      count: 900,
      from,
      to,
      seed: 1,
      burst: { count: 11_000, from: new Date(busy + 20 * DAY), to: new Date(busy + 50 * DAY) },
    });
    let standin: PagerDutyStandin;
    let conn: SourceConnection;
    beforeAll(async () => {
      standin = await PagerDutyStandin.start({ token: TOKEN, incidents: generated });
      conn = { kind: 'PAGERDUTY', baseUrl: standin.url, token: TOKEN, since };
    });
    afterAll(() => standin.close());

    it('yields every incident exactly once, mapped per SPEC §5, in pages of at most 100, keeping to every rule', async () => {
      const { pages, incidents } = await pullAll(conn);
      const lists = standin.requests.filter((r) => r.path === '/incidents');
      expect(lists.length).toBeGreaterThan(110);
      // the crowded window was halved: one start asked with two different ends, and never past the cap
      const ends = new Map<string, Set<string>>();
      for (const r of lists) ends.set(r.query.get('since')!, (ends.get(r.query.get('since')!) ?? new Set()).add(r.query.get('until')!));
      expect([...ends.values()].some((u) => u.size > 1)).toBe(true);
      expect(Math.max(...lists.map((r) => Number(r.query.get('offset')) + Number(r.query.get('limit'))))).toBeLessThanOrEqual(10_000);
      const ids = incidents.map((i) => i.externalId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(generated.length);
      const byId = new Map(incidents.map((i) => [i.externalId, i]));
      for (const g of generated) expect(byId.get(g.id)).toEqual(expected(g));
      expect(Math.max(...pages.map((p) => p.incidents.length))).toBeLessThanOrEqual(100);
      expect(pages.flatMap((p) => p.errors)).toEqual([]);
      // sanity of the fixture: some incidents re-acknowledged, some still open, some resolved days later
      expect(generated.some((g) => g.acks.length > 1)).toBe(true);
      expect(generated.some((g) => g.resolvedAt === null)).toBe(true);
      expect(generated.some((g) => g.resolvedAt !== null && g.resolvedAt - g.createdAt > 2 * DAY)).toBe(true);
    });

    it('reads log entries in bulk: far fewer requests than one per incident', async () => {
      standin.requests.splice(0);
      await pullAll(conn);
      const perIncident = standin.requests.filter((r) => /^\/incidents\/[^/]+\/log_entries$/.test(r.path)).length;
      const bulk = standin.count('/log_entries');
      expect(perIncident + bulk).toBeLessThan(generated.length / 2);
    });

    it('a run resumed from the mark of a committed page yields exactly the incidents after it', async () => {
      const first = await pullAll(conn, null, 37);
      const rest = await pullAll(conn, first.lastMark);
      const seen = [...first.incidents, ...rest.incidents].map((i) => i.externalId);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(generated.length);
      expect(first.incidents.length).toBeGreaterThan(0);
      expect(rest.incidents.length).toBeGreaterThan(0);
    });

    it('a later run re-reads only the incidents still open and the last hour, not the history', async () => {
      const full = await pullAll(conn);
      standin.requests.splice(0);
      const later = await pullAll(conn, full.lastMark);
      const open = generated.filter((g) => g.resolvedAt === null);
      const recent = generated.filter((g) => g.createdAt > Date.now() - 2 * 3600_000 - 5 * 60_000);
      const got = new Set(later.incidents.map((i) => i.externalId));
      for (const g of open) expect(got.has(g.id)).toBe(true);
      expect(later.incidents.length).toBeLessThanOrEqual(open.length + recent.length + 5);
      expect(later.incidents.length).toBeLessThan(generated.length / 10);
      for (const i of later.incidents) expect(i).toEqual(expected(generated.find((g) => g.id === i.externalId)!));
    });
  });

  describe('failures', () => {
    const now = Date.now();
    const generated = generatePagerDutyIncidents({ count: 250, from: new Date(now - 100 * DAY), to: new Date(now - 3600_000), seed: 2 });
    let standin: PagerDutyStandin;
    let conn: SourceConnection;
    beforeEach(async () => {
      standin = await PagerDutyStandin.start({ token: TOKEN, incidents: generated });
      conn = { kind: 'PAGERDUTY', baseUrl: standin.url, token: TOKEN, since: new Date(now - 120 * DAY) };
    });
    afterEach(() => standin.close());

    it('429 with Retry-After: waits as asked, then reads everything', async () => {
      standin.inject({
        status: 429,
        times: 2,
        retryAfter: '7',
        path: '/incidents',
        body: { error: { message: 'Rate Limit Exceeded', code: 2020 } },
      });
      const { incidents } = await pullAll(conn);
      expect(incidents.length).toBe(generated.length);
      expect(retries.waits).toEqual([7000, 7000]);
    });

    it('Retry-After as an HTTP date is honoured too, and capped at 60 s', async () => {
      standin.inject({ status: 429, times: 1, retryAfter: new Date(Date.now() + 3600_000).toUTCString() });
      const { incidents } = await pullAll(conn);
      expect(incidents.length).toBe(generated.length);
      expect(retries.waits).toEqual([60_000]);
    });

    it('503 twice: backs off exponentially, then reads everything', async () => {
      standin.inject({ status: 503, times: 2 });
      const { incidents } = await pullAll(conn);
      expect(incidents.length).toBe(generated.length);
      expect(retries.waits).toHaveLength(2);
      expect(retries.waits[0]).toBeGreaterThanOrEqual(750);
      expect(retries.waits[0]).toBeLessThanOrEqual(1250);
      expect(retries.waits[1]).toBeGreaterThanOrEqual(1500);
      expect(retries.waits[1]).toBeLessThanOrEqual(2500);
    });

    it('503 on every attempt: an HTTP error after 6 attempts', async () => {
      standin.inject({ status: 503, times: 100 });
      const e = await failure(pullAll(conn));
      expect(e.problem).toBe('HTTP');
      expect(e.status).toBe(503);
      expect(e.message).toMatch(/answered HTTP 503 .* also after retrying/);
      expect(standin.requests.length).toBe(6);
    });

    it('a wrong token: AUTH, says so, never shows either token, and is not retried', async () => {
      const wrong = { ...conn, token: 'WrongToken-abcdef987' };
      const e = await failure(pullAll(wrong));
      expect(e.problem).toBe('AUTH');
      expect(e.message).toBe("the vendor refused the token (HTTP 401) — check the source's token and its permissions");
      expect(e.message).not.toContain('WrongToken-abcdef987');
      expect(String(e.stack)).not.toContain('WrongToken-abcdef987');
      expect(standin.requests.length).toBe(1);
      const t = await failure(pd.testConnection(wrong));
      expect(t.problem).toBe('AUTH');
      await expect(pd.testConnection(conn)).resolves.toBeUndefined();
    });

    it('an unreachable host (closed port): UNREACHABLE naming the host and the cause', async () => {
      const s = createServer();
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      const port = (s.address() as AddressInfo).port;
      await new Promise<void>((r) => s.close(() => r()));
      const e = await failure(pullAll({ ...conn, baseUrl: `http://127.0.0.1:${port}` }));
      expect(e.problem).toBe('UNREACHABLE');
      expect(e.message).toBe(`cannot reach 127.0.0.1:${port}: ECONNREFUSED`);
      expect(e.message).not.toContain(TOKEN);
      expect(retries.waits).toEqual([]); // refused is not retried: a connection test says so at once
    });

    it('a name that does not resolve: UNREACHABLE at once', async () => {
      const e = await failure(pd.testConnection({ ...conn, baseUrl: 'http://no-such-host.invalid' }));
      expect(e.problem).toBe('UNREACHABLE');
      expect(e.message).toMatch(/^cannot reach no-such-host\.invalid: (ENOTFOUND|EAI_AGAIN)$/);
    });

    it('fetchOne reads one incident with its log entries; an unknown id is null', async () => {
      const g = generated.find((x) => x.acks.length > 1 && x.resolvedAt !== null) ?? generated.find((x) => x.resolvedAt !== null)!;
      expect(await pd.fetchOne!(conn, g.id)).toEqual(expected(g));
      expect(await pd.fetchOne!(conn, 'PNOPE00')).toBeNull();
    });

    it('the stand-in refuses what PagerDuty refuses (limit > 100, offset cap, more than 6 months)', async () => {
      const get = (q: string) => fetch(`${standin.url}/incidents?${q}`, { headers: { Authorization: `Token token=${TOKEN}` } });
      const over = await get('limit=101');
      expect(over.status).toBe(400);
      expect((await over.json()).error.code).toBe(2001);
      expect((await get('limit=100&offset=9901')).status).toBe(400);
      expect((await get('since=2025-01-01T00:00:00Z&until=2025-07-02T00:00:00Z')).status).toBe(400);
      expect((await get('since=2025-01-01T00:00:00Z&until=2025-07-01T00:00:00Z&limit=100&offset=9900')).status).toBe(200);
    });
  });
});
