import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { SecretBox } from '../../src/sources/secret-box';
import { startTestApp, TestApp } from '../harness';

const KEY = '6f1c2b3a4d5e6f708192a3b4c5d6e7f80112233445566778899aabbccddeeff0';
const PD_TOKEN = 'u+PdT0ken-never-shown-0001';
const IIO_TOKEN = 'inc_io_key_never_shown_0002';
const HOOK_SECRET = 'whsec-never-shown-0003-abcdef';
const PASSWORD = 'Pass-word-12345';

const SOURCE_FIELDS = `id kind name baseUrl hasToken hasWebhookSecret team { name } enabled syncEveryMinutes since
  severityMap { from to } defaultSeverity webhookUrl createMissing private version timestampNames { started resolved }`;
const CREATE = `mutation($i:CreateSourceInput!){ createSource(input:$i){ ${SOURCE_FIELDS} } }`;
const UPDATE = `mutation($id:ID!,$i:UpdateSourceInput!){ updateSource(id:$id, input:$i){ ${SOURCE_FIELDS} } }`;
const LIST = `{ sources { ${SOURCE_FIELDS} } }`;
const TEST = `mutation($id:ID,$i:TestSourceConnectionInput){ testSourceConnection(id:$id, input:$i){ ok message } }`;

const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code ?? 'OK';
const fields = (r: { errors?: Array<{ extensions?: { fields?: string[] } }> }) => r.errors?.[0]?.extensions?.fields;
const SECRETS = [PD_TOKEN, IIO_TOKEN, HOOK_SECRET, 'replacement-token-0004'];
const noSecretIn = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const s of SECRETS) expect(text).not.toContain(s);
};

