import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, World } from '../factories/incidents';
import { csv, fixture, importGql, importHttp, userToken } from '../factories/imports';
import { startTestApp, TestApp } from '../harness';
import { BATCH_SIZE } from '../../src/imports/imports.service';

const BY_EXTERNAL = `SELECT i.id, i.version, i.title, i.severity, i.private, i.exclude_from_metrics, i.kind, i.detection_source, i.summary,
  t.name AS team, to_char(i.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS resolved, i.ttr_minutes,
  (SELECT string_agg(s.name, ';' ORDER BY s.name) FROM incident_service x JOIN service s ON s.id = x.service_id WHERE x.incident_id = i.id) AS services,
  (SELECT string_agg(rc.name || CASE WHEN c.is_primary THEN '*' ELSE '' END, ';' ORDER BY c.is_primary DESC, rc.name) FROM incident_cause c JOIN root_cause rc ON rc.id = c.cause_id WHERE c.incident_id = i.id) AS causes,
  (SELECT string_agg(m.name || '=' || a.outcome, ';' ORDER BY m.name) FROM redundancy_assessment a JOIN redundancy_mechanism m ON m.id = a.mechanism_id WHERE a.incident_id = i.id) AS assessments
  FROM incident i JOIN team t ON t.id = i.team_id WHERE i.source = $1 AND i.external_id = $2`;

