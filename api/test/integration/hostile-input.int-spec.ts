import fc from 'fast-check';
import { startTestApp, TestApp } from '../harness';

/**
 * Fuzz-style: a few hundred generated hostile inputs (odd Unicode, NUL, lone surrogates, huge strings, wrong
 * types, bad ids and cursors, malformed bodies) sent to every mutation and to the upload endpoint. Whatever is
 * sent, the server never answers 5xx or INTERNAL_SERVER_ERROR, a refused request changes nothing in the
 * database, and an accepted one stores exactly what it was sent. Deterministic: fixed seeds.
 */
const SEED = 20261206;

// the domain tables a mutation may write (sessions, throttling and rollup caches are left out: they change on
// their own schedule, not as the stored outcome of a write)
const DOMAIN_TABLES = [
  'team',
  'service',
  'service_redundancy',
  'incident',
  'incident_service',
  'incident_cause',
  'redundancy_assessment',
  'timeline_event',
  'action_item',
  'root_cause',
  'redundancy_mechanism',
  'app_user',
  'user_team',
  'api_token',
  'audit_entry',
];
const FINGERPRINT = `SELECT ${DOMAIN_TABLES.map(
  (t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`,
).join(', ')}`;

const CURATED: unknown[] = [
  '',
  ' ',
  '   \t  ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\u202Eevil\u202C',
  '\uFEFF\u200B',
  'e\u0301\u0301\u0301',
  '🔥'.repeat(2000),
  'a'.repeat(100_000),
  '=HYPERLINK("http://attacker.example","x")',
  '+1',
  '-2',
  '@SUM(A1)',
  "'; DROP TABLE incident; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00%ff',
  'abc',
  '1e3',
  '-1',
  '0',
  '0x10',
  '9'.repeat(24),
  '1.5',
  'NaN',
  'Infinity',
  '2026-13-45T99:00:00Z',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '2026-01-01',
  'not a date',
  Buffer.from('{"o":"1"}').toString('base64'),
  Buffer.from('incident:99999999999999999999').toString('base64'),
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  false,
  null,
  {},
  { $ne: null },
  [],
  [null],
  ['1', 'abc'],
  Array.from({ length: 2000 }, () => '1'),
];

/** Hostile values: the curated list above, mixed with generated Unicode, numbers and shapes. */
function hostileValues(count: number, seed: number): unknown[] {
  const arb = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...CURATED) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map((s) => s + '\u0000' + s) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  return fc.sample(arb, { seed, numRuns: count });
}

type Vars = Record<string, unknown>;
interface MutationCase {
  name: string;
  doc: string;
  /** Valid variables (fresh names, current versions), to be spoiled in one place. */
  vars(): Promise<Vars>;
  /** Where an accepted call stores its text field, read back to compare with what was sent. */
  stored?: { field: string; table: string };
}

/** Every leaf of a variables object, as paths. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leaves(v, [...path, i])) : [path];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leaves(v, [...path, k])) : [path];
  }
  return [path];
}

function setAt(target: any, path: (string | number)[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
}

describe('hostile input to every mutation and to the upload (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const problems: string[] = [];
  let seq = 0;

  const fingerprint = async () => JSON.stringify((await t.db.query(FINGERPRINT))[0]);
  const version = async (table: string, id: string) => (await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;
  const unique = (prefix: string) => `${prefix} ${++seq}`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    const team = await t.ok(`mutation { createTeam(input: { name: "Fuzz team" }) { id } }`, {}, admin);
    ids.team = team.createTeam.id;
    const svc = await t.ok(
      `mutation($t: ID!) { createService(input: { name: "Fuzz service", teamId: $t, slo: 99.9 }) { id } }`,
      { t: ids.team },
      admin,
    );
    ids.service = svc.createService.id;
    // the uploads name their service, which the mutation fuzzing renames: they get one of their own
    await t.ok(`mutation($t: ID!) { createService(input: { name: "Upload service", teamId: $t }) { id } }`, { t: ids.team }, admin);
    const inc = await t.ok(
      `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id } }`,
      { i: { title: 'Fuzz target', severity: 'SEV2', serviceIds: [ids.service], teamId: ids.team, startedAt: '2026-05-01T10:00:00Z' } },
      admin,
    );
    ids.incident = inc.createIncident.id;
    const causes = await t.ok(`{ rootCauses { id parent { id } } }`, {}, admin);
    ids.category = causes.rootCauses.find((c: any) => !c.parent).id;
    ids.cause = causes.rootCauses.find((c: any) => c.parent).id;
    const mech = await t.ok(`{ redundancyMechanisms { id } }`, {}, admin);
    ids.mechanism = mech.redundancyMechanisms[0].id;
    const ai = await t.ok(
      `mutation($i: ID!) { createActionItem(input: { incidentId: $i, title: "Fuzz item" }) { id } }`,
      { i: ids.incident },
      admin,
    );
    ids.actionItem = ai.createActionItem.id;
    const user = await t.ok(
      `mutation($t: [ID!]) { createUser(input: { email: "fuzz-user@example.com", password: "Fuzz-User-Password-1", role: RESPONDER, teamIds: $t }) { id } }`,
      { t: [ids.team] },
      admin,
    );
    ids.user = user.createUser.id;
    const rc = await t.ok(
      `mutation($p: ID) { createRootCause(input: { name: "Fuzz cause", parentId: $p }) { id } }`,
      { p: ids.category },
      admin,
    );
    ids.rootCause = rc.createRootCause.id;
  });
  afterAll(() => t.close());
  beforeEach(() => (problems.length = 0));

  const cases: MutationCase[] = [
    {
      name: 'createIncident',
      doc: `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id title } }`,
      stored: { field: 'title', table: 'incident' },
      vars: async () => ({
        input: {
          title: unique('Fuzz incident'),
          summary: 'A summary',
          severity: 'SEV3',
          serviceIds: [ids.service],
          teamId: ids.team,
          startedAt: '2026-06-01T10:00:00.000Z',
          detectedAt: '2026-06-01T10:05:00.000Z',
          resolvedAt: '2026-06-01T11:00:00.000Z',
          regions: ['eu-west-1'],
          customerImpact: 'Some users',
          affectedUsersPercent: 12.5,
          primaryCauseId: ids.cause,
          contributingCauseIds: [ids.category],
          private: false,
        },
      }),
    },
    {
      name: 'updateIncident',
      doc: `mutation($id: ID!, $input: UpdateIncidentInput!) { updateIncident(id: $id, input: $input) { id title } }`,
      stored: { field: 'title', table: 'incident' },
      vars: async () => ({
        id: ids.incident,
        input: {
          expectedVersion: await version('incident', ids.incident),
          title: unique('Fuzz target'),
          summary: 'Edited',
          severity: 'SEV1',
        },
      }),
    },
    {
      name: 'createTeam',
      doc: `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id name } }`,
      stored: { field: 'name', table: 'team' },
      vars: async () => ({ input: { name: unique('Team') } }),
    },
    {
      name: 'updateTeam',
      doc: `mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id name } }`,
      stored: { field: 'name', table: 'team' },
      vars: async () => ({ id: ids.team, input: { expectedVersion: await version('team', ids.team), name: unique('Fuzz team') } }),
    },
    {
      name: 'createService',
      doc: `mutation($input: CreateServiceInput!) { createService(input: $input) { id name } }`,
      stored: { field: 'name', table: 'service' },
      vars: async () => ({
        input: { name: unique('Service'), teamId: ids.team, slo: 99.5, description: 'd', redundancyIds: [ids.mechanism] },
      }),
    },
    {
      name: 'updateService',
      doc: `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id name } }`,
      stored: { field: 'name', table: 'service' },
      vars: async () => ({ id: ids.service, input: { name: unique('Fuzz service'), slo: 99.95, description: 'd2' } }),
    },
    {
      name: 'createRootCause',
      doc: `mutation($input: CreateRootCauseInput!) { createRootCause(input: $input) { id name } }`,
      stored: { field: 'name', table: 'root_cause' },
      vars: async () => ({ input: { name: unique('Cause'), parentId: ids.category, description: 'x' } }),
    },
    {
      name: 'updateRootCause',
      doc: `mutation($id: ID!, $input: UpdateRootCauseInput!) { updateRootCause(id: $id, input: $input) { id name } }`,
      stored: { field: 'name', table: 'root_cause' },
      vars: async () => ({ id: ids.rootCause, input: { name: unique('Fuzz cause'), description: 'y' } }),
    },
    {
      name: 'deleteRootCause',
      doc: `mutation($id: ID!) { deleteRootCause(id: $id) { id } }`,
      vars: async () => {
        const made = await t.ok(
          `mutation($p: ID) { createRootCause(input: { name: "${unique('Doomed')}", parentId: $p }) { id } }`,
          { p: ids.category },
          admin,
        );
        return { id: made.createRootCause.id };
      },
    },
    {
      name: 'createRedundancyMechanism',
      doc: `mutation($input: CreateRedundancyMechanismInput!) { createRedundancyMechanism(input: $input) { id name } }`,
      stored: { field: 'name', table: 'redundancy_mechanism' },
      vars: async () => ({ input: { name: unique('Mechanism'), description: 'm' } }),
    },
    {
      name: 'retireRedundancyMechanism',
      doc: `mutation($id: ID!) { retireRedundancyMechanism(id: $id) { id } }`,
      vars: async () => {
        const made = await t.ok(`mutation { createRedundancyMechanism(input: { name: "${unique('Retired')}" }) { id } }`, {}, admin);
        return { id: made.createRedundancyMechanism.id };
      },
    },
    {
      name: 'assessRedundancy',
      doc: `mutation($input: AssessRedundancyInput!) { assessRedundancy(input: $input) { id } }`,
      vars: async () => ({ input: { incidentId: ids.incident, mechanismId: ids.mechanism, outcome: 'MISSING', notes: unique('notes') } }),
    },
    {
      name: 'addTimelineEvent',
      doc: `mutation($input: AddTimelineEventInput!) { addTimelineEvent(input: $input) { id message } }`,
      stored: { field: 'message', table: 'timeline_event' },
      vars: async () => ({ input: { incidentId: ids.incident, at: '2026-05-01T10:30:00Z', kind: 'note', message: unique('Paged') } }),
    },
    {
      name: 'reviewCause',
      doc: `mutation($causeId: ID!, $incidentId: ID!, $state: TagState!) { reviewCause(causeId: $causeId, incidentId: $incidentId, state: $state) { id } }`,
      vars: async () => ({ causeId: ids.cause, incidentId: ids.incident, state: 'CONFIRMED' }),
    },
    {
      name: 'createActionItem',
      doc: `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id title } }`,
      stored: { field: 'title', table: 'action_item' },
      vars: async () => ({
        input: {
          incidentId: ids.incident,
          title: unique('Item'),
          type: 'PREVENT',
          dueDate: '2026-12-31',
          ownerId: ids.user,
          causeId: ids.cause,
          mechanismId: ids.mechanism,
        },
      }),
    },
    {
      name: 'updateActionItem',
      doc: `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { id title } }`,
      stored: { field: 'title', table: 'action_item' },
      vars: async () => ({
        id: ids.actionItem,
        input: {
          expectedVersion: await version('action_item', ids.actionItem),
          title: unique('Fuzz item'),
          status: 'IN_PROGRESS',
          dueDate: '2027-01-15',
        },
      }),
    },
    {
      name: 'createUser',
      doc: `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`,
      stored: { field: 'email', table: 'app_user' },
      vars: async () => ({
        input: {
          email: `${unique('u').replace(' ', '-')}@example.com`,
          password: 'A-Long-Password-2026',
          role: 'VIEWER',
          name: 'N',
          teamIds: [ids.team],
        },
      }),
    },
    {
      name: 'updateUser',
      doc: `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name } }`,
      stored: { field: 'name', table: 'app_user' },
      vars: async () => ({
        id: ids.user,
        input: { expectedVersion: await version('app_user', ids.user), name: unique('Fuzz user'), role: 'RESPONDER', teamIds: [ids.team] },
      }),
    },
    {
      name: 'createApiToken',
      doc: `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      vars: async () => ({ input: { name: unique('token'), scopes: ['READ'] } }),
    },
    {
      name: 'revokeApiToken',
      doc: `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`,
      vars: async () => {
        await t.ok(`mutation { createApiToken(input: { name: "${unique('doomed token')}", scopes: [READ] }) { token } }`, {}, admin);
        const [row] = await t.db.query(`SELECT id FROM api_token WHERE revoked_at IS NULL ORDER BY id DESC LIMIT 1`);
        return { id: String(row.id) };
      },
    },
    {
      name: 'importIncidents',
      doc: `mutation($input: ImportIncidentsInput!) { importIncidents(input: $input) { created errorCount } }`,
      vars: async () => ({
        input: {
          format: 'CSV',
          content: `external_id,title,service,severity,started_at\nfz-${++seq},Imported ${seq},Upload service,SEV3,2026-04-01T00:00:00Z\n`,
          onInvalid: 'REJECT_ALL',
          createMissing: false,
          dryRun: false,
        },
      }),
    },
    {
      name: 'changePassword',
      doc: `mutation($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`,
      // never the real password: a stray success would lock the test out
      vars: async () => ({ currentPassword: 'not-the-password-at-all', newPassword: 'Another-Long-Password-1' }),
    },
    {
      name: 'login',
      doc: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      vars: async () => ({ email: 'nobody@example.com', password: 'wrong-password-123' }),
    },
    {
      name: 'completeSetup',
      doc: `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { token } }`,
      vars: async () => ({ input: { email: 'setup@example.com', password: 'Setup-Password-2026' } }),
    },
  ];

  /** Sends one request and records anything that breaks the contract. Returns the parsed answer. */
  const send = async (label: string, body: string, token = admin) => {
    const before = await fingerprint();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await res.text();
    // an answer of the GraphQL pipeline is the reader's own: no browser or proxy keeps it
    if (res.status === 200 && res.headers.get('cache-control') !== 'no-store') {
      problems.push(`${label}: Cache-Control ${res.headers.get('cache-control')}`);
    }
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`${label}: HTTP ${res.status} answered non-JSON: ${text.slice(0, 120)}`);
      return { status: res.status, json: undefined };
    }
    const codes: string[] = (json.errors ?? []).map((e: any) => e.extensions?.code);
    if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
      problems.push(`${label}: HTTP ${res.status} ${JSON.stringify(json.errors?.[0]?.message ?? '').slice(0, 160)}`);
    }
    if (json.errors?.length && !json.data) {
      if ((await fingerprint()) !== before) problems.push(`${label}: refused (${codes.join(',')}) but the database changed`);
    }
    return { status: res.status, json };
  };

  it('answers every mutation with 2xx/4xx, never INTERNAL_SERVER_ERROR, and refusals store nothing', async () => {
    const values = hostileValues(cases.length * 12, SEED);
    const pick = fc.sample(fc.nat(), { seed: SEED + 1, numRuns: values.length });
    for (let i = 0; i < values.length; i++) {
      const c = cases[i % cases.length];
      const vars = await c.vars();
      const paths = leaves(vars);
      const path = paths[pick[i] % paths.length];
      const hostile = values[i];
      // one leaf in four is spoiled by removing it or by an unknown sibling, the rest by a hostile value
      let placed = false;
      if (pick[i] % 13 === 0) setAt(vars, path, undefined);
      else if (pick[i] % 17 === 0 && path.length > 1) setAt(vars, [...path.slice(0, -1), 'unknownField'], hostile);
      else {
        setAt(vars, path, hostile);
        placed = true;
      }
      const label = `${c.name} ${path.join('.')}=${JSON.stringify(hostile)?.slice(0, 60)}`;
      const { json } = await send(label, JSON.stringify({ query: c.doc, variables: vars }));
      const answer = json?.data?.[c.name];
      // an accepted write stored exactly what was sent (read back from the database, not the answer)
      if (answer && placed && c.stored && path[path.length - 1] === c.stored.field && typeof hostile === 'string') {
        const [row] = await t.db.query(`SELECT ${c.stored.field} AS v FROM ${c.stored.table} WHERE id = $1`, [answer.id]);
        if (row?.v !== hostile) problems.push(`${label}: accepted, but stored ${JSON.stringify(row?.v)?.slice(0, 60)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('answers malformed GraphQL bodies, ids and cursors with 4xx', async () => {
    const bodies = [
      '',
      'not json',
      '{"query": 5}',
      '{"query": "{ incidents { totalCount } }", "variables": "nope"}',
      '{"query": "{ incidents { totalCount } }", "variables": [1,2]}',
      '[]',
      'null',
      '{"query": "mutation { createTeam(input: { name: \\"\\u0000\\" }) { id } }"}',
      JSON.stringify({ query: `{ incident(id: "abc") { id } }` }),
      JSON.stringify({ query: `{ incident(id: "${'9'.repeat(24)}") { id } }` }),
      JSON.stringify({ query: `{ incident(id: "-1") { id } }` }),
      JSON.stringify({ query: `{ incidents(first: 5, after: "garbage") { totalCount } }` }),
      JSON.stringify({ query: `{ incidents(first: 5, after: "${Buffer.from('{"id":"x"}').toString('base64')}") { totalCount } }` }),
      JSON.stringify({ query: `{ incidents(first: -5) { totalCount } }` }),
      JSON.stringify({ query: `{ incidents(first: 99999999999) { totalCount } }` }),
      JSON.stringify({ query: `{ auditLog(first: 5, after: "\\u0000") { totalCount } }` }),
      JSON.stringify({ query: '{' + '{'.repeat(5000) }),
      '{"query":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}',
    ];
    for (const [i, body] of bodies.entries()) {
      const { status, json } = await send(`body #${i} ${body.slice(0, 60)}`, body);
      if (status < 400 && !json?.errors) problems.push(`body #${i} ${body.slice(0, 60)}: accepted`);
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('answers every hostile upload with 2xx/4xx, and stores exactly what a 200 reports', async () => {
    const upload = async (label: string, body: string | Buffer, query: string, contentType: string) => {
      const before = await fingerprint();
      const [{ n: incidentsBefore }] = await t.db.query(`SELECT count(*)::int AS n FROM incident`);
      const res = await fetch(`${t.url}/api/import?${query}`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${admin}` },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
      const text = await res.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        problems.push(`${label}: HTTP ${res.status} non-JSON ${text.slice(0, 80)}`);
      }
      if (res.status >= 500) problems.push(`${label}: HTTP ${res.status} ${text.slice(0, 160)}`);
      const [{ n: incidentsAfter }] = await t.db.query(`SELECT count(*)::int AS n FROM incident`);
      if (res.status !== 200 && (await fingerprint()) !== before)
        problems.push(`${label}: refused with ${res.status} but the database changed`);
      const dryRun = /dryRun=true/.test(query);
      if (res.status === 200 && dryRun && (await fingerprint()) !== before) problems.push(`${label}: a dry run changed the database`);
      if (res.status === 200 && !dryRun && incidentsAfter - incidentsBefore !== (json?.created ?? 0)) {
        problems.push(`${label}: reported ${json?.created} created, stored ${incidentsAfter - incidentsBefore}`);
      }
    };
    const cells = hostileValues(60, SEED + 2).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    for (const [i, cell] of cells.entries()) {
      const column = ['title', 'service', 'severity', 'started_at', 'summary', 'external_id'][i % 6];
      const row: Record<string, string> = {
        external_id: `up-${i}`,
        title: `Upload ${i}`,
        service: 'Upload service',
        severity: 'SEV3',
        started_at: '2026-03-01T00:00:00Z',
        summary: '',
      };
      row[column] = cell.slice(0, 5000);
      const header = Object.keys(row).join(',');
      const csv = `${header}\n${Object.values(row).map(csvCell).join(',')}\n`;
      const query = i % 3 === 0 ? 'format=CSV&onInvalid=SKIP_ROW' : i % 3 === 1 ? 'format=CSV&dryRun=true' : 'format=CSV';
      await upload(`csv ${column}=${JSON.stringify(cell).slice(0, 50)}`, csv, query, 'text/csv');
    }
    const jsonBodies = hostileValues(20, SEED + 3).map((v) =>
      JSON.stringify([{ title: v, service: 'Upload service', severity: 'SEV3', startedAt: '2026-03-02T00:00:00Z' }]),
    );
    for (const [i, body] of jsonBodies.entries())
      await upload(`json #${i} ${body.slice(0, 50)}`, body, 'format=JSON&onInvalid=SKIP_ROW', 'application/json');
    const boundary = 'fuzzboundary';
    const malformed: [string, string | Buffer, string, string][] = [
      [
        'random bytes',
        Buffer.from(fc.sample(fc.integer({ min: 0, max: 255 }), { seed: SEED + 4, numRuns: 4000 })),
        'format=CSV',
        'application/octet-stream',
      ],
      ['NUL bytes', Buffer.alloc(2048), 'format=CSV', 'text/csv'],
      ['JSON body with format=CSV', '{"a":1}', 'format=CSV', 'application/json'],
      ['broken JSON', '[{"title":', 'format=JSON', 'application/json'],
      ['JSON not an array', '"just a string"', 'format=JSON', 'text/plain'],
      ['statuspage garbage', '{"incidents": 5}', 'format=STATUSPAGE', 'text/plain'],
      ['bad format', 'a,b\n1,2\n', 'format=XLSX', 'text/csv'],
      ['bad flag', 'a,b\n1,2\n', 'format=CSV&dryRun=maybe', 'text/csv'],
      ['bad policy', 'a,b\n1,2\n', 'format=CSV&onInvalid=%00', 'text/csv'],
      ['multipart without boundary', 'x', 'format=CSV', 'multipart/form-data'],
      [
        'multipart truncated after part headers',
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        'format=CSV',
        `multipart/form-data; boundary=${boundary}`,
      ],
      [
        'multipart without file field',
        `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--${boundary}--\r\n`,
        'format=CSV',
        `multipart/form-data; boundary=${boundary}`,
      ],
      ['multipart garbage', 'garbage garbage', 'format=CSV', `multipart/form-data; boundary=${boundary}`],
      ['CSV header only', 'title,service,severity,started_at\n', 'format=CSV', 'text/csv'],
      [
        'CSV unbalanced quotes',
        'title,service,severity,started_at\n"oops,Upload service,SEV3,2026-01-01T00:00:00Z\n',
        'format=CSV',
        'text/csv',
      ],
      ['CSV 5,000 columns', 'title,' + Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\nx\n', 'format=CSV', 'text/csv'],
    ];
    for (const [label, body, query, type] of malformed) await upload(label, body, query, type);
    // and the server is still healthy and still imports a good file
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await upload(
      'a good file',
      `external_id,title,service,severity,started_at\ngood-1,Good,Upload service,SEV3,2026-03-03T00:00:00Z\n`,
      'format=CSV',
      'text/csv',
    );
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM incident WHERE external_id = 'good-1'`);
    expect(n).toBe(1);
    expect(problems).toEqual([]);
  }, 180_000);
  it('answers hostile query strings on the REST endpoints with 2xx/4xx, never a cut connection', async () => {
    const paths = ['/api/export/incidents.csv', '/api/audit/entries.csv', '/api/reports/quarterly'];
    const params = ['search', 'from', 'to', 'teamIds', 'serviceIds', 'severities', 'quarter', 'format', 'first'];
    const values = hostileValues(60, SEED + 5).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
    for (const [i, value] of values.entries()) {
      // percent-encode the UTF-8 bytes ourselves: encodeURIComponent refuses lone surrogates
      const encoded = [...Buffer.from(value.slice(0, 2000), 'utf8')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
      const path = `${paths[i % paths.length]}?${params[i % params.length]}=${i % 7 === 0 ? '%ED%A0%80%FF%00' : encoded}`;
      const label = `GET ${path.slice(0, 80)}`;
      try {
        const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
        const body = Buffer.from(await res.arrayBuffer()); // the whole answer arrives (a cut stream throws here)
        if (res.status >= 500) problems.push(`${label}: HTTP ${res.status} ${body.toString().slice(0, 120)}`);
        if (res.status >= 400 && !/^\{"error":\{"code":"[A-Z_]+"/.test(body.toString()))
          problems.push(`${label}: ${res.status} not in the error shape`);
      } catch (err) {
        problems.push(`${label}: ${(err as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