/** A PagerDuty stand-in: GET /incidents answers only `Token token=<PD_TOKEN>`. */
function pagerDutyStandIn(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.headers.authorization !== `Token token=${PD_TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Unauthorized', code: 2006 } }));
      return;
    }
    if (!req.url?.startsWith('/incidents')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ incidents: [], limit: 1, offset: 0, more: false }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('sources: administration, validation and secrets', () => {
  let t: TestApp;
  let admin: string;
  let teamId: string;
  let otherTeamId: string;
  let pd: { server: Server; url: string };

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_SECRET_KEY: KEY } });
    admin = await t.login();
    teamId = (await t.ok(`mutation{ createTeam(input:{name:"Platform"}){ id } }`, {}, admin)).createTeam.id;
    otherTeamId = (await t.ok(`mutation{ createTeam(input:{name:"Payments"}){ id } }`, {}, admin)).createTeam.id;
    pd = await pagerDutyStandIn();
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => pd.server.close(r));
  });

  it('creates one source of each kind with the documented defaults; the secrets are never returned, stored only sealed', async () => {
    const before = Date.now();
    const made = {
      pd: (await t.ok(CREATE, { i: { kind: 'PAGERDUTY', name: 'PagerDuty', token: PD_TOKEN, teamId } }, admin)).createSource,
      iio: (
        await t.ok(
          CREATE,
          {
            i: {
              kind: 'INCIDENT_IO',
              name: 'incident.io',
              token: IIO_TOKEN,
              webhookSecret: HOOK_SECRET,
              teamId,
              baseUrl: 'https://api.incident.io/',
              timestampNames: { started: [' Impact started ', 'Impact started'], resolved: ['Resolved'] },
              severityMap: [{ from: 'Critical', to: 'SEV1' }],
              defaultSeverity: 'SEV4',
              syncEveryMinutes: 15,
              since: '2025-01-01T00:00:00Z',
              createMissing: false,
              private: true,
            },
          },
          admin,
        )
      ).createSource,
      sp: (await t.ok(CREATE, { i: { kind: 'STATUSPAGE', name: 'Status', baseUrl: 'https://status.example.com', teamId } }, admin))
        .createSource,
      hook: (await t.ok(CREATE, { i: { kind: 'WEBHOOK', name: 'Pushed', webhookSecret: HOOK_SECRET, teamId } }, admin)).createSource,
    };
    noSecretIn(made);
    expect(made.pd).toMatchObject({
      kind: 'PAGERDUTY',
      baseUrl: 'https://api.pagerduty.com',
      hasToken: true,
      hasWebhookSecret: false,
      team: { name: 'Platform' },
      enabled: true,
      syncEveryMinutes: 60,
      defaultSeverity: 'SEV3',
      createMissing: true,
      private: false,
      version: 1,
      timestampNames: null,
      webhookUrl: `${t.url}/api/sources/${made.pd.id}/webhook`,
    });
    expect(made.pd.severityMap).toContainEqual({ from: 'P1', to: 'SEV1' });

    // sourceKinds states those defaults: what the Add source form starts with is what createSource stores when left out
    const kinds = (await t.ok(`{ sourceKinds { kind defaultBaseUrl defaultSeverityMap { from to } } }`, {}, admin)).sourceKinds;
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['PAGERDUTY', 'INCIDENT_IO', 'STATUSPAGE', 'WEBHOOK']);
    const pdKind = kinds.find((k: { kind: string }) => k.kind === 'PAGERDUTY');
    expect(pdKind.defaultBaseUrl).toBe(made.pd.baseUrl);
    expect(pdKind.defaultSeverityMap).toEqual(made.pd.severityMap);
    expect(pdKind.defaultSeverityMap.length).toBeGreaterThan(1);
    expect(kinds.find((k: { kind: string }) => k.kind === 'INCIDENT_IO').defaultBaseUrl).toBe('https://api.incident.io');
    expect(kinds.find((k: { kind: string }) => k.kind === 'STATUSPAGE').defaultBaseUrl).toBeNull();
    expect(kinds.find((k: { kind: string }) => k.kind === 'WEBHOOK')).toEqual({
      kind: 'WEBHOOK',
      defaultBaseUrl: null,
      defaultSeverityMap: [],
    });
    // since defaults to one year ago
    const since = new Date(made.pd.since).getTime();
    const yearAgo = new Date(before);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    expect(Math.abs(since - yearAgo.getTime())).toBeLessThan(60_000);
    expect(made.iio).toMatchObject({
      baseUrl: 'https://api.incident.io',
      hasToken: true,
      hasWebhookSecret: true,
      syncEveryMinutes: 15,
      since: '2025-01-01T00:00:00.000Z',
      severityMap: [{ from: 'Critical', to: 'SEV1' }],
      defaultSeverity: 'SEV4',
      createMissing: false,
      private: true,
      timestampNames: { started: ['Impact started'], resolved: ['Resolved'] },
    });
    expect(made.sp).toMatchObject({ baseUrl: 'https://status.example.com', hasToken: false });
    expect(made.hook).toMatchObject({ baseUrl: null, hasToken: false, hasWebhookSecret: true, syncEveryMinutes: 0 });

    const listed = (await t.ok(LIST, {}, admin)).sources;
    expect(listed.map((s: { name: string }) => s.name)).toEqual(['incident.io', 'PagerDuty', 'Pushed', 'Status']);
    noSecretIn(listed);

    // the columns hold sealed text that opens to the secret with the configured key, and not with another
    const rows = await t.db.query(`SELECT id, token_sealed, webhook_secret_sealed, settings FROM source ORDER BY id`);
    noSecretIn(rows);
    const pdRow = rows.find((r: { id: number }) => String(r.id) === made.pd.id);
    expect(pdRow.token_sealed).toMatch(/^v1:/);
    expect(new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: KEY })).open(pdRow.token_sealed)).toBe(PD_TOKEN);
    expect(() =>
      new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: 'some other key, long enough' })).open(pdRow.token_sealed),
    ).toThrow(/HINDSIGHT_SECRET_KEY/);
    const hookRow = rows.find((r: { id: number }) => String(r.id) === made.hook.id);
    expect(new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: KEY })).open(hookRow.webhook_secret_sealed)).toBe(
      HOOK_SECRET,
    );

    // the audit log records the settings, never the secrets
    const audit = await t.ok(`{ auditLog(first:20){ edges{ node{ action entityType entityId changes } } } }`, {}, admin);
    const entries = audit.auditLog.edges.map((e: { node: unknown }) => e.node);
    expect(entries.filter((e: { action: string }) => e.action === 'source.create')).toHaveLength(4);
    expect(entries.find((e: { entityId: string }) => e.entityId === made.pd.id).changes).toMatchObject({
      kind: 'PAGERDUTY',
      name: 'PagerDuty',
      hasToken: true,
    });
    noSecretIn(entries);
  });

  it('updates: token omitted keeps it, a new one replaces it, "" removes it where allowed; pause; rename; version', async () => {
    const s = (
      await t.ok(
        CREATE,
        { i: { kind: 'STATUSPAGE', name: 'Vendor status', baseUrl: 'https://vendor.example.com', token: PD_TOKEN, teamId } },
        admin,
      )
    ).createSource;
    const kept = (await t.ok(UPDATE, { id: s.id, i: { name: 'Vendor status page', enabled: false, teamId: otherTeamId } }, admin))
      .updateSource;
    expect(kept).toMatchObject({ name: 'Vendor status page', enabled: false, hasToken: true, version: 2, team: { name: 'Payments' } });
    const replaced = (await t.ok(UPDATE, { id: s.id, i: { token: ' replacement-token-0004\n', expectedVersion: 2 } }, admin)).updateSource;
    expect(replaced).toMatchObject({ hasToken: true, version: 3 });
    const [row] = await t.db.query(`SELECT token_sealed FROM source WHERE id = $1`, [s.id]);
    expect(new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: KEY })).open(row.token_sealed)).toBe(
      'replacement-token-0004',
    );
    const cleared = (await t.ok(UPDATE, { id: s.id, i: { token: '' } }, admin)).updateSource;
    expect(cleared).toMatchObject({ hasToken: false, version: 4 });
    expect((await t.db.query(`SELECT token_sealed FROM source WHERE id = $1`, [s.id]))[0].token_sealed).toBeNull();

    const stale = await t.gql(UPDATE, { id: s.id, i: { name: 'Stale', expectedVersion: 3 } }, admin);
    expect(code(stale)).toBe('CONFLICT');
    expect(fields(stale)).toEqual(['expectedVersion']);

    // PagerDuty needs its token: "" is refused, naming token
    const pdId = (await t.ok(LIST, {}, admin)).sources.find((x: { name: string }) => x.name === 'PagerDuty').id;
    const noToken = await t.gql(UPDATE, { id: pdId, i: { token: '' } }, admin);
    expect(code(noToken)).toBe('BAD_USER_INPUT');
    expect(fields(noToken)).toEqual(['token']);
    const taken = await t.gql(UPDATE, { id: s.id, i: { name: 'pagerduty' } }, admin);
    expect(code(taken)).toBe('CONFLICT');
    expect(fields(taken)).toEqual(['name']);

    const audit = await t.ok(`{ auditLog(first:10){ edges{ node{ action entityId changes } } } }`, {}, admin);
    const updates = audit.auditLog.edges.map((e: { node: any }) => e.node).filter((e: any) => e.action === 'source.update');
    expect(updates.map((e: any) => e.changes)).toContainEqual({ hasToken: { before: true, after: false } });
    expect(updates.map((e: any) => e.changes)).toContainEqual({ token: 'replaced' });
    noSecretIn(updates);
  });

  it('deleting stops listing the source, keeps the row and its incidents, and frees the name', async () => {
    const s = (await t.ok(CREATE, { i: { kind: 'WEBHOOK', name: 'Short-lived', webhookSecret: HOOK_SECRET, teamId } }, admin)).createSource;
    const [svc] = await t.db.query(`INSERT INTO service (name, team_id) VALUES ('Pushed service', $1) RETURNING id`, [teamId]);
    const [inc] = await t.db.query(
      `INSERT INTO incident (title, severity, team_id, started_at, source, external_id, source_id)
       VALUES ('Pushed incident', 'SEV2', $1, '2026-01-01T00:00:00Z', $2, 'ext-1', $3) RETURNING id`,
      [teamId, `webhook:${s.id}`, s.id],
    );
    await t.db.query(`INSERT INTO incident_service (incident_id, service_id) VALUES ($1, $2)`, [inc.id, svc.id]);
    expect((await t.ok(`mutation($id:ID!){ deleteSource(id:$id) }`, { id: s.id }, admin)).deleteSource).toBe(true);
    expect((await t.ok(LIST, {}, admin)).sources.map((x: { name: string }) => x.name)).not.toContain('Short-lived');
    expect(code(await t.gql(`query($id:ID!){ source(id:$id){ id } }`, { id: s.id }, admin))).toBe('NOT_FOUND');
    expect(code(await t.gql(`mutation($id:ID!){ deleteSource(id:$id) }`, { id: s.id }, admin))).toBe('NOT_FOUND');
    expect(code(await t.gql(UPDATE, { id: s.id, i: { name: 'Back' } }, admin))).toBe('NOT_FOUND');
    const [row] = await t.db.query(`SELECT deleted_at, enabled FROM source WHERE id = $1`, [s.id]);
    expect(row.deleted_at).not.toBeNull();
    expect(row.enabled).toBe(false);
    const incident = await t.ok(
      `query($id:ID!){ incident(id:$id){ title syncedFrom { id kind name deleted } } }`,
      { id: String(inc.id) },
      admin,
    );
    expect(incident.incident).toEqual({
      title: 'Pushed incident',
      syncedFrom: { id: s.id, kind: 'WEBHOOK', name: 'Short-lived', deleted: true },
    });
    const again = (await t.ok(CREATE, { i: { kind: 'WEBHOOK', name: 'short-lived', webhookSecret: HOOK_SECRET, teamId } }, admin))
      .createSource;
    expect(again.id).not.toBe(s.id);
  });

  it('only admins through a session or an ADMIN-scoped token manage sources', async () => {
    await t.ok(
      `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
      { i: { email: 'resp@example.com', password: PASSWORD, role: 'RESPONDER', teamIds: [teamId] } },
      admin,
    );
    await t.ok(
      `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
      { i: { email: 'view@example.com', password: PASSWORD, role: 'VIEWER', teamIds: [teamId] } },
      admin,
    );
    const responder = await t.login('resp@example.com', PASSWORD);
    const viewer = await t.login('view@example.com', PASSWORD);
    const tokenWith = async (scopes: string[]) =>
      (
        await t.ok(
          `mutation($s:[ApiTokenScope!]!){ createApiToken(input:{name:"bot-${scopes.join('-')}", scopes:$s}){ token } }`,
          { s: scopes },
          admin,
        )
      ).createApiToken.token as string;
    const readWrite = await tokenWith(['READ', 'WRITE', 'IMPORT']);
    const adminScoped = await tokenWith(['ADMIN']);
    const anId = (await t.ok(LIST, {}, admin)).sources[0].id;
    const operations: Array<[string, string, Record<string, unknown>]> = [
      ['sources', `{ sources { id } }`, {}],
      ['sourceKinds', `{ sourceKinds { kind } }`, {}],
      ['source', `query($id:ID!){ source(id:$id){ id } }`, { id: anId }],
      ['createSource', CREATE, { i: { kind: 'STATUSPAGE', name: 'Sneaky', baseUrl: 'https://s.example.com', teamId } }],
      ['updateSource', UPDATE, { id: anId, i: { name: 'Sneaky' } }],
      ['deleteSource', `mutation($id:ID!){ deleteSource(id:$id) }`, { id: anId }],
      ['testSourceConnection', TEST, { id: anId }],
    ];
    for (const [name, query, vars] of operations) {
      for (const [who, cred] of [
        ['responder', responder],
        ['viewer', viewer],
        ['admin token without ADMIN scope', readWrite],
      ]) {
        const r = await t.gql(query, vars, cred);
        expect([name, who, code(r)]).toEqual([name, who, 'FORBIDDEN']);
      }
    }
    expect(code(await t.gql(`{ sources { id } }`, {}))).toBe('UNAUTHENTICATED');
    expect((await t.ok(`{ sources { id } }`, {}, adminScoped)).sources.length).toBeGreaterThan(0);
    expect((await t.ok(LIST, {}, admin)).sources.map((s: { name: string }) => s.name)).not.toContain('Sneaky');
  });

  it('refuses invalid settings with BAD_USER_INPUT naming the field', async () => {
    const base = { kind: 'PAGERDUTY', name: 'Invalid one', token: 'tok', teamId };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['blank name', { ...base, name: '   ' }, 'name'],
      ['long name', { ...base, name: 'x'.repeat(201) }, 'name'],
      ['ftp URL', { ...base, baseUrl: 'ftp://api.pagerduty.com' }, 'baseUrl'],
      ['not a URL', { ...base, baseUrl: 'pagerduty' }, 'baseUrl'],
      ['credentials in the URL', { ...base, baseUrl: 'https://user:pw@api.pagerduty.com' }, 'baseUrl'],
      ['long URL', { ...base, baseUrl: `https://example.com/${'a'.repeat(2000)}` }, 'baseUrl'],
      [
        'webhook with a base URL',
        { kind: 'WEBHOOK', name: 'W', webhookSecret: HOOK_SECRET, teamId, baseUrl: 'https://x.example.com' },
        'baseUrl',
      ],
      ['status page without a base URL', { kind: 'STATUSPAGE', name: 'S', teamId }, 'baseUrl'],
      ['PagerDuty without a token', { ...base, token: undefined }, 'token'],
      ['incident.io with an empty token', { ...base, kind: 'INCIDENT_IO', token: '' }, 'token'],
      ['webhook without a secret', { kind: 'WEBHOOK', name: 'W', teamId }, 'webhookSecret'],
      ['short webhook secret', { kind: 'WEBHOOK', name: 'W', teamId, webhookSecret: 'short' }, 'webhookSecret'],
      ['unknown team', { ...base, teamId: '999999' }, 'teamId'],
      ['negative schedule', { ...base, syncEveryMinutes: -1 }, 'syncEveryMinutes'],
      ['schedule over a week', { ...base, syncEveryMinutes: 10081 }, 'syncEveryMinutes'],
      ['since in the future', { ...base, since: new Date(Date.now() + 86_400_000).toISOString() }, 'since'],
      [
        'duplicate severity key',
        {
          ...base,
          severityMap: [
            { from: 'P1', to: 'SEV1' },
            { from: ' p1', to: 'SEV2' },
          ],
        },
        'severityMap',
      ],
      ['long severity key', { ...base, severityMap: [{ from: 'x'.repeat(201), to: 'SEV1' }] }, 'severityMap.0.from'],
      [
        '101 severity entries',
        { ...base, severityMap: Array.from({ length: 101 }, (_, n) => ({ from: `v${n}`, to: 'SEV1' })) },
        'severityMap',
      ],
      ['timestamp names for PagerDuty', { ...base, timestampNames: { started: ['Impact started'] } }, 'timestampNames'],
    ];
    for (const [what, input, field] of cases) {
      const r = await t.gql(CREATE, { i: input }, admin);
      expect([what, code(r), fields(r)]).toEqual([what, 'BAD_USER_INPUT', [field]]);
    }
    const dup = await t.gql(CREATE, { i: { ...base, name: 'PAGERDUTY' } }, admin);
    expect([code(dup), fields(dup)]).toEqual(['CONFLICT', ['name']]);
    expect((await t.ok(LIST, {}, admin)).sources.map((s: { name: string }) => s.name)).not.toContain('Invalid one');
  });

  it('tests a connection against the vendor, saved or not, and says why it failed without showing the token', async () => {
    const right = await t.ok(TEST, { i: { kind: 'PAGERDUTY', baseUrl: pd.url, token: PD_TOKEN } }, admin);
    expect(right.testSourceConnection.ok).toBe(true);
    const wrong = await t.ok(TEST, { i: { kind: 'PAGERDUTY', baseUrl: pd.url, token: 'wrong-token-xyz' } }, admin);
    expect(wrong.testSourceConnection.ok).toBe(false);
    expect(wrong.testSourceConnection.message).toMatch(/token|401|unauthori[sz]ed|refused/i);
    expect(wrong.testSourceConnection.message).not.toContain('wrong-token-xyz');

    const saved = (await t.ok(CREATE, { i: { kind: 'PAGERDUTY', name: 'PD stand-in', baseUrl: pd.url, token: PD_TOKEN, teamId } }, admin))
      .createSource;
    expect((await t.ok(TEST, { id: saved.id }, admin)).testSourceConnection.ok).toBe(true);
    // a token typed into the edit form is tried instead of the stored one
    expect((await t.ok(TEST, { id: saved.id, i: { token: 'typo-token' } }, admin)).testSourceConnection.ok).toBe(false);
    // a token stored under another key cannot be opened: the test says so, naming the variable; a typed token still works
    const foreign = new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: 'the key of another installation' })).seal(
      PD_TOKEN,
    );
    await t.db.query(`UPDATE source SET token_sealed = $2 WHERE id = $1`, [saved.id, foreign]);
    const unreadable = await t.gql(TEST, { id: saved.id }, admin);
    expect([code(unreadable), fields(unreadable)]).toEqual(['BAD_USER_INPUT', ['token']]);
    expect(unreadable.errors![0].message).toMatch(/HINDSIGHT_SECRET_KEY/);
    expect((await t.ok(TEST, { id: saved.id, i: { token: PD_TOKEN } }, admin)).testSourceConnection.ok).toBe(true);
    const down = await t.ok(TEST, { i: { kind: 'STATUSPAGE', baseUrl: 'http://127.0.0.1:9' } }, admin);
    expect(down.testSourceConnection.ok).toBe(false);
    const webhook = await t.ok(TEST, { i: { kind: 'WEBHOOK' } }, admin);
    expect(webhook.testSourceConnection.ok).toBe(true);
    const noKind = await t.gql(TEST, { i: { token: 'x' } }, admin);
    expect([code(noKind), fields(noKind)]).toEqual(['BAD_USER_INPUT', ['kind']]);
  });
});

