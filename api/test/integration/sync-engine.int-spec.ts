import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SyncWorker } from '../../src/sources/sync/sync.worker';
import { recordRetryWaits } from '../support/standins/fast-retries';
import { generatePagerDutyIncidents, PagerDutyStandin, PdIncidentSpec } from '../support/standins/pagerduty.standin';
import { startTestApp, TestApp } from '../harness';
import { countStatements } from '../support/count-statements';

const KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
const TOKEN = 'u+SyncEngineToken-0001';
const PASSWORD = 'Pass-word-12345';
const DAY = 24 * 3600_000;
const MIN = 60_000;

const RUN = `id status trigger queuedAt startedAt finishedAt fetched created updated unchanged skipped errorCount attempts
  errors { externalId message } source { id name }`;
const INCIDENT = `id version title severity startedAt detectedAt acknowledgedAt mitigatedAt resolvedAt detectionSource private
  externalUrl overriddenFields team { name } services { name team { name } } syncedFrom { id kind name }`;
const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code ?? 'OK';
const iso = (ms: number) => new Date(ms).toISOString();
/** Vendor retries are instant in this file; the waits asked for are recorded. */
const retries = recordRetryWaits();
afterAll(() => retries.restore());

/** An incident as the PagerDuty stand-in serves it (a hand-made one, for hand-checked fields). */
function spec(id: string, number: number, createdAt: number, over: Partial<PdIncidentSpec>): PdIncidentSpec {
  return {
    id,
    number,
    createdAt,
    title: `Incident ${id}`,
    status: 'resolved',
    acks: [createdAt + 4 * MIN],
    resolvedAt: createdAt + 50 * MIN,
    priority: null,
    urgency: 'high',
    service: 'checkout',
    team: null,
    ...over,
  };
}

