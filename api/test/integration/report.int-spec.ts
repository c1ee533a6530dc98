import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createWorld, World } from '../factories/incidents';
import { fixture, importGql, userToken } from '../factories/imports';
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
