import { createHmac, randomBytes } from 'node:crypto';
import { recordRetryWaits } from '../support/standins/fast-retries';
import { incidentIoIncident } from '../support/standins/incident-io.standin';
import { PagerDutyStandin, PdIncidentSpec } from '../support/standins/pagerduty.standin';
import { startTestApp, TestApp } from '../harness';

const KEY = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809';
const HOOK_SECRET = 'hindsight-push-secret-0001';
const PD_SECRET = 'pagerduty-webhook-secret-0002';
const IIO_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const PD_TOKEN = 'u+WebhookPdToken-0003';
const MAX_BYTES = 64 * 1024;
const MIN = 60_000;

const hex = (secret: string | Buffer, body: string) => createHmac('sha256', secret).update(body).digest('hex');
const RUN = `id status trigger fetched created updated unchanged skipped errorCount errors { externalId message }`;

describe('webhook pushes: POST /api/sources/:id/webhook', () => {
  const retries = recordRetryWaits();
  let t: TestApp;
  let admin: string;
  let teamId: string;
  let hook: string;
  let pdSource: string;
  let iioSource: string;
  let pd: PagerDutyStandin;
  const created = Date.now() - 3 * 24 * 3600_000;
  const PX: PdIncidentSpec = {
    id: 'PXHOOK1',
    number: 77,
    createdAt: created,
    title: 'Payments timing out',
    status: 'resolved',
    acks: [created + 3 * MIN],
    resolvedAt: created + 42 * MIN,
    priority: 'P2',
    urgency: 'high',
    service: 'payments-api',
    team: null,
  };

  const post = (source: string, body: string, headers: Record<string, string> = {}, query = '') =>
    fetch(`${t.url}/api/sources/${source}/webhook${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) }));
  const pushHindsight = (body: unknown, secret = HOOK_SECRET, source = hook, query = '') => {
    const text = JSON.stringify(body);
    return post(source, text, { 'x-hindsight-signature': `sha256=${hex(secret, text)}` }, query);
  };
  const iioHeaders = (body: string, at = new Date(), id = `msg_${randomBytes(6).toString('hex')}`, secret = IIO_SECRET) => {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${mac}` };
  };
  const counts = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM incident) AS incidents, (SELECT count(*)::int FROM sync_run) AS runs,
              (SELECT coalesce(max(version), 0)::int FROM incident) AS versions`,
    );
    return row;
  };
  const runs = async (source: string) => (await t.ok(`query($id:ID!){ syncRuns(sourceId:$id){ ${RUN} } }`, { id: source }, admin)).syncRuns;
  const source = async (input: Record<string, unknown>) =>
    (await t.ok(`mutation($i:CreateSourceInput!){ createSource(input:$i){ id } }`, { i: { teamId, syncEveryMinutes: 0, ...input } }, admin))
      .createSource.id;

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_SECRET_KEY: KEY, HINDSIGHT_IMPORT_MAX_BYTES: String(MAX_BYTES) } });
    admin = await t.login();
    teamId = (await t.ok(`mutation{ createTeam(input:{name:"Platform"}){ id } }`, {}, admin)).createTeam.id;
    pd = await PagerDutyStandin.start({ token: PD_TOKEN, incidents: [PX] });
    hook = await source({ kind: 'WEBHOOK', name: 'Deploy bot', webhookSecret: HOOK_SECRET });
    pdSource = await source({ kind: 'PAGERDUTY', name: 'PagerDuty', baseUrl: pd.url, token: PD_TOKEN, webhookSecret: PD_SECRET });
    iioSource = await source({
      kind: 'INCIDENT_IO',
      name: 'incident.io',
      baseUrl: 'http://127.0.0.1:9',
      token: 'iio-token-0004',
      webhookSecret: IIO_SECRET,
      severityMap: [{ from: 'Minor', to: 'SEV3' }],
    });
  });
  afterAll(async () => {
    retries.restore();
    await pd.close();
    await t.close();
  });

  const ONE = {
    externalId: 'deploy-4711',
    title: 'Bad deploy of checkout',
    service: 'Checkout',
    severity: 'SEV2',
    startedAt: '2026-03-08T10:00:00Z',
    resolvedAt: '2026-03-08T10:45:00Z',
    rootCause: 'Bad deploy',
  };

  it('refuses unsigned, forged and wrongly signed pushes with 401 in the usual error shape, changing nothing', async () => {
    const before = await counts();
    const text = JSON.stringify(ONE);
    const unsigned = await post(hook, text);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/X-Hindsight-Signature/) } });
    expect((await pushHindsight(ONE, 'some-other-secret-0000')).status).toBe(401);
    // signed, then changed on the way
    expect((await post(hook, text.replace('SEV2', 'SEV1'), { 'x-hindsight-signature': `sha256=${hex(HOOK_SECRET, text)}` })).status).toBe(
      401,
    );
    expect((await post(pdSource, text, { 'x-pagerduty-signature': `v1=${hex('not-the-secret', text)}` })).status).toBe(401);
    expect((await post(iioSource, text, iioHeaders(text, new Date(), 'msg_1', `whsec_${randomBytes(24).toString('base64')}`))).status).toBe(
      401,
    );
    expect(await counts()).toEqual(before);
  });

  it('a valid Hindsight push creates the incident and records a WEBHOOK run; the same push again changes nothing', async () => {
    const first = await pushHindsight(ONE);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'SUCCEEDED', fetched: 1, created: 1, updated: 0, unchanged: 0, skipped: 0, errorCount: 0 });
    const [row] = await t.db.query(`SELECT id, source, source_id FROM incident WHERE external_id = 'deploy-4711'`);
    expect(row).toMatchObject({ source: `webhook:${hook}`, source_id: Number(hook) });
    const incident = (
      await t.ok(
        `query($id:ID!){ incident(id:$id){ title severity startedAt resolvedAt services { name team { name } } team { name } primaryCause { cause { name } } } }`,
        { id: String(row.id) },
        admin,
      )
    ).incident;
    // a push carries what a source provides; causes are added in Hindsight, not pushed
    expect(incident).toMatchObject({
      title: 'Bad deploy of checkout',
      severity: 'SEV2',
      startedAt: '2026-03-08T10:00:00.000Z',
      resolvedAt: '2026-03-08T10:45:00.000Z',
      services: [{ name: 'Checkout', team: { name: 'Platform' } }],
      team: { name: 'Platform' },
      primaryCause: null,
    });
    const [run] = await runs(hook);
    expect(run).toMatchObject({ id: first.body.runId, trigger: 'WEBHOOK', status: 'SUCCEEDED', created: 1 });

    const again = await pushHindsight(ONE);
    expect(again.body).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 1 });
  });

  it('refuses a whole push when an item breaks the import rules: 400, nothing applied, a FAILED run says why', async () => {
    const before = await counts();
    const res = await pushHindsight([
      { ...ONE, externalId: 'deploy-4710', title: 'Would be valid' },
      { externalId: 'deploy-4711', title: 'No start', service: 'Checkout', severity: 'SEV3' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['body'] });
    expect(res.body.error.message).toMatch(/1 of 2 items break the import rules, so nothing was applied/);
    expect(res.body.error.message).toMatch(/item 2: startedAt is required/);
    const after = await counts();
    expect(after).toEqual({ ...before, runs: before.runs + 1 });
    const [run] = await runs(hook);
    expect(run).toMatchObject({ trigger: 'WEBHOOK', status: 'FAILED', created: 0, skipped: 2, errorCount: 2 });
    expect((await pushHindsight({ ...ONE, externalId: 'x' }, HOOK_SECRET, hook, '?onInvalid=SOMETIMES')).status).toBe(400);
  });

  it('with ?onInvalid=SKIP_ROW applies the valid items of an array and reports the others', async () => {
    const res = await pushHindsight(
      [
        { ...ONE, externalId: 'deploy-4712', title: 'Second bad deploy' },
        { externalId: 'deploy-4713', title: 'No start', service: 'Checkout', severity: 'SEV3' },
      ],
      HOOK_SECRET,
      hook,
      '?onInvalid=SKIP_ROW',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'SUCCEEDED', fetched: 2, created: 1, skipped: 1, errorCount: 1 });
    expect(res.body.errors[0]).toEqual({ externalId: 'deploy-4713', message: expect.stringMatching(/item 2: startedAt is required/) });
  });

  it('answers 404 for an unknown source, 409 for a paused one (after the signature), 413 over the upload limit', async () => {
    expect((await pushHindsight(ONE, HOOK_SECRET, '999999')).status).toBe(404);
    expect((await pushHindsight(ONE, HOOK_SECRET, 'nope')).status).toBe(404);
    const big = { ...ONE, title: 'x'.repeat(MAX_BYTES) };
    const tooBig = await pushHindsight(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    await t.ok(`mutation($id:ID!){ updateSource(id:$id, input:{enabled:false}){ enabled } }`, { id: hook }, admin);
    try {
      const before = await counts();
      expect((await pushHindsight(ONE, 'wrong-secret-000000000')).status).toBe(401);
      const paused = await pushHindsight({ ...ONE, title: 'changed while paused' });
      expect(paused.status).toBe(409);
      expect(await counts()).toEqual(before);
    } finally {
      await t.ok(`mutation($id:ID!){ updateSource(id:$id, input:{enabled:true}){ enabled } }`, { id: hook }, admin);
    }
  });

  it('a PagerDuty push about an incident fetches that incident from PagerDuty and applies it', async () => {
    const body = JSON.stringify({
      event: {
        id: '01DEN4HPBQAVJS1B8Q0TDKUJ7I',
        event_type: 'incident.resolved',
        resource_type: 'incident',
        occurred_at: new Date().toISOString(),
        data: { id: PX.id, type: 'incident', self: `${pd.url}/incidents/${PX.id}` },
      },
    });
    // PagerDuty sends every current signature during a secret rotation
    const res = await post(pdSource, body, { 'x-pagerduty-signature': `v1=${hex('the-old-secret', body)},v1=${hex(PD_SECRET, body)}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    expect(pd.count(`/incidents/${PX.id}`)).toBeGreaterThan(0);
    const [row] = await t.db.query(`SELECT id FROM incident WHERE source = $1 AND external_id = $2`, [`pagerduty:${pdSource}`, PX.id]);
    const incident = (
      await t.ok(
        `query($id:ID!){ incident(id:$id){ title startedAt acknowledgedAt resolvedAt externalUrl services { name } } }`,
        { id: String(row.id) },
        admin,
      )
    ).incident;
    expect(incident).toEqual({
      title: PX.title,
      startedAt: new Date(PX.createdAt).toISOString(),
      acknowledgedAt: new Date(PX.acks[0]).toISOString(),
      resolvedAt: new Date(PX.resolvedAt!).toISOString(),
      externalUrl: `https://example.pagerduty.com/incidents/${PX.id}`,
      services: [{ name: 'payments-api' }],
    });

    // an event about something else (a service) is recorded and applies nothing
    const other = JSON.stringify({ event: { event_type: 'service.updated', data: { id: 'PSVC1', type: 'service' } } });
    const ignored = await post(pdSource, other, { 'x-pagerduty-signature': `v1=${hex(PD_SECRET, other)}` });
    expect(ignored.body).toMatchObject({ status: 'SUCCEEDED', fetched: 0, created: 0 });
  });

  it('an incident.io push is applied; test incidents are skipped; stale timestamps and exact replays are not applied', async () => {
    const event = (incident: Record<string, unknown>) =>
      JSON.stringify({
        event_type: 'public_incident.incident_updated_v2',
        'public_incident.incident_updated_v2': { incident },
      });
    const body = event(incidentIoIncident(5));
    const headers = iioHeaders(body);
    const res = await post(iioSource, body, headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'SUCCEEDED', created: 1, skipped: 0 });
    const [row] = await t.db.query(`SELECT title, severity::text FROM incident WHERE source = $1`, [`incident_io:${iioSource}`]);
    expect(row).toEqual({ title: 'Incident 5', severity: 'SEV3' });

    // the same delivery again (same webhook-id, still within 5 minutes): answered with the first run, nothing applied twice
    const before = await counts();
    const replay = await post(iioSource, body, headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ runId: res.body.runId, duplicate: true });
    expect(await counts()).toEqual(before);

    // correctly signed but more than 5 minutes old: a replay
    const old = event(incidentIoIncident(6));
    const stale = await post(iioSource, old, iioHeaders(old, new Date(Date.now() - 6 * MIN)));
    expect(stale.status).toBe(401);

    const testMode = event(incidentIoIncident(7, { mode: 'test' }));
    const skipped = await post(iioSource, testMode, iioHeaders(testMode));
    expect(skipped.body).toMatchObject({ status: 'SUCCEEDED', created: 0, skipped: 1 });
    expect(await counts()).toMatchObject({ incidents: before.incidents });
  });
});