describe('the sync engine against a PagerDuty stand-in (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let platform: string;
  let payments: string;
  let pd: PagerDutyStandin;
  let sourceId: string;
  const now = Date.now();
  // A: P1 on an existing service (other case), a Hindsight team; B: no priority, low urgency, a new service, an unknown team
  const A = spec('PAAAAA1', 9001, now - 10 * DAY, { title: 'Checkout errors', priority: 'P1', team: 'payments', service: 'CHECKOUT' });
  const B = spec('PBBBBB2', 9002, now - 9 * DAY, { title: 'Search slow', urgency: 'low', team: 'Nobody Here', service: 'brand-new-svc' });
  const generated = generatePagerDutyIncidents({ count: 228, from: new Date(now - 200 * DAY), to: new Date(now - 20 * DAY), seed: 11 });
  const N = generated.length + 2;

  const worker = () => t.app.get(SyncWorker);
  /** Works the source's queued run in this process, as a job worker would (the harness runs no workers). */
  const work = (id: string) =>
    worker().execute({ data: { sourceId: Number(id) }, retryCount: 0, retryLimit: 8 }, new AbortController().signal);
  const sync = async (id: string) => {
    const run = (await t.ok(`mutation($id:ID!){ syncSource(id:$id){ id status trigger } }`, { id }, admin)).syncSource;
    await work(id);
    return (await t.ok(`query($id:ID!){ syncRun(id:$id){ ${RUN} } }`, { id: run.id }, admin)).syncRun;
  };
  const incidentOf = async (externalId: string) => {
    const [row] = await t.db.query(`SELECT id FROM incident WHERE source = $1 AND external_id = $2`, [`pagerduty:${sourceId}`, externalId]);
    return (await t.ok(`query($id:ID!){ incident(id:$id){ ${INCIDENT} } }`, { id: String(row.id) }, admin)).incident;
  };
  const versions = () =>
    t.db.query(`SELECT id, version, updated_at FROM incident WHERE source = $1 ORDER BY id`, [`pagerduty:${sourceId}`]);
  const fullResync = () => t.db.query(`UPDATE source SET mark = NULL WHERE id = $1`, [sourceId]);

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_SECRET_KEY: KEY } });
    admin = await t.login();
    platform = (await t.ok(`mutation{ createTeam(input:{name:"Platform"}){ id } }`, {}, admin)).createTeam.id;
    payments = (await t.ok(`mutation{ createTeam(input:{name:"Payments"}){ id } }`, {}, admin)).createTeam.id;
    await t.ok(`mutation($t:ID!){ createService(input:{name:"Checkout", teamId:$t, slo:99.9}){ id } }`, { t: payments }, admin);
    pd = await PagerDutyStandin.start({ token: TOKEN, incidents: [...generated, A, B] });
    const created = await t.ok(
      `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
      {
        i: {
          kind: 'PAGERDUTY',
          name: 'PagerDuty prod',
          baseUrl: pd.url,
          token: TOKEN,
          teamId: platform,
          syncEveryMinutes: 0,
          severityMap: [
            { from: 'P1', to: 'SEV1' },
            { from: 'p2', to: 'SEV2' },
            { from: 'HIGH', to: 'SEV2' },
          ],
          defaultSeverity: 'SEV4',
        },
      },
      admin,
    );
    sourceId = created.createSource.id;
  });
  afterAll(async () => {
    await pd.close();
    await t.close();
  });

  it('queues one run per source: syncSource while it is queued returns the same run', async () => {
    const first = (await t.ok(`mutation($id:ID!){ syncSource(id:$id){ id status trigger } }`, { id: sourceId }, admin)).syncSource;
    const second = (await t.ok(`mutation($id:ID!){ syncSource(id:$id){ id status trigger } }`, { id: sourceId }, admin)).syncSource;
    expect(first).toEqual({ id: first.id, status: 'QUEUED', trigger: 'MANUAL' });
    expect(second.id).toBe(first.id);
    const lists = await t.ok(`{ sources { id lastRun { id status } } }`, {}, admin);
    expect(lists.sources).toEqual([{ id: sourceId, lastRun: { id: first.id, status: 'QUEUED' } }]);
  });

  it('the first sync creates every incident, mapped by the source’s rules', async () => {
    await work(sourceId); // the run queued above
    const [run] = (await t.ok(`query($id:ID!){ syncRuns(sourceId:$id){ ${RUN} } }`, { id: sourceId }, admin)).syncRuns;
    expect(run).toMatchObject({ status: 'SUCCEEDED', trigger: 'MANUAL', created: N, updated: 0, skipped: 0, errorCount: 0, errors: [] });
    expect(run.fetched).toBe(run.created + run.updated + run.unchanged + run.skipped);
    expect(run.attempts).toBe(1);
    expect(run.source).toEqual({ id: sourceId, name: 'PagerDuty prod' });
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    expect((await t.ok(`{ incidents(first:0){ totalCount } }`, {}, admin)).incidents.totalCount).toBe(N);

    // A: severity through the map (P1), team by the vendor's team name (case-insensitive), the existing service
    expect(await incidentOf(A.id)).toMatchObject({
      version: 1,
      title: 'Checkout errors',
      severity: 'SEV1',
      startedAt: iso(A.createdAt),
      detectedAt: iso(A.createdAt),
      acknowledgedAt: iso(A.acks[0]),
      mitigatedAt: null,
      resolvedAt: iso(A.resolvedAt!),
      detectionSource: 'MONITORING',
      private: false,
      externalUrl: `https://example.pagerduty.com/incidents/${A.id}`,
      overriddenFields: [],
      team: { name: 'Payments' },
      services: [{ name: 'Checkout', team: { name: 'Payments' } }],
      syncedFrom: { id: sourceId, kind: 'PAGERDUTY', name: 'PagerDuty prod' },
    });
    // B: no priority, urgency "low" is not in the map: the default; an unknown team: the source's; a new service under it
    expect(await incidentOf(B.id)).toMatchObject({
      severity: 'SEV4',
      team: { name: 'Platform' },
      services: [{ name: 'brand-new-svc', team: { name: 'Platform' } }],
    });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM service WHERE lower(name) = 'checkout'`);
    expect(n).toBe(1); // "CHECKOUT" matched the existing "Checkout"
  });

  it('shows synced incidents in the dashboard metrics', async () => {
    const m = await t.ok(`{ reliabilityMetrics { incidentCount } }`, {}, admin);
    expect(m.reliabilityMetrics.incidentCount).toBe(N);
  });

  it('re-syncing unchanged data changes nothing: every incident unchanged, no version or updated_at moved', async () => {
    const before = await versions();
    await fullResync(); // read everything again, not only what changed since the last run
    const run = await sync(sourceId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: N, skipped: 0, errorCount: 0 });
    expect(await versions()).toEqual(before);
    // and the incremental run (from the mark the last one left) too
    const incremental = await sync(sourceId);
    expect(incremental).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, skipped: 0 });
    expect(await versions()).toEqual(before);
  });

  it('a title changed at the vendor is updated (version + 1); nothing else is written', async () => {
    const before = await versions();
    const a = await incidentOf(A.id);
    pd.incidents.find((i) => i.id === A.id)!.title = 'Checkout errors (EU only)';
    await fullResync();
    const run = await sync(sourceId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 1, unchanged: N - 1 });
    const after = await incidentOf(A.id);
    expect(after).toMatchObject({ title: 'Checkout errors (EU only)', version: a.version + 1 });
    const moved = (await versions()).filter((v: any, k: number) => v.version !== before[k].version).map((v: any) => String(v.id));
    expect(moved).toEqual([a.id]);
  });

  it('an edit made in Hindsight survives a re-sync that changes that field; the fields nobody edited are refreshed', async () => {
    const a = await incidentOf(A.id);
    const earlier = iso(A.createdAt - 30 * MIN); // the responder knows impact began before the page fired
    const edited = await t.ok(
      `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ ${INCIDENT} } }`,
      { id: a.id, i: { expectedVersion: a.version, startedAt: earlier } },
      admin,
    );
    expect(edited.updateIncident.overriddenFields).toEqual(['startedAt']);
    // the vendor moves its start (created_at) and renames the incident
    const vendorA = pd.incidents.find((i) => i.id === A.id)!;
    vendorA.createdAt += 1000;
    vendorA.title = 'Checkout errors in the EU';
    await fullResync();
    const run = await sync(sourceId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', updated: 1, unchanged: N - 1, errorCount: 0 });
    const after = await incidentOf(A.id);
    expect(after).toMatchObject({
      startedAt: earlier,
      detectedAt: iso(vendorA.createdAt),
      title: 'Checkout errors in the EU',
      overriddenFields: ['startedAt'],
      version: edited.updateIncident.version + 1,
    });
    // the source's own value is kept beside the edit, for a reset
    const [row] = await t.db.query(`SELECT source_values FROM incident WHERE id = $1`, [a.id]);
    expect(row.source_values.startedAt).toBe(new Date(vendorA.createdAt).toISOString().replace('Z', '000Z'));
    // a stale copy in someone's browser (the version before the sync) is refused
    const stale = await t.gql(
      `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id } }`,
      { id: a.id, i: { expectedVersion: edited.updateIncident.version, title: 'mine' } },
      admin,
    );
    expect(code(stale)).toBe('CONFLICT');
  });

  it('a wrong token ends the run FAILED with a message that says so, without the token, storing nothing', async () => {
    const wrong = 'u+WrongToken-never-shown-42';
    const { createSource } = await t.ok(
      `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
      { i: { kind: 'PAGERDUTY', name: 'PagerDuty wrong token', baseUrl: pd.url, token: wrong, teamId: platform, syncEveryMinutes: 0 } },
      admin,
    );
    const run = await sync(createSource.id);
    expect(run).toMatchObject({ status: 'FAILED', created: 0, updated: 0, fetched: 0, errorCount: 1 });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].externalId).toBeNull();
    expect(run.errors[0].message).toMatch(/token|401|unauthori|refused/i);
    expect(JSON.stringify(run)).not.toContain(wrong);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM incident WHERE source_id = $1`, [createSource.id]);
    expect(n).toBe(0);
    const [{ mark }] = await t.db.query(`SELECT mark FROM source WHERE id = $1`, [createSource.id]);
    expect(mark).toBeNull();
  });

  it('HTTP 429 (honouring Retry-After) and 503 are retried, and the run succeeds', async () => {
    const small = await PagerDutyStandin.start({
      token: TOKEN,
      incidents: [spec('PCCCCC1', 1, now - 5 * DAY, {}), spec('PCCCCC2', 2, now - 4 * DAY, {}), spec('PCCCCC3', 3, now - 3 * DAY, {})],
    });
    try {
      const { createSource } = await t.ok(
        `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
        { i: { kind: 'PAGERDUTY', name: 'PagerDuty flaky', baseUrl: small.url, token: TOKEN, teamId: platform, syncEveryMinutes: 0 } },
        admin,
      );
      small.inject({ status: 429, times: 1, retryAfter: '7', path: '/incidents' });
      small.inject({ status: 503, times: 1, path: '/incidents' });
      retries.waits.splice(0);
      const run = await sync(createSource.id);
      expect(run).toMatchObject({ status: 'SUCCEEDED', created: 3, errorCount: 0 });
      expect(retries.waits).toContain(7000);
    } finally {
      await small.close();
    }
  });

  it('runs, newest first; first is 0–100', async () => {
    const runs = (await t.ok(`query($id:ID!){ syncRuns(sourceId:$id, first:2){ id } }`, { id: sourceId }, admin)).syncRuns;
    expect(runs).toHaveLength(2);
    expect(Number(runs[0].id)).toBeGreaterThan(Number(runs[1].id));
    expect(code(await t.gql(`query($id:ID!){ syncRuns(sourceId:$id, first:101){ id } }`, { id: sourceId }, admin))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(`query{ syncRun(id:"999999"){ id } }`, {}, admin))).toBe('NOT_FOUND');
  });

  it('an attempt taken over by a newer one (its worker stalled past its lease) stops without writing; the newer one finishes', async () => {
    const many = await PagerDutyStandin.start({
      token: TOKEN,
      incidents: generatePagerDutyIncidents({ count: 250, from: new Date(now - 50 * DAY), to: new Date(now - 2 * DAY), seed: 21 }),
    });
    // in front of the stand-in: when the first attempt asks for its second list page, a second worker claims the run
    let lists = 0;
    let takeOver: () => Promise<void> = async () => undefined;
    const proxy = createServer((req, res) => {
      const forward = () => {
        const out = request(`${many.url}${req.url}`, { headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.end();
      };
      if (new URL(req.url ?? '/', 'http://x').pathname === '/incidents' && ++lists === 2) takeOver().then(forward, forward);
      else forward();
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const { createSource } = await t.ok(
        `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
        { i: { kind: 'PAGERDUTY', name: 'PagerDuty taken over', baseUrl: url, token: TOKEN, teamId: platform, syncEveryMinutes: 0 } },
        admin,
      );
      const run = (await t.ok(`mutation($id:ID!){ syncSource(id:$id){ id } }`, { id: createSource.id }, admin)).syncSource;
      takeOver = async () => {
        await t.db.query(`UPDATE sync_run SET attempts = attempts + 1 WHERE id = $1`, [run.id]); // what claim() does
      };
      await work(createSource.id); // attempt 1: stops at its next batch
      const stopped = (await t.ok(`query($id:ID!){ syncRun(id:$id){ ${RUN} } }`, { id: run.id }, admin)).syncRun;
      expect(stopped).toMatchObject({ status: 'RUNNING', attempts: 2 });
      expect(stopped.created).toBeLessThan(250);
      const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM incident WHERE source_id = $1`, [createSource.id]);
      expect(before).toBe(stopped.created); // nothing written after the takeover

      await work(createSource.id); // the newer attempt (claims again: 3) goes on from the mark and finishes
      const done = (await t.ok(`query($id:ID!){ syncRun(id:$id){ ${RUN} } }`, { id: run.id }, admin)).syncRun;
      expect(done).toMatchObject({ status: 'SUCCEEDED', created: 250, errorCount: 0, attempts: 3 });
      const [{ n, distinct }] = await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct FROM incident WHERE source_id = $1`,
        [createSource.id],
      );
      expect({ n, distinct }).toEqual({ n: 250, distinct: 250 });
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      await many.close();
    }
  });

  it('lists sources with their last run and its source in the same few statements however many there are (no N+1)', async () => {
    const LIST = `{ sources { id lastRun { id status source { id } } } }`;
    const fewer = (await t.ok(LIST, {}, admin)).sources.length;
    await t.settle(); // no rollup rebuild started by earlier metric reads among the counted statements
    const before = await countStatements(() => t.ok(LIST, {}, admin));
    for (const name of ['PagerDuty extra 1', 'PagerDuty extra 2', 'PagerDuty extra 3']) {
      const { createSource } = await t.ok(
        `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
        { i: { kind: 'PAGERDUTY', name, baseUrl: pd.url, token: TOKEN, teamId: platform, syncEveryMinutes: 0 } },
        admin,
      );
      await t.ok(`mutation($id:ID!){ syncSource(id:$id){ id } }`, { id: createSource.id }, admin);
    }
    const listed = (await t.ok(LIST, {}, admin)).sources;
    expect(listed).toHaveLength(fewer + 3);
    expect(listed.every((s: any) => s.lastRun && s.lastRun.source.id === s.id)).toBe(true);
    expect(await countStatements(() => t.ok(LIST, {}, admin))).toBe(before);
  });

  it('is for admins only', async () => {
    await t.ok(
      `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
      { i: { email: 'resp@example.com', password: PASSWORD, role: 'RESPONDER', teamIds: [platform] } },
      admin,
    );
    const responder = await t.login('resp@example.com', PASSWORD);
    const [last] = (await t.ok(`query($id:ID!){ syncRuns(sourceId:$id, first:1){ id } }`, { id: sourceId }, admin)).syncRuns;
    expect(code(await t.gql(`mutation($id:ID!){ syncSource(id:$id){ id } }`, { id: sourceId }, responder))).toBe('FORBIDDEN');
    expect(code(await t.gql(`query($id:ID!){ syncRuns(sourceId:$id){ id } }`, { id: sourceId }, responder))).toBe('FORBIDDEN');
    expect(code(await t.gql(`query($id:ID!){ syncRun(id:$id){ id } }`, { id: last.id }, responder))).toBe('FORBIDDEN');
    expect(code(await t.gql(`mutation($id:ID!){ syncSource(id:$id){ id } }`, { id: sourceId }))).toBe('UNAUTHENTICATED');
  });

  it('the schedule queues a due source once, and ends runs no job will resume', async () => {
    const { createSource } = await t.ok(
      `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
      { i: { kind: 'PAGERDUTY', name: 'PagerDuty hourly', baseUrl: pd.url, token: TOKEN, teamId: platform, syncEveryMinutes: 60 } },
      admin,
    );
    const first = await worker().tick();
    const again = await worker().tick();
    const runs = (await t.ok(`query($id:ID!){ syncRuns(sourceId:$id){ id status trigger } }`, { id: createSource.id }, admin)).syncRuns;
    expect(runs).toEqual([{ id: runs[0].id, status: 'QUEUED', trigger: 'SCHEDULE' }]);
    expect(first.queued).toEqual([Number(runs[0].id)]);
    expect(again.queued).toEqual([]);
    // on demand only (syncEveryMinutes 0) and the other sources: not queued by the schedule
    expect(first.queued).toHaveLength(1);

    // a queued run whose job is gone (failed for good) is ended by the next tick, and the source can sync again
    await t.db.query(`UPDATE sync_run SET queued_at = now() - interval '5 minutes' WHERE id = $1`, [runs[0].id]);
    const jobs = t.app.get(SyncWorker)['jobs'] as { jobTable: string };
    await t.db.query(`UPDATE ${jobs.jobTable} SET state = 'failed' WHERE singleton_key = $1`, [createSource.id]);
    const third = await worker().tick();
    expect(third.orphaned).toEqual([Number(runs[0].id)]);
    const ended = (await t.ok(`query($id:ID!){ syncRun(id:$id){ status errors { externalId message } } }`, { id: runs[0].id }, admin))
      .syncRun;
    expect(ended.status).toBe('FAILED');
    expect(ended.errors[0]).toMatchObject({ externalId: null, message: expect.stringMatching(/interrupted/) });
  });
});