describe('sources without HINDSIGHT_SECRET_KEY on a PostgreSQL server', () => {
  let t: TestApp;
  let admin: string;
  let teamId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    teamId = (await t.ok(`mutation{ createTeam(input:{name:"Platform"}){ id } }`, {}, admin)).createTeam.id;
  });
  afterAll(() => t.close());

  it('starts; a source with a secret is refused naming HINDSIGHT_SECRET_KEY, one without is created', async () => {
    const r = await t.gql(CREATE, { i: { kind: 'PAGERDUTY', name: 'PD', token: PD_TOKEN, teamId } }, admin);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(fields(r)).toEqual(['token']);
    expect(r.errors![0].message).toMatch(/HINDSIGHT_SECRET_KEY/);
    const hook = await t.gql(CREATE, { i: { kind: 'WEBHOOK', name: 'Hook', webhookSecret: HOOK_SECRET, teamId } }, admin);
    expect([code(hook), fields(hook)]).toEqual(['BAD_USER_INPUT', ['webhookSecret']]);
    const sp = await t.ok(CREATE, { i: { kind: 'STATUSPAGE', name: 'Status', baseUrl: 'https://status.example.com', teamId } }, admin);
    expect(sp.createSource).toMatchObject({ hasToken: false });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM source`)).toEqual([{ n: 1 }]);
  });
});
