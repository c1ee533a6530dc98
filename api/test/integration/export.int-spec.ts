import { parse } from 'csv-parse/sync';
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
    expect(await importGql(t, w.token, { content: text })).toEqual({ created: 0, updated: 0, unchanged: 10, skipped: 0, errors: [] });
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