describe('sync runs as jobs (workers on)', () => {
  let t: TestApp;
  let pd: PagerDutyStandin;

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_SECRET_KEY: KEY, HINDSIGHT_RUN_JOBS: 'true' } });
    pd = await PagerDutyStandin.start({
      token: TOKEN,
      incidents: generatePagerDutyIncidents({
        count: 150,
        from: new Date(Date.now() - 100 * DAY),
        to: new Date(Date.now() - DAY),
        seed: 3,
      }),
    });
  });
  afterAll(async () => {
    await pd.close();
    await t.close();
  });

  it('syncSource returns at once; a worker runs the job and the run ends SUCCEEDED', async () => {
    const admin = await t.login();
    const team = (await t.ok(`mutation{ createTeam(input:{name:"Ops"}){ id } }`, {}, admin)).createTeam.id;
    const { createSource } = await t.ok(
      `mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`,
      { i: { kind: 'PAGERDUTY', name: 'PD', baseUrl: pd.url, token: TOKEN, teamId: team, syncEveryMinutes: 0 } },
      admin,
    );
    const queued = (await t.ok(`mutation($id:ID!){ syncSource(id:$id){ id status } }`, { id: createSource.id }, admin)).syncSource;
    expect(['QUEUED', 'RUNNING']).toContain(queued.status);
    let run: any;
    const deadline = Date.now() + 60_000;
    do {
      await new Promise((r) => setTimeout(r, 250));
      run = (await t.ok(`query($id:ID!){ syncRun(id:$id){ ${RUN} } }`, { id: queued.id }, admin)).syncRun;
    } while (!['SUCCEEDED', 'FAILED'].includes(run.status) && Date.now() < deadline);
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 150, errorCount: 0, attempts: 1 });
  });
});
