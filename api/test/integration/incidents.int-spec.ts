import { buildIncident, createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const CREATE = `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id key version title status startedAt resolvedAt } }`;
const UPDATE = `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id version title } }`;

describe('incidents (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const count = async () => (await t.ok(`{ incidents(first:0){ totalCount } }`, {}, w.token)).incidents.totalCount as number;

  it('creates an incident with a key and a derived status', async () => {
    const d = await t.ok(CREATE, { i: buildIncident({ serviceIds: [w.serviceId], teamId: w.teamId, title: 'Playback stops' }) }, w.token);
    expect(d.createIncident).toMatchObject({ title: 'Playback stops', status: 'RESOLVED', version: 1 });
    expect(d.createIncident.key).toBe(`INC-${d.createIncident.id}`);
  });

  it.each([
    ['resolvedAt', 'startedAt', { detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: '2026-03-08T09:00:00Z' }],
    ['detectedAt', 'startedAt', { detectedAt: '2026-03-08T09:59:59.999Z' }],
    ['acknowledgedAt', 'detectedAt', { detectedAt: '2026-03-08T10:20:00Z', acknowledgedAt: '2026-03-08T10:10:00Z' }],
    ['resolvedAt', 'mitigatedAt', { resolvedAt: '2026-03-08T10:59:00Z' }],
  ])('refuses %s before %s, naming both, and stores nothing', async (later, earlier, bad) => {
    const before = await count();
    const r = await t.gql(CREATE, { i: buildIncident({ serviceIds: [w.serviceId], teamId: w.teamId, ...bad }) }, w.token);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining([later, earlier]));
    expect(await count()).toBe(before);
  });

  it('names the field of invalid input', async () => {
    const r = await t.gql(CREATE, { i: buildIncident({ serviceIds: [], teamId: w.teamId }) }, w.token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['serviceIds'] });
    const r2 = await t.gql(CREATE, { i: buildIncident({ serviceIds: ['99999'], teamId: w.teamId }) }, w.token);
    expect(r2.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['serviceIds'] });
  });

  it('refuses a stale update with CONFLICT and keeps the first write', async () => {
    const inc = await createIncident(t, w);
    const first = await t.ok(UPDATE, { id: inc.id, i: { expectedVersion: inc.version, title: 'first' } }, w.token);
    expect(first.updateIncident.version).toBe(inc.version + 1);
    const stale = await t.gql(UPDATE, { id: inc.id, i: { expectedVersion: inc.version, title: 'stale' } }, w.token);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const now = await t.ok(`query($id:ID!){ incident(id:$id){ title version } }`, { id: inc.id }, w.token);
    expect(now.incident).toEqual({ title: 'first', version: inc.version + 1 });
  });

  it('lets exactly one of two concurrent updates win', async () => {
    const inc = await createIncident(t, w);
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((title) => t.gql(UPDATE, { id: inc.id, i: { expectedVersion: inc.version, title } }, w.token)),
    );
    const wins = results.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(3);
    const now = await t.ok(`query($id:ID!){ incident(id:$id){ title } }`, { id: inc.id }, w.token);
    expect(now.incident.title).toBe(wins[0].data.updateIncident.title);
  });

  it('keeps keys unique under concurrent creation', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, () => createIncident(t, w)));
    expect(new Set(made.map((m) => m.key)).size).toBe(12);
  });

  it('pages with cursors without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    const total = await count();
    for (;;) {
      const d: any = await t.ok(
        `query($a:String){ incidents(first:7, after:$a){ totalCount pageInfo{ hasNextPage endCursor } edges{ node{ id } } } }`,
        { a: after },
        w.token,
      );
      d.incidents.edges.forEach((e: any) => seen.add(e.node.id));
      if (!d.incidents.pageInfo.hasNextPage) break;
      after = d.incidents.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
  });

  it('tags causes and confirms them', async () => {
    const causes = (await t.ok(`{ rootCauses { id name parent { id } } }`, {}, w.token)).rootCauses;
    const dns = causes.find((c: any) => c.name === 'DNS');
    const deploy = causes.find((c: any) => c.name === 'Deployment / release');
    const inc = await createIncident(t, w, { primaryCauseId: dns.id, contributingCauseIds: [deploy.id] });
    const d = await t.ok(
      `mutation($i:ID!,$c:ID!){ reviewCause(incidentId:$i, causeId:$c){ primaryCause{ cause{ name } state confirmedBy } contributingFactors{ cause{ name } state } } }`,
      { i: inc.id, c: dns.id },
      w.token,
    );
    expect(d.reviewCause.primaryCause).toEqual({ cause: { name: 'DNS' }, state: 'CONFIRMED', confirmedBy: 'admin@example.com' });
    expect(d.reviewCause.contributingFactors).toEqual([{ cause: { name: 'Deployment / release' }, state: 'PROPOSED' }]);
  });

  it('filters by redundancy gap mechanism and by detection source', async () => {
    const mechs = (await t.ok(`{ redundancyMechanisms { id } }`, {}, w.token)).redundancyMechanisms;
    const gap = await createIncident(t, w, { detectionSource: 'SOCIAL_MEDIA' });
    const worked = await createIncident(t, w, { detectionSource: 'MONITORING' });
    const assess = (incidentId: string, outcome: string) =>
      t.ok(
        `mutation($i:AssessRedundancyInput!){ assessRedundancy(input:$i){ id } }`,
        { i: { incidentId, mechanismId: mechs[2].id, outcome } },
        w.token,
      );
    await assess(gap.id, 'FAILED');
    await assess(worked.id, 'WORKED');
    const ids = async (filter: object) =>
      (
        await t.ok(`query($f:IncidentFilter){ incidents(filter:$f, first:200){ edges{ node{ id } } } }`, { f: filter }, w.token)
      ).incidents.edges.map((e: any) => e.node.id);
    expect(await ids({ gapMechanismIds: [mechs[2].id] })).toEqual([gap.id]);
    expect(await ids({ detectionSources: ['SOCIAL_MEDIA'] })).toEqual([gap.id]);
  });

  it('filters by time to resolve and by being counted, so a histogram bar opens exactly its incidents', async () => {
    // a day of its own; times to resolve chosen around the 1 h bucket edge [60, 120)
    const at = (minutes: number) => new Date(Date.parse('2019-05-01T08:00:00.000Z') + minutes * 60_000).toISOString();
    const make = (ttr: number | null, extra: Record<string, unknown> = {}) =>
      createIncident(t, w, {
        startedAt: at(0),
        detectedAt: at(1),
        acknowledgedAt: at(1),
        mitigatedAt: null,
        resolvedAt: ttr === null ? null : at(ttr),
        ...extra,
      });
    const inBucket = [await make(60), await make(119.999)];
    const outside = [await make(59.999), await make(120), await make(null)];
    const notCounted = [await make(90, { kind: 'NEAR_MISS' }), await make(90, { excludeFromMetrics: true })];
    const period = { from: '2019-05-01T00:00:00.000Z', to: '2019-05-02T00:00:00.000Z' };
    const ids = async (filter: object) =>
      (
        await t.ok(
          `query($f:IncidentFilter){ incidents(filter:$f, first:200){ edges{ node{ id } } } }`,
          { f: { ...period, ...filter } },
          w.token,
        )
      ).incidents.edges
        .map((e: any) => e.node.id)
        .sort();
    const sorted = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();

    expect(await ids({ resolveMinutesAtLeast: 60, resolveMinutesBelow: 120 })).toEqual(sorted([...inBucket, ...notCounted]));
    expect(await ids({ resolveMinutesAtLeast: 60, resolveMinutesBelow: 120, inMetrics: true })).toEqual(sorted(inBucket));
    expect(await ids({ inMetrics: false })).toEqual(sorted(notCounted));
    expect(await ids({ resolveMinutesAtLeast: 120 })).toEqual(sorted([outside[1]]));
    expect(await ids({ inMetrics: true })).toHaveLength(5); // ongoing included, like incidentCount

    // the histogram of the same period agrees with the list
    const m = await t.ok(
      `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ durationHistogram{ fromMinutes toMinutes count } } }`,
      { f: period },
      w.token,
    );
    const bar = m.reliabilityMetrics.durationHistogram.find((b: any) => b.fromMinutes === 60);
    expect(bar).toEqual({ fromMinutes: 60, toMinutes: 120, count: 2 });

    const bad = await t.gql(`query{ incidents(filter:{resolveMinutesAtLeast:120, resolveMinutesBelow:60}){ totalCount } }`, {}, w.token);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['resolveMinutesAtLeast', 'resolveMinutesBelow'] });
    const negative = await t.gql(`query{ incidents(filter:{resolveMinutesBelow:-1}){ totalCount } }`, {}, w.token);
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // both filters are validated field by field
    const badId = await t.gql(`query{ incidents(filter:{teamIds:["abc"]}){ totalCount } }`, {}, w.token);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['teamIds'] });
    const badMetricsId = await t.gql(`query{ reliabilityMetrics(filter:{serviceIds:["0"]}){ incidentCount } }`, {}, w.token);
    expect(badMetricsId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['serviceIds'] });
  });
});
