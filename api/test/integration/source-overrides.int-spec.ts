import { buildIncident } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';
import { countStatements } from '../support/count-statements';

const PASSWORD = 'Pass-word-12345';
const FIELDS = `id version title severity startedAt detectedAt resolvedAt detectionSource externalUrl overriddenFields
  services { id } syncedFrom { id kind name deleted } sourceValues { title startedAt severity detectionSource serviceIds }`;
const GET = `query($id:ID!){ incident(id:$id){ ${FIELDS} } }`;
const UPDATE = `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ ${FIELDS} } }`;
const RESET = `mutation($id:ID!,$f:String!,$v:Int){ resetIncidentField(id:$id, field:$f, expectedVersion:$v){ ${FIELDS} } }`;
const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code ?? 'OK';
const fields = (r: { errors?: Array<{ extensions?: { fields?: string[] } }> }) => r.errors?.[0]?.extensions?.fields;

describe('synced incidents: override marks, reset to the source value, filtering by source', () => {
  let t: TestApp;
  let admin: string;
  let responder: string;
  let viewer: string;
  let outsider: string;
  let teamId: string;
  let svc: { api: number; db: number; web: number };
  let pd: number;
  let iio: number;
  /** S1–S3 from the PagerDuty source (metrics), E1–E3 from incident.io (edits), M1–M2 typed in. */
  const inc: Record<string, string> = {};

  /** Inserts an incident as the sync engine stores it: source '<kind>:<id>', external id, the source's values. */
  async function synced(
    sourceId: number,
    kind: string,
    externalId: string,
    v: { title: string; startedAt: string; detectedAt?: string; resolvedAt?: string | null; severity?: string; services: number[] },
  ): Promise<string> {
    const values = {
      title: v.title,
      startedAt: v.startedAt,
      detectedAt: v.detectedAt ?? null,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: v.resolvedAt ?? null,
      severity: v.severity ?? 'SEV2',
      services: v.services,
      detectionSource: 'MONITORING',
    };
    const [row] = await t.db.query(
      `INSERT INTO incident (title, severity, team_id, started_at, detected_at, resolved_at, detection_source, source, external_id,
                             source_id, source_values, external_url)
       VALUES ($1, $2, $3, $4, $5, $6, 'MONITORING', $7, $8, $9, $10::jsonb, $11) RETURNING id`,
      [
        values.title,
        values.severity,
        teamId,
        values.startedAt,
        values.detectedAt,
        values.resolvedAt,
        `${kind.toLowerCase()}:${sourceId}`,
        externalId,
        sourceId,
        JSON.stringify(values),
        `https://example.pagerduty.com/incidents/${externalId}`,
      ],
    );
    await t.db.query(`INSERT INTO incident_service (incident_id, service_id) SELECT $1, unnest($2::int[])`, [row.id, v.services]);
    return String(row.id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    teamId = (await t.ok(`mutation{ createTeam(input:{name:"Platform"}){ id } }`, {}, admin)).createTeam.id;
    const other = (await t.ok(`mutation{ createTeam(input:{name:"Elsewhere"}){ id } }`, {}, admin)).createTeam.id;
    const service = async (name: string) =>
      Number(
        (
          await t.ok(
            `mutation($n:String!,$t:ID!){ createService(input:{name:$n, teamId:$t, slo:99.9}){ id } }`,
            { n: name, t: teamId },
            admin,
          )
        ).createService.id,
      );
    svc = { api: await service('API'), db: await service('Database'), web: await service('Web') };
    const user = async (email: string, role: string, team: string) => {
      await t.ok(
        `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
        { i: { email, password: PASSWORD, role, teamIds: [team] } },
        admin,
      );
      return t.login(email, PASSWORD);
    };
    responder = await user('resp@example.com', 'RESPONDER', teamId);
    viewer = await user('view@example.com', 'VIEWER', teamId);
    outsider = await user('out@example.com', 'RESPONDER', other);
    // sources without secrets need no HINDSIGHT_SECRET_KEY; the engine would create them through createSource
    const source = async (kind: string, name: string) =>
      (
        await t.db.query(
          `INSERT INTO source (kind, name, base_url, team_id, since) VALUES ($1, $2, 'https://x.example.com', $3, now()) RETURNING id`,
          [kind, name, teamId],
        )
      )[0].id as number;
    pd = await source('PAGERDUTY', 'PagerDuty');
    iio = await source('INCIDENT_IO', 'incident.io');

    // metrics fixture (hand-computed): S1 TTR 30 min, S2 TTR 90 min, S3 ongoing; M1 TTR 10 min, M2 TTR 600 min
    inc.S1 = await synced(pd, 'PAGERDUTY', 'P1', {
      title: 'Checkout errors',
      startedAt: '2026-03-01T10:00:00.000Z',
      resolvedAt: '2026-03-01T10:30:00.000Z',
      services: [svc.api],
    });
    inc.S2 = await synced(pd, 'PAGERDUTY', 'P2', {
      title: 'Slow search',
      startedAt: '2026-03-02T10:00:00.000Z',
      resolvedAt: '2026-03-02T11:30:00.000Z',
      services: [svc.db],
    });
    inc.S3 = await synced(pd, 'PAGERDUTY', 'P3', { title: 'Login failing', startedAt: '2026-03-03T10:00:00.000Z', services: [svc.web] });
    const manual = async (startedAt: string, resolvedAt: string) =>
      (
        await t.ok(
          `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
          {
            i: buildIncident({
              serviceIds: [String(svc.api)],
              teamId,
              startedAt,
              detectedAt: null,
              acknowledgedAt: null,
              mitigatedAt: null,
              resolvedAt,
            }),
          },
          admin,
        )
      ).createIncident.id as string;
    inc.M1 = await manual('2026-03-04T10:00:00.000Z', '2026-03-04T10:10:00.000Z');
    inc.M2 = await manual('2026-03-05T10:00:00.000Z', '2026-03-05T20:00:00.000Z');
    for (const name of ['E1', 'E2', 'E3']) {
      inc[name] = await synced(iio, 'INCIDENT_IO', name, {
        title: `Queue backlog ${name}`,
        startedAt: '2026-02-01T10:00:00.000Z',
        detectedAt: '2026-02-01T10:05:00.000Z',
        resolvedAt: '2026-02-01T12:00:00.000Z',
        severity: 'SEV3',
        services: [svc.api, svc.db],
      });
    }
  });
  afterAll(() => t.close());

  it('shows a synced incident’s source and link; typed incidents have none', async () => {
    const e = (await t.ok(GET, { id: inc.E1 }, viewer)).incident;
    expect(e).toMatchObject({
      overriddenFields: [],
      externalUrl: 'https://example.pagerduty.com/incidents/E1',
      syncedFrom: { id: String(iio), kind: 'INCIDENT_IO', name: 'incident.io', deleted: false },
    });
    const m = (await t.ok(GET, { id: inc.M1 }, viewer)).incident;
    expect(m).toMatchObject({ overriddenFields: [], externalUrl: null, syncedFrom: null, sourceValues: null });
  });

  it('an edit of startedAt marks startedAt overridden; an edit to the same title marks nothing', async () => {
    const before = (await t.ok(GET, { id: inc.E1 }, responder)).incident;
    const same = (await t.ok(UPDATE, { id: inc.E1, i: { expectedVersion: before.version, title: 'Queue backlog E1' } }, responder))
      .updateIncident;
    expect(same.overriddenFields).toEqual([]);
    const moved = (
      await t.ok(UPDATE, { id: inc.E1, i: { expectedVersion: same.version, startedAt: '2026-02-01T09:40:00.000Z' } }, responder)
    ).updateIncident;
    expect(moved).toMatchObject({ startedAt: '2026-02-01T09:40:00.000Z', overriddenFields: ['startedAt'] });
    // the source's own value stays visible next to the edit
    expect(moved.sourceValues).toEqual({
      title: 'Queue backlog E1',
      startedAt: '2026-02-01T10:00:00.000Z',
      severity: 'SEV3',
      detectionSource: 'MONITORING',
      serviceIds: [String(svc.api), String(svc.db)],
    });
    // further edits add to the marks, in the fixed order; unchanged services and severity stay unmarked
    const more = (
      await t.ok(
        UPDATE,
        {
          id: inc.E1,
          i: {
            expectedVersion: moved.version,
            severity: 'SEV1',
            serviceIds: [String(svc.db), String(svc.api)],
            summary: 'not a source field',
            title: 'Queue backlog (payments)',
          },
        },
        responder,
      )
    ).updateIncident;
    expect(more.overriddenFields).toEqual(['title', 'startedAt', 'severity']);
    const services = (await t.ok(UPDATE, { id: inc.E1, i: { expectedVersion: more.version, serviceIds: [String(svc.web)] } }, responder))
      .updateIncident;
    expect(services.overriddenFields).toEqual(['title', 'startedAt', 'severity', 'services']);
    const [row] = await t.db.query(`SELECT overridden_fields FROM incident WHERE id = $1`, [inc.E1]);
    expect(row.overridden_fields).toEqual(['title', 'startedAt', 'severity', 'services']);
    // an incident that was typed in never gets marks
    const m = (await t.ok(GET, { id: inc.M2 }, admin)).incident;
    const edited = (await t.ok(UPDATE, { id: inc.M2, i: { expectedVersion: m.version, summary: 'x' } }, admin)).updateIncident;
    expect(edited.overriddenFields).toEqual([]);
  });

  it('resetIncidentField writes the source’s value back, clears the mark and bumps the version', async () => {
    const start = (await t.ok(GET, { id: inc.E2 }, responder)).incident;
    const edited = (
      await t.ok(
        UPDATE,
        { id: inc.E2, i: { expectedVersion: start.version, startedAt: '2026-02-01T09:00:00.000Z', serviceIds: [String(svc.web)] } },
        responder,
      )
    ).updateIncident;
    expect(edited.overriddenFields).toEqual(['startedAt', 'services']);
    const reset = (await t.ok(RESET, { id: inc.E2, f: 'startedAt', v: edited.version }, responder)).resetIncidentField;
    expect(reset).toMatchObject({ startedAt: '2026-02-01T10:00:00.000Z', overriddenFields: ['services'], version: edited.version + 1 });
    const services = (await t.ok(RESET, { id: inc.E2, f: 'services' }, responder)).resetIncidentField;
    expect(services.services.map((s: { id: string }) => Number(s.id)).sort()).toEqual([svc.api, svc.db].sort());
    expect(services).toMatchObject({ overriddenFields: [], version: edited.version + 2 });
    const [row] = await t.db.query(`SELECT started_at, overridden_fields FROM incident WHERE id = $1`, [inc.E2]);
    expect(row).toEqual({ started_at: new Date('2026-02-01T10:00:00.000Z'), overridden_fields: [] });
    const audit = await t.ok(`{ auditLog(first:1){ edges{ node{ action entityId changes } } } }`, {}, admin);
    expect(audit.auditLog.edges[0].node).toMatchObject({
      action: 'incident.reset',
      entityId: inc.E2,
      changes: { field: 'services', overriddenFields: { before: ['services'], after: [] } },
    });
    // a stale version is a CONFLICT and writes nothing
    const stale = await t.gql(RESET, { id: inc.E2, f: 'title', v: edited.version }, responder);
    expect([code(stale), fields(stale)]).toEqual(['CONFLICT', ['expectedVersion']]);
  });

  it('refuses a reset naming field when it is not a source field or the incident has no source; writes need the team', async () => {
    const notAField = await t.gql(RESET, { id: inc.E3, f: 'summary' }, responder);
    expect([code(notAField), fields(notAField)]).toEqual(['BAD_USER_INPUT', ['field']]);
    const typed = await t.gql(RESET, { id: inc.M1, f: 'title' }, responder);
    expect([code(typed), fields(typed)]).toEqual(['BAD_USER_INPUT', ['field']]);
    expect(code(await t.gql(RESET, { id: inc.E3, f: 'title' }, viewer))).toBe('FORBIDDEN');
    expect(code(await t.gql(RESET, { id: inc.E3, f: 'title' }, outsider))).toBe('FORBIDDEN');
    expect((await t.ok(GET, { id: inc.E3 }, admin)).incident.version).toBe(1);
  });

  it('filters incidents and metrics by source, answering from the incidents (not the rollups)', async () => {
    const list = async (ids: number[]) =>
      (
        await t.ok(
          `query($f:IncidentFilter){ incidents(filter:$f, first:50){ totalCount edges{ node{ id } } } }`,
          { f: { sourceIds: ids.map(String) } },
          viewer,
        )
      ).incidents;
    const byPd = await list([pd]);
    expect(byPd.totalCount).toBe(3);
    expect(byPd.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([inc.S1, inc.S2, inc.S3].sort());
    expect((await list([pd, iio])).totalCount).toBe(6);
    // the CSV export takes the same filter: a header line and the source's three incidents
    const csv = await fetch(`${t.url}/api/export/incidents.csv?sourceIds=${pd}`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\n')).toHaveLength(1 + 3);
    const bad = await fetch(`${t.url}/api/export/incidents.csv?sourceIds=x`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(bad.status).toBe(400);

    const METRICS = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ incidentCount ongoingCount
      timeToResolve { count meanMinutes medianMinutes } downtimeMinutes } }`;
    const march = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    const all = (await t.ok(METRICS, { f: march }, viewer)).reliabilityMetrics;
    // S1 30, S2 90, M1 10, M2 600 minutes; S3 ongoing
    expect(all).toEqual({
      incidentCount: 5,
      ongoingCount: 1,
      timeToResolve: { count: 4, meanMinutes: 182.5, medianMinutes: 60 },
      downtimeMinutes: 730,
    });
    const bySource = (await t.ok(METRICS, { f: { ...march, sourceIds: [String(pd)] } }, viewer)).reliabilityMetrics;
    expect(bySource).toEqual({
      incidentCount: 3,
      ongoingCount: 1,
      timeToResolve: { count: 2, meanMinutes: 60, medianMinutes: 60 },
      downtimeMinutes: 120,
    });
    const none = (await t.ok(METRICS, { f: { ...march, sourceIds: [String(iio)] } }, viewer)).reliabilityMetrics;
    expect(none).toMatchObject({ incidentCount: 0, timeToResolve: { count: 0, meanMinutes: null } });
  });

  it('loads the sources of a page of incidents in one batch (no N+1)', async () => {
    const PAGE = `query($n:Int){ incidents(first:$n){ edges{ node{ id syncedFrom { name } } } } }`;
    await t.settle(); // the metric reads above started a rollup rebuild in the background: not this page's statements
    const one = await countStatements(() => t.ok(PAGE, { n: 1 }, admin));
    let page: any;
    const many = await countStatements(async () => (page = await t.ok(PAGE, { n: 8 }, admin)));
    expect(page.incidents.edges).toHaveLength(8);
    expect(page.incidents.edges.filter((e: any) => e.node.syncedFrom).length).toBe(6);
    expect(many).toBe(one + 1); // the first page's incident is typed in: its page needs no source lookup
  });
});