describe('import (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  const one = async (source: string, externalId: string) => (await t.db.query(BY_EXTERNAL, [source, externalId]))[0];
  const incidentCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM incident`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
    const team = await t.ok(`mutation{ createTeam(input:{name:"Search"}){ id } }`, {}, w.token);
    await t.ok(
      `mutation($t:ID!){ createService(input:{name:"Search API", teamId:$t, slo:99.5}){ id } }`,
      { t: team.createTeam.id },
      w.token,
    );
  });
  afterAll(() => t.close());

  it('imports the CSV fixture: any header case and order, several services, causes, pairwise assessments, booleans', async () => {
    const r = await importGql(t, w.token, { format: 'CSV', content: fixture('incidents.csv') });
    expect(r).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0, errorCount: 0, errors: [] });
    expect(await one('csv', 'ext-1')).toMatchObject({
      title: 'Checkout errors after deploy',
      severity: 'SEV1',
      team: 'Playback', // the first service's team
      services: 'Playback API;Search API',
      causes: 'Deployment / release*;DNS;Monitoring gap',
      assessments: 'Multi-CDN=WORKED;Multi-region=MISSING',
      detection_source: 'MONITORING',
      summary: 'Bad build, rolled back "fast"',
      private: false,
      exclude_from_metrics: false,
      kind: 'INCIDENT',
      ttr_minutes: 60,
    });
    const two = await one('csv', 'ext-2');
    // full precision kept (microseconds), offset applied; empty outcome = no assessment; team given explicitly
    expect(two).toMatchObject({
      team: 'Playback',
      resolved: '2026-03-05T10:30:00.123456',
      private: true,
      causes: 'DNS*',
      assessments: null,
      detection_source: 'CUSTOMER_REPORT',
    });
    expect(two.ttr_minutes).toBeCloseTo(90.0020576, 6);
    expect(await one('csv', 'ext-3')).toMatchObject({ causes: 'Network*', exclude_from_metrics: true, kind: 'INCIDENT', severity: 'SEV4' });
  });

  it('changes nothing when the same file comes again, and updates (same id, version + 1) a changed row', async () => {
    const before = await one('csv', 'ext-1');
    expect(await importGql(t, w.token, { content: fixture('incidents.csv') })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
    });
    expect((await one('csv', 'ext-1')).version).toBe(before.version);
    const changed = fixture('incidents.csv').replace('Checkout errors after deploy', 'Checkout errors after a deploy');
    expect(await importGql(t, w.token, { content: changed })).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await one('csv', 'ext-1');
    expect(after).toMatchObject({
      id: before.id,
      version: before.version + 1,
      title: 'Checkout errors after a deploy',
      causes: before.causes,
    });
  });

  it('imports JSON (camelCase, lists as arrays or ";" text) idempotently', async () => {
    const r = await importGql(t, w.token, { format: 'JSON', content: fixture('incidents.json') });
    expect(r).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0, errorCount: 0, errors: [] });
    expect(await one('json', 'j-1')).toMatchObject({
      causes: 'Capacity / overload*;Monitoring gap;Traffic spike',
      assessments: 'Load-balanced pool=PARTIAL',
      ttr_minutes: 60,
    });
    expect(await one('json', 'j-2')).toMatchObject({
      team: 'Search',
      private: true,
      causes: 'Data*;Replication lag;Software bug',
      severity: 'SEV2',
    });
    expect(await importGql(t, w.token, { format: 'JSON', content: fixture('incidents.json') })).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('imports a Statuspage export: components as services in a team named after the page, updates as timeline', async () => {
    const doc = fixture('statuspage-incidents.json');
    const without = await importGql(t, w.token, { format: 'STATUSPAGE', content: doc });
    expect(without.created).toBe(0);
    expect(without.errors.map((e) => e.field)).toEqual(['service', 'service', 'service', 'service']);
    const r = await importGql(t, w.token, { format: 'STATUSPAGE', content: doc, createMissing: true });
    expect(r).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0, errorCount: 0, errors: [] });
    const api = await one('statuspage', 'p31zjtct2jer');
    expect(api).toMatchObject({
      title: 'Elevated API error rates',
      severity: 'SEV2',
      team: 'Acme Cloud',
      services: 'Dashboard;Public API',
    });
    expect(await one('statuspage', 'k0rd7x9w2m5q')).toMatchObject({ severity: 'SEV1', services: 'Acme Cloud', team: 'Acme Cloud' });
    expect(await one('statuspage', 'ongoing00001')).toMatchObject({ severity: 'SEV3', resolved: null });
    const d = await t.ok(
      `query($id:ID!){ incident(id:$id){ startedAt mitigatedAt resolvedAt timeline{ at kind message } } }`,
      { id: String(api.id) },
      w.token,
    );
    expect(d.incident).toMatchObject({
      startedAt: '2026-05-18T09:05:00.000Z',
      mitigatedAt: '2026-05-18T10:21:00.004Z',
      resolvedAt: '2026-05-18T11:02:41.306Z',
    });
    expect(d.incident.timeline.map((e: any) => e.kind)).toEqual(['INVESTIGATING', 'MONITORING', 'RESOLVED']);
    expect(await importGql(t, w.token, { format: 'STATUSPAGE', content: doc, createMissing: true })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    const edited = doc.replace('A fix has been implemented', 'A fix was implemented');
    expect(await importGql(t, w.token, { format: 'STATUSPAGE', content: edited })).toMatchObject({ updated: 1, unchanged: 2 });
  });

  it('dry run returns exactly the counts and errors of the real run and stores nothing', async () => {
    const file = csv(
      'd-1,Dry one,Playback API,SEV3,2026-06-01T10:00:00Z,2026-06-01T11:00:00Z',
      'd-2,Dry two,Nowhere,SEV3,2026-06-01T10:00:00Z,',
      'ext-1,,Playback API,SEV3,,',
    );
    const before = await incidentCount();
    const auditBefore = (await t.db.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n;
    const dry = await importGql(t, w.token, { content: file, dryRun: true, onInvalid: 'SKIP_ROW' });
    expect(await incidentCount()).toBe(before);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n).toBe(auditBefore);
    const real = await importGql(t, w.token, { content: file, onInvalid: 'SKIP_ROW' });
    expect(dry).toEqual(real);
    expect(real.created).toBe(1);
    // one summary audit entry per import that changed something (none for the dry run)
    const audit = await t.db.query(`SELECT action, entity_type, changes FROM audit_entry ORDER BY id DESC LIMIT 1`);
    expect(audit[0]).toMatchObject({
      action: 'incident.import',
      entity_type: 'Import',
      changes: { format: 'CSV', created: 1, skipped: 2, unchanged: 0 },
    });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n).toBe(auditBefore + 1);
    expect(await incidentCount()).toBe(before + 1);
  });

  it('REJECT_ALL stores nothing and returns every row error; SKIP_ROW stores the valid rows', async () => {
    const file = csv(
      'r-1,Fine,Playback API,SEV2,2026-06-02T10:00:00Z,2026-06-02T10:30:00Z',
      'r-2,No zone,Playback API,SEV2,2026-06-02T10:00:00,',
      'r-3,Bad order,Playback API,SEV2,2026-06-02T10:00:00Z,2026-06-02T09:00:00Z',
      'r-4,Bad severity,Playback API,P1,2026-06-02T10:00:00Z,',
      'r-5,Also fine,Playback API,SEV4,2026-06-02T12:00:00Z,',
    );
    const before = await incidentCount();
    const rejected = await importGql(t, w.token, { content: file });
    expect(rejected).toMatchObject({ created: 0, updated: 0, unchanged: 0, skipped: 5 });
    expect(rejected.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'started_at'],
      [3, 'resolved_at'],
      [4, 'severity'],
    ]);
    expect(rejected.errors[0].message).toMatch(/no time zone offset/);
    expect(rejected.errors[1].message).toMatch(/resolved_at .* must not be before started_at/);
    expect(await incidentCount()).toBe(before);
    const skipped = await importGql(t, w.token, { content: file, onInvalid: 'SKIP_ROW' });
    expect(skipped).toMatchObject({ created: 2, skipped: 3 });
    expect(skipped.errors).toEqual(rejected.errors);
    expect(await incidentCount()).toBe(before + 2);
  });

  it('reports every repeat of an incident within a file, across batches, naming the first row that passed its checks', async () => {
    // three batches' worth of rows; the repeats sit in the first, second and third batch
    const n = 2 * BATCH_SIZE + 500;
    const ids = Array.from({ length: n }, (_, k) => `dup-${k + 1}`);
    const special: Record<number, [string, string, string]> = {
      3: ['dup-a', 'Playback API', 'SEV3'],
      5: ['dup-a', 'Playback API', 'SEV3'], // repeats row 3 in the same batch
      7: ['dup-b', 'Playback API', 'P1'], // invalid: not the first of dup-b
      9: ['dup-b', 'Playback API', 'SEV3'],
      11: ['dup-c', 'Nowhere', 'SEV3'], // passes its checks, then fails on the unknown service
      [BATCH_SIZE + 500]: ['dup-b', 'Playback API', 'SEV3'],
      [2 * BATCH_SIZE + 200]: ['dup-c', 'Playback API', 'SEV3'],
      [2 * BATCH_SIZE + 400]: ['dup-a', 'Playback API', 'SEV3'],
      [2 * BATCH_SIZE + 401]: ['dup-a', 'Playback API', 'SEV3'],
    };
    const file = csv(
      ...ids.map((id, k) => {
        const [ext, service, severity] = special[k + 1] ?? [id, 'Playback API', 'SEV4'];
        return `${ext},Repeat test ${k + 1},${service},${severity},2026-06-06T10:00:00Z,`;
      }),
    );
    const repeat = (row: number, first: number, ext: string) => ({
      row,
      field: 'external_id',
      message: `repeats the incident of row ${first} (source "csv", external id "${ext}")`,
    });
    const expected = [
      repeat(5, 3, 'dup-a'),
      { row: 7, field: 'severity', message: 'severity must be one of SEV1, SEV2, SEV3, SEV4, got "P1"' },
      { row: 11, field: 'service', message: 'unknown service "Nowhere" (import with createMissing to create it)' },
      repeat(BATCH_SIZE + 500, 9, 'dup-b'),
      repeat(2 * BATCH_SIZE + 200, 11, 'dup-c'),
      repeat(2 * BATCH_SIZE + 400, 3, 'dup-a'),
      repeat(2 * BATCH_SIZE + 401, 3, 'dup-a'),
    ];
    const rejected = await importHttp(t, w.token, file);
    expect(rejected.body).toEqual({ created: 0, updated: 0, unchanged: 0, skipped: n, errorCount: 7, errors: expected });
    const before = await incidentCount();
    const skipped = await importHttp(t, w.token, file, { onInvalid: 'SKIP_ROW' });
    expect(skipped.body).toEqual({ created: n - 7, updated: 0, unchanged: 0, skipped: 7, errorCount: 7, errors: expected });
    expect(await incidentCount()).toBe(before + n - 7);
    expect((await one('csv', 'dup-a')).title).toBe('Repeat test 3');
    expect((await one('csv', 'dup-b')).title).toBe('Repeat test 9');
    const again = await importHttp(t, w.token, file, { onInvalid: 'SKIP_ROW' });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: n - 7, skipped: 7, errorCount: 7, errors: expected });
  });

  it('names unknown services, teams, causes and mechanisms; createMissing creates them ("Imported")', async () => {
    const file = [
      'title,service,severity,started_at,root_cause,redundancy_mechanism,redundancy_outcome',
      'New things,Billing API,SEV3,2026-06-03T10:00:00Z,Cosmic ray,Quantum backup,failed',
    ].join('\n');
    const r = await importGql(t, w.token, { content: file });
    expect(r.errors.map((e) => e.field)).toEqual(['service', 'root_cause', 'redundancy_mechanism']);
    const made = await importGql(t, w.token, { content: file, createMissing: true });
    expect(made).toMatchObject({ created: 1, errors: [] });
    const [svc] = await t.db.query(`SELECT t.name FROM service s JOIN team t ON t.id = s.team_id WHERE s.name = 'Billing API'`);
    expect(svc.name).toBe('Imported');
    const [cause] = await t.db.query(`SELECT p.name FROM root_cause c JOIN root_cause p ON p.id = c.parent_id WHERE c.name = 'Cosmic ray'`);
    expect(cause.name).toBe('Imported');
    // no external id: a stable one from the content, so the same file is unchanged the second time
    expect(await importGql(t, w.token, { content: file, createMissing: true })).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('lets responders import only into their own teams (a FORBIDDEN row error otherwise) and refuses viewers', async () => {
    const responder = await userToken(t, w.token, 'resp@example.com', 'RESPONDER', [w.teamId]);
    const file = csv('f-1,Mine,Playback API,SEV3,2026-06-04T10:00:00Z,', 'f-2,Not mine,Search API,SEV3,2026-06-04T10:00:00Z,');
    const r = await importGql(t, responder, { content: file, onInvalid: 'SKIP_ROW' });
    expect(r).toMatchObject({ created: 1, skipped: 1 });
    expect(r.errors[0]).toMatchObject({ row: 2, field: 'service' });
    expect(r.errors[0].message).toMatch(/FORBIDDEN/);
    const viewer = await userToken(t, w.token, 'view@example.com', 'VIEWER', [w.teamId]);
    const v = await t.gql(
      `mutation($i:ImportIncidentsInput!){ importIncidents(input:$i){ created } }`,
      { i: { format: 'CSV', content: file } },
      viewer,
    );
    expect(v.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const http = await importHttp(t, viewer, file);
    expect(http.status).toBe(403);
  });

  it('takes the file over HTTP as a raw body and as multipart field "file"', async () => {
    const file = csv('h-1,Raw upload,Playback API,SEV2,2026-06-05T10:00:00Z,2026-06-05T10:10:00Z');
    const raw = await importHttp(t, w.token, file, { format: 'CSV', dryRun: 'true' });
    expect(raw).toEqual({ status: 200, body: { created: 1, updated: 0, unchanged: 0, skipped: 0, errorCount: 0, errors: [] } });
    expect(await importHttp(t, w.token, file, { format: 'csv' })).toMatchObject({ status: 200, body: { created: 1 } });
    const form = new FormData();
    form.append('note', 'ignored');
    form.append('file', new Blob([file], { type: 'text/csv' }), 'incidents.csv');
    const res = await fetch(`${t.url}/api/import?format=CSV`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 0, unchanged: 1 });
    const json = await importHttp(t, w.token, fixture('incidents.json'), { format: 'JSON' }, 'application/json');
    expect(json).toMatchObject({ status: 200, body: { unchanged: 2 } });
    const sp = await importHttp(
      t,
      w.token,
      fixture('statuspage-incidents.json'),
      { format: 'STATUSPAGE', createMissing: 'true' },
      'application/octet-stream',
    );
    expect(sp.body).toMatchObject({ unchanged: 2, updated: 1 });
  });

  it('answers file-level problems with 400 and unauthenticated calls with 401', async () => {
    expect(await importHttp(t, w.token, 'title,severity\nx,SEV1\n')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT' } },
    });
    expect((await importHttp(t, w.token, '', { format: 'XML' })).status).toBe(400);
    expect((await importHttp(t, w.token, '{', { format: 'JSON' }, 'application/octet-stream')).status).toBe(400);
    const res = await fetch(`${t.url}/api/import`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
  });

  it('keeps the repeat keys equal to the incidents, services and primary causes, and rewrites no key that stays', async () => {
    // every key of the rk- incidents, as repeat_key holds it and as its sources give it; both differences must be empty
    const keys = `WITH ids AS (SELECT id FROM incident WHERE source = 'csv' AND external_id LIKE 'rk-%'),
      want AS (SELECT i.id, s.service_id, c.cause_id, i.started_at, i.private, i.team_id, i.severity, i.source_id, c.state = 'CONFIRMED'
                 FROM incident i JOIN incident_service s ON s.incident_id = i.id JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
                WHERE i.id IN (SELECT id FROM ids) AND i.in_metrics),
      have AS (SELECT incident_id, service_id, cause_id, started_at, private, team_id, severity, source_id, cause_confirmed
                 FROM repeat_key WHERE incident_id IN (SELECT id FROM ids))
      SELECT (SELECT count(*) FROM have)::int AS keys,
             (SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT * FROM have) d)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM have EXCEPT SELECT * FROM want) d)::int AS stale`;
    const versions = async (ext: string) =>
      t.db.query(
        `SELECT k.service_id, k.xmin::text AS xmin, k.ctid::text AS ctid FROM repeat_key k JOIN incident i ON i.id = k.incident_id
          WHERE i.source = 'csv' AND i.external_id = $1 ORDER BY k.service_id`,
        [ext],
      );
    const file = (rows: string[]) =>
      ['external_id,title,service,severity,started_at,root_cause,contributing_causes,private', ...rows].join('\n') + '\n';
    const first = file([
      'rk-1,Keys one,Playback API;Search API,SEV2,2026-04-01T10:00:00Z,DNS,Monitoring gap,no',
      'rk-2,Keys two,Playback API,SEV3,2026-04-02T10:00:00Z,Deployment / release,,no',
      'rk-3,Keys three,Search API,SEV3,2026-04-05T10:00:00Z,,,no',
      'rk-4,Keys four,Playback API,SEV1,2026-04-06T10:00:00Z,DNS,,yes',
    ]);
    expect(await importHttp(t, w.token, first)).toMatchObject({ status: 200, body: { created: 4, errorCount: 0 } });
    expect((await t.db.query(keys))[0]).toEqual({ keys: 4, missing: 0, stale: 0 });
    const kept = await versions('rk-1');
    expect(kept).toHaveLength(2);

    // rk-1: only a contributing cause (its cause tags are rewritten, its keys are not); rk-2: another primary cause;
    // rk-3: a primary cause at last; rk-4: later and no longer private
    const second = file([
      'rk-1,Keys one,Playback API;Search API,SEV2,2026-04-01T10:00:00Z,DNS,Software bug,no',
      'rk-2,Keys two,Playback API,SEV3,2026-04-02T10:00:00Z,Software bug,,no',
      'rk-3,Keys three,Search API,SEV3,2026-04-05T10:00:00Z,DNS,,no',
      'rk-4,Keys four,Playback API,SEV1,2026-04-07T10:00:00Z,DNS,,no',
    ]);
    expect(await importHttp(t, w.token, second)).toMatchObject({ status: 200, body: { updated: 4, errorCount: 0 } });
    expect((await t.db.query(keys))[0]).toEqual({ keys: 5, missing: 0, stale: 0 });
    expect(await versions('rk-1')).toEqual(kept);
  });
});

describe('command line (npm run cli) against a running server', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
  });
  afterAll(() => t.close());

  const cli = (...args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>((resolve) => {
      const { execFile } = require('node:child_process') as typeof import('node:child_process');
      execFile(
        process.execPath,
        [join(__dirname, '../../../scripts/cli.mjs'), ...args, '--url', t.url],
        { env: { ...process.env, HINDSIGHT_TOKEN: w.token } },
        (err, out, errOut) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out, err: errOut }),
      );
    });

  it('imports a file (dry run, then for real) and downloads a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-cli-'));
    const file = join(dir, 'in.csv');
    writeFileSync(
      file,
      csv('c-1,From the CLI,Playback API,SEV2,2026-06-05T10:00:00Z,2026-06-05T10:10:00Z', 'c-2,Bad,Playback API,SEV2,2026-06-05T10:00:00,'),
    );
    const dry = await cli('import', file, '--dry-run', '--on-invalid', 'skip_row');
    expect(dry.out).toContain('dry run (nothing stored): 1 created, 0 updated, 0 unchanged, 1 skipped');
    expect(dry.out).toMatch(/row 2 started_at: .*no time zone offset/);
    expect(dry.code).toBe(2);
    const real = await cli('import', file, '--on-invalid', 'SKIP_ROW', '--json');
    expect(JSON.parse(real.out)).toMatchObject({ created: 1, skipped: 1 });
    const pdf = join(dir, 'r.pdf');
    const report = await cli('report', '--quarter', '2026-Q2', '--format', 'pdf', '--out', pdf);
    expect(report.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const denied = await cli('import', file, '--token', 'not-a-token');
    expect(denied.code).toBe(1);
    expect(denied.err).toMatch(/HTTP 401/);
    rmSync(dir, { recursive: true, force: true });
  });
});
