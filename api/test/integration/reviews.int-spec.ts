import { buildIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';
import { Client } from 'pg';
import { countStatements } from '../support/count-statements';

const PASSWORD = 'Review-Password-2026';
const CREATE = `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id version } }`;
const PM_FIELDS = `incidentId state body dueAt dueAtSet publishedAt version required overdue updatedAt updatedBy reviewers{ id name }`;
const GET = `query($id:ID!){ incident(id:$id){ id postmortemState postMortem{ ${PM_FIELDS} } } }`;
const UPDATE = `mutation($id:ID!,$i:UpdatePostMortemInput!){ updatePostMortem(incidentId:$id, input:$i){ ${PM_FIELDS} } }`;
const SETTINGS = `{ loopSettings{ reviewSeverities reviewDueDays repeatWindowDays version } }`;
const UPDATE_SETTINGS = `mutation($i:UpdateLoopSettingsInput!){ updateLoopSettings(input:$i){ reviewSeverities reviewDueDays repeatWindowDays version } }`;
const REVIEWS = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ reviews{ required published publishedOnTime overdue medianDaysToPublish smallSample overdueIncidents{ id title } } } }`;
const HEADINGS = [
  'Summary',
  'Impact',
  'Timeline',
  'Root causes and trigger',
  'Detection',
  'What went well',
  'What went wrong',
  'Where we got lucky',
  'Follow-ups',
];

type Gql = { errors?: Array<{ extensions?: { code?: string; fields?: string[] } }> };
const code = (r: Gql) => r.errors?.[0]?.extensions?.code ?? 'OK';
const fields = (r: Gql) => r.errors?.[0]?.extensions?.fields ?? [];
const DAY = 86_400_000;

/** How many statements matching `pattern` `work` sends, on every pg client. */
async function statementsMatching(pattern: RegExp, work: () => Promise<unknown>): Promise<number> {
  const proto = Client.prototype as any;
  const original = proto.query;
  let n = 0;
  proto.query = function (config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '');
    if (pattern.test(text)) n += 1;
    return original.call(this, config, ...rest);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return n;
}
/** Statements that read the loop_setting row on their own (`FROM loop_setting`). */
const settingsReads = (work: () => Promise<unknown>) => statementsMatching(/\bFROM\s+loop_setting\b/i, work);
/** Statements that compute review completion (ReviewsRepository.completion). */
const completionReads = (work: () => Promise<unknown>) => statementsMatching(/AS next_due_at\b/, work);
const plusDays = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * DAY).toISOString();

describe('reviews (post-mortems), loop settings and review completion (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  let admin: string;
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  let teamB: string;
  let teamM: string;
  let svcM: string;

  /** A resolved incident (impact two hours before resolvedAt, no other phases) of team M unless told. */
  const incident = async (title: string, severity: string, resolvedAt: string | null, extra: Record<string, unknown> = {}) => {
    const started = resolvedAt ? new Date(new Date(resolvedAt).getTime() - 2 * 3600_000).toISOString() : '2026-04-30T10:00:00.000Z';
    const input = buildIncident({
      title,
      severity,
      teamId: teamM,
      serviceIds: [svcM],
      startedAt: started,
      detectedAt: null,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt,
      ...extra,
    });
    return (await t.ok(CREATE, { i: input }, admin)).createIncident.id as string;
  };
  const review = (id: string, input: Record<string, unknown>, token = admin) => t.gql(UPDATE, { id, i: input }, token);
  const saved = async (id: string, input: Record<string, unknown>, token = admin) => {
    const r = await review(id, input, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.updatePostMortem;
  };
  /** Publishes through the API, then pins publishedAt to a known instant so the numbers can be computed by hand. */
  const publishAt = async (id: string, at: string, extra: Record<string, unknown> = {}) => {
    await saved(id, { expectedVersion: 0, body: `Review of ${id}`, state: 'PUBLISHED', ...extra });
    await t.db.query(`UPDATE post_mortem SET published_at = $2 WHERE incident_id = $1`, [Number(id), at]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
    admin = w.token;
    teamB = (await t.ok(`mutation{ createTeam(input:{name:"Search"}){ id } }`, {}, admin)).createTeam.id;
    teamM = (await t.ok(`mutation{ createTeam(input:{name:"Metrics team"}){ id } }`, {}, admin)).createTeam.id;
    svcM = (await t.ok(`mutation($t:ID!){ createService(input:{name:"Ledger", teamId:$t, slo:99.9}){ id } }`, { t: teamM }, admin))
      .createService.id;
    const users: Array<[string, string, string]> = [
      ['ra', 'RESPONDER', w.teamId],
      ['rb', 'RESPONDER', teamB],
      ['va', 'VIEWER', w.teamId],
      ['vb', 'VIEWER', teamB],
    ];
    for (const [name, role, team] of users) {
      uid[name] = (
        await t.ok(
          `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
          { i: { email: `${name}@example.com`, password: PASSWORD, role, teamIds: [team] } },
          admin,
        )
      ).createUser.id;
      tok[name] = await t.login(`${name}@example.com`, PASSWORD);
    }
  });
  afterAll(() => t.close());

  it('shows the template on a new incident: state NONE, version 0, due resolvedAt + 5 days, required for SEV2', async () => {
    const inc = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId] }) }, tok.ra)).createIncident;
    const pm = (await t.ok(GET, { id: inc.id }, tok.va)).incident.postMortem;
    for (const h of HEADINGS) expect(pm.body).toContain(`## ${h}\n`);
    expect(pm.body.split('\n## ')).toHaveLength(HEADINGS.length);
    expect(pm).toMatchObject({
      incidentId: inc.id,
      state: 'NONE',
      version: 0,
      dueAt: '2026-03-13T11:30:00.000Z',
      dueAtSet: false,
      publishedAt: null,
      required: true,
      // due 2026-03-13, long past, and nothing published
      overdue: true,
      updatedAt: null,
      updatedBy: null,
      reviewers: [],
    });
    const sev3 = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], severity: 'SEV3' }) }, tok.ra))
      .createIncident;
    expect((await t.ok(GET, { id: sev3.id }, tok.ra)).incident.postMortem).toMatchObject({ required: false, overdue: false });
    const ongoing = (
      await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], mitigatedAt: null, resolvedAt: null }) }, tok.ra)
    ).createIncident;
    expect((await t.ok(GET, { id: ongoing.id }, tok.ra)).incident.postMortem).toMatchObject({
      dueAt: null,
      required: true,
      overdue: false,
    });
  });

  it('creates, edits, publishes and unpublishes a review; a stale version is a CONFLICT like incident edits; each edit is audited', async () => {
    const id = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId] }) }, tok.ra)).createIncident.id;
    const created = await saved(id, { expectedVersion: 0, reviewerIds: [uid.va, uid.ra] }, tok.ra);
    expect(created).toMatchObject({ state: 'DRAFT', version: 1, publishedAt: null, updatedBy: 'ra@example.com' });
    expect(created.body).toContain('## Where we got lucky');
    expect(created.reviewers.map((u: { id: string }) => u.id)).toEqual([uid.ra, uid.va].sort((a, b) => Number(a) - Number(b)));

    const edited = await saved(
      id,
      { expectedVersion: 1, body: '# Cache stampede\nAll good.', state: 'IN_REVIEW', dueAt: '2026-03-20T00:00:00Z' },
      tok.ra,
    );
    expect(edited).toMatchObject({
      state: 'IN_REVIEW',
      version: 2,
      body: '# Cache stampede\nAll good.',
      dueAt: '2026-03-20T00:00:00.000Z',
      dueAtSet: true,
    });
    expect(edited.reviewers).toHaveLength(2);

    const stale = await review(id, { expectedVersion: 1, body: 'lost update' }, tok.ra);
    expect(code(stale)).toBe('CONFLICT');
    expect(fields(stale)).toEqual(['expectedVersion']);
    expect((stale.errors as Array<{ message: string }>)[0].message).toMatch(/changed by someone else.*version 1, it is now 2/);

    const before = Date.now();
    const published = await saved(id, { expectedVersion: 2, state: 'PUBLISHED' }, tok.ra);
    expect(published).toMatchObject({ state: 'PUBLISHED', version: 3, overdue: false });
    expect(new Date(published.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // the incident's postmortemState is the same state
    expect((await t.ok(GET, { id }, tok.va)).incident.postmortemState).toBe('PUBLISHED');
    // an edit of a published review keeps its publishedAt
    const republished = await saved(id, { expectedVersion: 3, body: '# Cache stampede\nAll good, really.' }, tok.ra);
    expect(republished).toMatchObject({ state: 'PUBLISHED', version: 4, publishedAt: published.publishedAt });

    const back = await saved(id, { expectedVersion: 4, state: 'DRAFT', dueAt: null, reviewerIds: [] }, tok.ra);
    expect(back).toMatchObject({
      state: 'DRAFT',
      version: 5,
      publishedAt: null,
      dueAt: '2026-03-13T11:30:00.000Z',
      dueAtSet: false,
      reviewers: [],
    });
    expect((await t.ok(GET, { id }, tok.va)).incident.postmortemState).toBe('DRAFT');

    const audit: Array<{ action: string; changes: Record<string, any> }> = await t.db.query(
      `SELECT action, changes FROM audit_entry WHERE entity_type = 'Incident' AND entity_id = $1 AND action LIKE 'incident.postMortem.%' ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['incident.postMortem.create', ...Array(4).fill('incident.postMortem.update')]);
    expect(audit[1].changes).toMatchObject({
      version: 2,
      state: { before: 'DRAFT', after: 'IN_REVIEW' },
      dueAt: { before: null, after: '2026-03-20T00:00:00.000Z' },
    });
    expect(audit[4].changes.publishedAt.after).toBeNull();
  });

  it('follows a state change made on the incident (updateIncident): the review version moves on', async () => {
    const inc = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId] }) }, tok.ra)).createIncident;
    await saved(inc.id, { expectedVersion: 0, body: 'Written', state: 'IN_REVIEW' }, tok.ra);
    await t.ok(
      `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id } }`,
      { id: inc.id, i: { expectedVersion: inc.version, postmortemState: 'PUBLISHED' } },
      tok.ra,
    );
    const pm = (await t.ok(GET, { id: inc.id }, tok.ra)).incident.postMortem;
    expect(pm).toMatchObject({ state: 'PUBLISHED', version: 2, body: 'Written' });
    expect(pm.publishedAt).not.toBeNull();
    expect(code(await review(inc.id, { expectedVersion: 1, body: 'stale' }, tok.ra))).toBe('CONFLICT');
  });

  it('shows the state an incident was created or imported with until a review is written, and keeps it on the first save', async () => {
    const id = (
      await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], postmortemState: 'IN_REVIEW' }) }, tok.ra)
    ).createIncident.id;
    expect((await t.ok(GET, { id }, tok.ra)).incident.postMortem).toMatchObject({ state: 'IN_REVIEW', version: 0, publishedAt: null });
    expect(await saved(id, { expectedVersion: 0, body: 'Imported review' }, tok.ra)).toMatchObject({ state: 'IN_REVIEW', version: 1 });
  });

  it('lets only those who may edit the incident write its review; a private incident of another team is NOT_FOUND', async () => {
    const pub = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId] }) }, tok.ra)).createIncident.id;
    const priv = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], private: true }) }, tok.ra))
      .createIncident.id;
    expect(code(await review(pub, { expectedVersion: 0, body: 'x' }, tok.va))).toBe('FORBIDDEN');
    expect(code(await review(pub, { expectedVersion: 0, body: 'x' }, tok.rb))).toBe('FORBIDDEN');
    const hidden = await review(priv, { expectedVersion: 0, body: 'x' }, tok.rb);
    expect(code(hidden)).toBe('NOT_FOUND');
    expect(code(await t.gql(GET, { id: priv }, tok.rb))).toBe('NOT_FOUND');
    expect((await saved(priv, { expectedVersion: 0, body: 'ok' }, tok.ra)).version).toBe(1);
    expect((await saved(pub, { expectedVersion: 0, body: 'ok' }, admin)).version).toBe(1);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const id = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId] }) }, tok.ra)).createIncident.id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ expectedVersion: 0, state: 'NONE' }, 'state'],
      [{ expectedVersion: 0, state: 'PUBLISHED', body: '  \n ' }, 'body'],
      [{ expectedVersion: 0, reviewerIds: [uid.va, '999999'] }, 'reviewerIds'],
      [{ expectedVersion: 0, body: 'x'.repeat(200_001) }, 'body'],
      [{ expectedVersion: -1 }, 'expectedVersion'],
    ];
    for (const [input, field] of cases) {
      const r = await review(id, input, tok.ra);
      expect([code(r), fields(r)]).toEqual(['BAD_USER_INPUT', expect.arrayContaining([field])]);
    }
    expect((await t.ok(GET, { id }, tok.ra)).incident.postMortem.version).toBe(0);
    // 200,000 characters is the limit, not over it
    expect((await saved(id, { expectedVersion: 0, body: 'y'.repeat(200_000) }, tok.ra)).body).toHaveLength(200_000);
    expect(fields(await review(id, { expectedVersion: 1, state: 'NONE' }, tok.ra))).toEqual(['state']);
  });

  it('loop settings: everyone reads them, only admins change them, with versions, validation and an audit entry', async () => {
    const s = (await t.ok(SETTINGS, {}, tok.vb)).loopSettings;
    expect(s).toEqual({ reviewSeverities: ['SEV1', 'SEV2'], reviewDueDays: 5, repeatWindowDays: 90, version: 1 });
    expect(code(await t.gql(UPDATE_SETTINGS, { i: { expectedVersion: 1, reviewDueDays: 7 } }, tok.ra))).toBe('FORBIDDEN');
    for (const [input, field] of [
      [{ expectedVersion: 1, reviewDueDays: 366 }, 'reviewDueDays'],
      [{ expectedVersion: 1, repeatWindowDays: 0 }, 'repeatWindowDays'],
      [{ expectedVersion: 1, reviewSeverities: ['SEV1', 'SEV1'] }, 'reviewSeverities'],
    ] as const) {
      const r = await t.gql(UPDATE_SETTINGS, { i: input }, admin);
      expect([code(r), fields(r)]).toEqual(['BAD_USER_INPUT', [field]]);
    }
    const changed = (await t.ok(UPDATE_SETTINGS, { i: { expectedVersion: 1, repeatWindowDays: 60 } }, admin)).updateLoopSettings;
    expect(changed).toEqual({ reviewSeverities: ['SEV1', 'SEV2'], reviewDueDays: 5, repeatWindowDays: 60, version: 2 });
    const stale = await t.gql(UPDATE_SETTINGS, { i: { expectedVersion: 1, repeatWindowDays: 30 } }, admin);
    expect([code(stale), fields(stale)]).toEqual(['CONFLICT', ['expectedVersion']]);
    await t.ok(UPDATE_SETTINGS, { i: { expectedVersion: 2, repeatWindowDays: 90 } }, admin);
    const [entry] = await t.db.query(`SELECT changes FROM audit_entry WHERE action = 'loopSettings.update' ORDER BY id LIMIT 1`);
    expect(entry.changes).toEqual({ repeatWindowDays: { before: 90, after: 60 } });
  });

  it('searches the words of published reviews, not of drafts', async () => {
    const a = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], title: 'Cache trouble' }) }, tok.ra))
      .createIncident.id;
    const b = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], title: 'Queue trouble' }) }, tok.ra))
      .createIncident.id;
    await saved(a, { expectedVersion: 0, body: '## Root causes\nA thundering zebrafish herd of retries.', state: 'PUBLISHED' }, tok.ra);
    await saved(b, { expectedVersion: 0, body: '## Root causes\nA quokka in the draft.' }, tok.ra);
    const search = async (s: string) =>
      (await t.ok(`query($s:String){ incidents(filter:{search:$s}){ edges{ node{ id } } } }`, { s }, tok.va)).incidents.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await search('zebrafish')).toEqual([a]);
    expect(await search('quokka')).toEqual([]);
    await saved(a, { expectedVersion: 1, state: 'DRAFT' }, tok.ra);
    expect(await search('zebrafish')).toEqual([]);
  });

  it('exports the review with the incident in the JSON export, and leaves the CSV columns as they were', async () => {
    const id = (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], title: 'Exported one' }) }, tok.ra))
      .createIncident.id;
    const pm = await saved(id, { expectedVersion: 0, body: 'What we learnt', state: 'PUBLISHED', reviewerIds: [uid.ra] }, tok.ra);
    const get = async (path: string, token: string) => {
      const res = await fetch(`${t.url}/api/export/${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };
    const json = await get('incidents.json?search=Exported', tok.ra);
    expect(json.status).toBe(200);
    expect(json.type).toMatch(/^application\/json/);
    const items = JSON.parse(json.text);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      externalId: `INC-${id}`,
      title: 'Exported one',
      severity: 'SEV2',
      postMortem: {
        state: 'PUBLISHED',
        body: 'What we learnt',
        dueAt: '2026-03-13T11:30:00.000000Z',
        publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        reviewers: [{ email: 'ra@example.com', name: null }],
      },
    });
    expect(new Date(items[0].postMortem.publishedAt).getTime()).toBe(new Date(pm.publishedAt).getTime());
    // a viewer sees reviewers by name only, as everywhere else
    const asViewer = JSON.parse((await get('incidents.json?search=Exported', tok.va)).text);
    expect(asViewer[0].postMortem.reviewers).toEqual([{ email: null, name: null }]);
    const csv = await get('incidents.csv?search=Exported', tok.ra);
    expect(csv.text.split('\n')[0]).not.toMatch(/post_?mortem/i);
    // an incident without a review: its state, no body
    const none = await createOther('Exported two');
    const two = JSON.parse((await get('incidents.json?search=Exported%20two', tok.ra)).text);
    expect(two.find((x: { externalId: string }) => x.externalId === `INC-${none}`).postMortem).toMatchObject({
      state: 'NONE',
      body: null,
      reviewers: [],
    });
  });
  const createOther = async (title: string) =>
    (await t.ok(CREATE, { i: buildIncident({ teamId: w.teamId, serviceIds: [w.serviceId], title }) }, tok.ra)).createIncident.id as string;

  describe('review completion (reliabilityMetrics.reviews)', () => {
    const ids: Record<string, string> = {};
    const filter = () => ({ teamIds: [teamM], from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' });
    const reviews = async (token = admin) => (await t.ok(REVIEWS, { f: filter() }, token)).reliabilityMetrics.reviews;

    beforeAll(async () => {
      // A: SEV1 resolved 02-01, published 02-03 (2 days; due 02-06: on time)
      ids.A = await incident('A', 'SEV1', '2026-02-01T00:00:00.000Z');
      await publishAt(ids.A, '2026-02-03T00:00:00.000Z');
      // B: SEV2 resolved 02-10, published 02-20 (10 days; due 02-15: late)
      ids.B = await incident('B', 'SEV2', '2026-02-10T00:00:00.000Z');
      await publishAt(ids.B, '2026-02-20T00:00:00.000Z');
      // C: SEV2 resolved 03-01, own due 03-20, published 03-15 (14 days; on time by its own due date)
      ids.C = await incident('C', 'SEV2', '2026-03-01T00:00:00.000Z');
      await publishAt(ids.C, '2026-03-15T00:00:00.000Z', { dueAt: '2026-03-20T00:00:00Z' });
      // D: SEV1 resolved 04-01, draft: due 04-06, overdue
      ids.D = await incident('D', 'SEV1', '2026-04-01T00:00:00.000Z');
      await saved(ids.D, { expectedVersion: 0, body: 'draft' });
      // E: SEV2 resolved 04-10, nothing written: due 04-15, overdue
      ids.E = await incident('E', 'SEV2', '2026-04-10T00:00:00.000Z');
      // F: SEV2 resolved 05-01, in review, own due far ahead: neither published nor overdue
      ids.F = await incident('F', 'SEV2', '2026-05-01T00:00:00.000Z');
      await saved(ids.F, { expectedVersion: 0, body: 'in review', state: 'IN_REVIEW', dueAt: '2099-01-01T00:00:00Z' });
      // J: SEV1 private, resolved 04-20: due 04-25, overdue (seen by team M and admins only)
      ids.J = await incident('J', 'SEV1', '2026-04-20T00:00:00.000Z', { private: true });
      // not required: a SEV3, a near miss, an ongoing SEV1, an excluded SEV2
      ids.G = await incident('G', 'SEV3', '2026-02-05T00:00:00.000Z');
      ids.H = await incident('H', 'SEV1', '2026-02-06T00:00:00.000Z', { kind: 'NEAR_MISS' });
      ids.I = await incident('I', 'SEV1', null);
      ids.K = await incident('K', 'SEV2', '2026-02-07T00:00:00.000Z', { excludeFromMetrics: true });
      // outside the period: resolved and overdue, but started 2026-07-02
      ids.L = await incident('L', 'SEV1', '2026-07-02T12:00:00.000Z');
    });

    it('counts required, published, on time, overdue and the median days to publish, by hand', async () => {
      expect(await reviews()).toEqual({
        required: 7, // A B C D E F J
        published: 3, // A B C
        publishedOnTime: 2, // A (02-03 ≤ 02-06), C (03-15 ≤ own 03-20); B is late (02-20 > 02-15)
        overdue: 3, // D (due 04-06), E (04-15), J (04-25)
        medianDaysToPublish: 10, // median of 2, 10, 14
        smallSample: false,
        overdueIncidents: [
          { id: ids.D, title: 'D' },
          { id: ids.E, title: 'E' },
          { id: ids.J, title: 'J' },
        ],
      });
    });

    it("leaves a private incident out of a viewer of another team's numbers and overdue list", async () => {
      expect(await reviews(tok.vb)).toEqual({
        required: 6,
        published: 3,
        publishedOnTime: 2,
        overdue: 2,
        medianDaysToPublish: 10,
        smallSample: false,
        overdueIncidents: [
          { id: ids.D, title: 'D' },
          { id: ids.E, title: 'E' },
        ],
      });
    });

    it('follows the settings: required severities and due days change the numbers', async () => {
      const v = (await t.ok(SETTINGS, {}, admin)).loopSettings.version;
      await t.ok(UPDATE_SETTINGS, { i: { expectedVersion: v, reviewSeverities: ['SEV1'], reviewDueDays: 30 } }, admin);
      try {
        expect(await reviews()).toEqual({
          required: 3, // A D J
          published: 1, // A
          publishedOnTime: 1, // A: 02-03 ≤ 03-03
          overdue: 2, // D (due 05-01), J (due 05-20)
          medianDaysToPublish: 2,
          smallSample: true,
          overdueIncidents: [
            { id: ids.D, title: 'D' },
            { id: ids.J, title: 'J' },
          ],
        });
        const pmB = (await t.ok(GET, { id: ids.B }, admin)).incident.postMortem;
        expect(pmB).toMatchObject({ required: false, dueAt: plusDays('2026-02-10T00:00:00.000Z', 30) });
      } finally {
        await t.ok(UPDATE_SETTINGS, { i: { expectedVersion: v + 1, reviewSeverities: ['SEV1', 'SEV2'], reviewDueDays: 5 } }, admin);
      }
      expect((await reviews()).required).toBe(7);
    });

    it('reads the loop settings once per request, for the numbers, the overdue list and loopSettings alike', async () => {
      const TWO = `query($f:MetricsFilter,$g:MetricsFilter){
        a: reliabilityMetrics(filter:$f){ reviews{ required overdue overdueIncidents{ id } } }
        b: reliabilityMetrics(filter:$g){ reviews{ required overdue overdueIncidents{ id } } }
        loopSettings{ reviewDueDays } }`;
      let one: any;
      expect(await settingsReads(async () => (one = await t.ok(REVIEWS, { f: filter() }, admin)))).toBe(1);
      expect(one.reliabilityMetrics.reviews).toMatchObject({ required: 7, overdue: 3 });
      expect(one.reliabilityMetrics.reviews.overdueIncidents.map((i: { id: string }) => i.id)).toEqual([ids.D, ids.E, ids.J]);
      let two: any;
      const g = { ...filter(), severities: ['SEV1'] };
      expect(await settingsReads(async () => (two = await t.ok(TWO, { f: filter(), g }, admin)))).toBe(1);
      expect(two.a.reviews).toMatchObject({ required: 7, overdue: 3 });
      // SEV1 only: A D J required (H is a near miss, I is ongoing); D and J overdue
      expect(two.b.reviews).toEqual({ required: 3, overdue: 2, overdueIncidents: [{ id: ids.D }, { id: ids.J }] });
      expect(two.loopSettings).toEqual({ reviewDueDays: 5 });
      // a new request reads them again (nothing is kept across requests)
      expect(await settingsReads(() => t.ok(REVIEWS, { f: filter() }, admin))).toBe(1);
    });

    it('is cached while nothing changes, and counts a review overdue once it falls due, with no write in between', async () => {
      // team B's own SEV1, resolved an hour ago, its review due in a few seconds (the only required one of team B)
      const now = Date.now();
      const id = await incident('Falls due', 'SEV1', new Date(now - 3600_000).toISOString(), { teamId: teamB });
      const dueAt = new Date(now + 3000);
      await saved(id, { expectedVersion: 0, body: 'draft', dueAt: dueAt.toISOString() });
      const f = { teamIds: [teamB], from: new Date(now - DAY).toISOString() };
      const ask = async () => (await t.ok(REVIEWS, { f }, admin)).reliabilityMetrics.reviews;
      let r: any;
      expect(await completionReads(async () => (r = await ask()))).toBe(1);
      expect(r).toMatchObject({ required: 1, published: 0, overdue: 0, overdueIncidents: [] });
      // asked again before the due date: the cached answer, no statement
      expect(await completionReads(async () => (r = await ask()))).toBe(0);
      expect(r).toMatchObject({ required: 1, overdue: 0, overdueIncidents: [] });
      await new Promise((done) => setTimeout(done, Math.max(0, dueAt.getTime() - Date.now()) + 100));
      // nothing was written, but the clock passed the due date: computed again, now overdue
      expect(await completionReads(async () => (r = await ask()))).toBe(1);
      expect(r).toMatchObject({ required: 1, published: 0, overdue: 1, overdueIncidents: [{ id, title: 'Falls due' }] });
    });

    it('gives null median days and a small sample when nothing is required', async () => {
      expect(await t.ok(REVIEWS, { f: { ...filter(), severities: ['SEV3'] } }, admin)).toEqual({
        reliabilityMetrics: {
          reviews: {
            required: 0,
            published: 0,
            publishedOnTime: 0,
            overdue: 0,
            medianDaysToPublish: null,
            smallSample: true,
            overdueIncidents: [],
          },
        },
      });
    });

    it('narrows to the filter’s root cause and services like every metric (the scope is read from its index, fenced)', async () => {
      const [{ id: dns }] = await t.db.query(`SELECT id FROM root_cause WHERE name = 'DNS'`);
      // B (published late) and E (overdue) get DNS as their primary cause
      await t.db.query(
        `INSERT INTO incident_cause (incident_id, cause_id, is_primary, state) SELECT unnest($1::int[]), $2, true, 'CONFIRMED'`,
        [[Number(ids.B), Number(ids.E)], dns],
      );
      const byCause = (await t.ok(REVIEWS, { f: { ...filter(), rootCauseIds: [String(dns)] } }, admin)).reliabilityMetrics.reviews;
      expect(byCause).toEqual({
        required: 2,
        published: 1,
        publishedOnTime: 0,
        overdue: 1,
        medianDaysToPublish: 10,
        smallSample: true,
        overdueIncidents: [{ id: ids.E, title: 'E' }],
      });
      const onService = (await t.ok(REVIEWS, { f: { ...filter(), serviceIds: [svcM] } }, admin)).reliabilityMetrics.reviews;
      expect([onService.required, onService.overdueIncidents.map((x: { title: string }) => x.title)]).toEqual([7, ['D', 'E', 'J']]);
      const elsewhere = (await t.ok(REVIEWS, { f: { ...filter(), serviceIds: [w.serviceId] } }, admin)).reliabilityMetrics.reviews;
      expect([elsewhere.required, elsewhere.overdueIncidents]).toEqual([0, []]);
    });

    it('loads the reviews of a page of incidents in batches (no N+1)', async () => {
      const PAGE = `query($n:Int){ incidents(first:$n, filter:{teamIds:["${teamM}"]}){ edges{ node{ id postMortem{ state body required reviewers{ id } updatedBy } } } } }`;
      // reviewers on the first page's incident (F) and on one further down (E): users load in both pages
      await saved(ids.F, { expectedVersion: 1, reviewerIds: [uid.ra] });
      await saved(ids.E, { expectedVersion: 0, body: 'e', reviewerIds: [uid.ra, uid.va] });
      let page: any;
      // the metric reads above start rollup rebuilds in the background: let them end before counting statements
      await t.settle();
      const small = await countStatements(() => t.ok(PAGE, { n: 2 }, admin));
      await t.settle();
      const large = await countStatements(async () => (page = await t.ok(PAGE, { n: 12 }, admin)));
      expect(page.incidents.edges).toHaveLength(12);
      expect(large).toBe(small);
      // auth + page + count + reviews + users (+ a transaction statement at most)
      expect(large).toBeLessThanOrEqual(6);
    });
  });
});
