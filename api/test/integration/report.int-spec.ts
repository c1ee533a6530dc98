import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createWorld, World } from '../factories/incidents';
import { fixture, importGql, userToken } from '../factories/imports';
import { REPORT_QUERY } from '../../src/reports/report.query';
import { startTestApp, TestApp } from '../harness';

const METRICS = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){
  incidentCount ongoingCount excludedCount downtimeMinutes
  timeToResolve{ count meanMinutes medianMinutes p90Minutes } timeToDetect{ count meanMinutes medianMinutes p90Minutes }
  byRootCause{ name incidentCount share downtimeMinutes }
  redundancyGaps{ gapCount downtimeMinutes covered service{ name } mechanism{ name } }
} }`;

describe('quarterly report (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  let dir: string;
  const get = async (query: string, token = w.token) => {
    const res = await fetch(`${t.url}/api/reports/quarterly?${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
    const team = await t.ok(`mutation{ createTeam(input:{name:"Search"}){ id } }`, {}, w.token);
    await t.ok(
      `mutation($t:ID!){ createService(input:{name:"Search API", teamId:$t, slo:99.5}){ id } }`,
      { t: team.createTeam.id },
      w.token,
    );
    // Q1 2026: the CSV fixture (March); Q2 2026: the JSON fixture (April) and the Statuspage export (May)
    await importGql(t, w.token, { content: fixture('incidents.csv') });
    await importGql(t, w.token, { format: 'JSON', content: fixture('incidents.json') });
    await importGql(t, w.token, { format: 'STATUSPAGE', content: fixture('statuspage-incidents.json'), createMissing: true });
    dir = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('JSON: metrics and previous are the numbers of reliabilityMetrics for the quarter and the one before', async () => {
    const r = await get('quarter=2026-Q2&format=json');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body.toString());
    expect(body.quarter).toBe('2026-Q2');
    const q2 = (await t.ok(METRICS, { f: { from: '2026-04-01T00:00:00Z', to: '2026-07-01T00:00:00Z' } }, w.token)).reliabilityMetrics;
    const q1 = (await t.ok(METRICS, { f: { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } }, w.token)).reliabilityMetrics;
    for (const [json, gql] of [
      [body.metrics, q2],
      [body.previous, q1],
    ]) {
      expect(json).toMatchObject({
        incidentCount: gql.incidentCount,
        ongoingCount: gql.ongoingCount,
        excludedCount: gql.excludedCount,
        downtimeMinutes: gql.downtimeMinutes,
        timeToResolve: gql.timeToResolve,
        timeToDetect: gql.timeToDetect,
      });
      expect(json.byRootCause.map((c: any) => [c.name, c.incidentCount, c.share, c.downtimeMinutes])).toEqual(
        gql.byRootCause.map((c: any) => [c.name, c.incidentCount, c.share, c.downtimeMinutes]),
      );
    }
    expect(body.metrics.incidentCount).toBe(5); // j-1, j-2, three Statuspage incidents
    expect(body.previous.incidentCount).toBe(2); // ext-1, ext-2 (ext-3 is excluded from metrics)
    // ext-1: Multi-region MISSING on an incident of two services, so one gap per service
    expect(body.previous.redundancyGaps.map((g: any) => [g.service.name, g.mechanism.name, g.gapCount, g.covered]).sort()).toEqual([
      ['Playback API', 'Multi-region', 1, false],
      ['Search API', 'Multi-region', 1, false],
    ]);
    expect(body.largestIncidents.map((i: any) => i.title)).toEqual([
      'Search index stale',
      'Elevated API error rates',
      'Full outage',
      'Login latency',
      'Delayed webhooks',
    ]);
    expect(body.largestIncidents[0].downtimeMinutes).toBe(120);
    expect(body.largestIncidents[4]).toMatchObject({ downtimeMinutes: null, status: 'ONGOING' });
  });

  it('JSON: metrics and previous are field for field the GraphQL answer for the same quarter and principal', async () => {
    const member = await userToken(t, w.token, 'member@example.com', 'VIEWER', [w.teamId]);
    const q2 = { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };
    const answers: Record<string, unknown> = {};
    for (const [who, token] of [
      ['admin', w.token],
      ['member', member],
    ] as const) {
      const body = JSON.parse((await get('quarter=2026-Q2&format=json', token)).body.toString());
      // the report's own document, sent over /graphql by the same principal
      const { previous, ...metrics } = (await t.ok(REPORT_QUERY, q2, token)).reliabilityMetrics;
      expect(body.metrics).toEqual(metrics);
      expect(body.previous).toEqual(previous);
      // previous is the API's period before the quarter, named after it
      expect([body.previous.periodStart, body.previous.periodEnd]).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
      expect(body.previousQuarter).toBe('2026-Q1');
      answers[who] = body;
    }
    // the member does not see j-2 (private to Search): the report applied the member's visibility, not the admin's
    const admin = answers.admin as any;
    const viewer = answers.member as any;
    expect([admin.metrics.incidentCount, viewer.metrics.incidentCount]).toEqual([5, 4]);
    expect(admin.metrics.byRootCause).not.toEqual(viewer.metrics.byRootCause);
  });

  it('a running quarter ends now, and its previous quarter is the whole quarter before', async () => {
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const start = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1);
    const before = Date.now();
    const body = JSON.parse((await get(`quarter=${quarter}&format=json`)).body.toString());
    const after = Date.now();
    expect(Date.parse(body.metrics.periodStart)).toBe(start);
    const end = Date.parse(body.metrics.periodEnd);
    expect(end).toBeGreaterThanOrEqual(before - 1000);
    expect(end).toBeLessThanOrEqual(after);
    expect(body.metrics.periodMinutes).toBeCloseTo((end - start) / 60_000, 6);
    const previousStart = new Date(start);
    previousStart.setUTCMonth(previousStart.getUTCMonth() - 3);
    expect([Date.parse(body.previous.periodStart), Date.parse(body.previous.periodEnd)]).toEqual([previousStart.getTime(), start]);
    const to = new Date(start);
    to.setUTCMonth(to.getUTCMonth() + 3);
    const { previous } = (await t.ok(REPORT_QUERY, { from: new Date(start).toISOString(), to: to.toISOString() }, w.token))
      .reliabilityMetrics;
    expect(body.previous).toEqual(previous);
  });

  it('PDF: a real document with a title page, page numbers, charts and the headline numbers', async () => {
    const r = await get('quarter=2026-Q2&format=pdf');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    const file = join(dir, 'q2.pdf');
    writeFileSync(file, r.body);
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, r.body); // to look at it: pdftoppm -png -r 60
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(info).toMatch(/Title:\s+Reliability report 2026-Q2/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Reliability report 2026-Q2');
    expect(text).toMatch(/Incidents\s+5\s+2\s+\+3 \(\+150\.0 %\)/);
    const mttr = JSON.parse((await get('quarter=2026-Q2&format=json')).body.toString()).metrics.timeToResolve.meanMinutes as number;
    expect(text).toContain(`${(mttr / 60).toFixed(2)} h`);
    for (const section of [
      'MTTR trend',
      'Root causes (Pareto)',
      'Redundancy gaps',
      'Availability per service',
      'Largest incidents',
      'Action-item progress',
      'Metric definitions',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Full outage');
  });

  it('Markdown and CSV carry the same numbers', async () => {
    const md = (await get('quarter=2026-Q2&format=md')).body.toString();
    expect(md).toMatch(/^# Reliability report 2026-Q2/);
    expect(md).toContain('| Incidents | 5 | 2 | +3 (+150.0 %) |');
    expect(md).toContain('## Metric definitions');
    const csv = parse((await get('quarter=2026-Q2&format=csv')).body.toString(), { columns: true }) as Array<Record<string, string>>;
    expect(csv.find((r) => r.section === 'headline' && r.item === 'incidentCount')).toEqual({
      section: 'headline',
      item: 'incidentCount',
      '2026-Q2': '5',
      '2026-Q1': '2',
    });
  });

  it('respects access: private incidents count only for those who may see them; bad input is a 400', async () => {
    const team = await t.ok(`mutation{ createTeam(input:{name:"Outsiders"}){ id } }`, {}, w.token);
    const viewer = await userToken(t, w.token, 'outsider@example.com', 'VIEWER', [team.createTeam.id]);
    const body = JSON.parse((await get('quarter=2026-Q2&format=json', viewer)).body.toString());
    expect(body.metrics.incidentCount).toBe(4); // j-2 is private to Search
    expect(body.largestIncidents.map((i: any) => i.title)).not.toContain('Search index stale');
    expect((await get('quarter=2026-Q5')).status).toBe(400);
    expect((await get('quarter=2026-Q2&format=docx')).status).toBe(400);
    expect((await fetch(`${t.url}/api/reports/quarterly?quarter=2026-Q2`)).status).toBe(401);
  });
});
