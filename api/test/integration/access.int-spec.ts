import { buildIncident } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const CREATE = `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id version } }`;
const UPDATE = `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id version } }`;
const PASSWORD = 'Pass-word-12345';
const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code ?? 'OK';

describe('authorization: roles × teams × private incidents, tokens, hardening', () => {
  let t: TestApp;
  let admin: string;
  const tok: Record<string, string> = {};
  let teamA: string;
  let teamB: string;
  let svcA: string;
  let pub: { id: string; version: number };
  let priv: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    teamA = (await t.ok(`mutation{ createTeam(input:{name:"Team A"}){ id } }`, {}, admin)).createTeam.id;
    teamB = (await t.ok(`mutation{ createTeam(input:{name:"Team B"}){ id } }`, {}, admin)).createTeam.id;
    svcA = (await t.ok(`mutation($t:ID!){ createService(input:{name:"Search", teamId:$t, slo:99.9}){ id } }`, { t: teamA }, admin))
      .createService.id;
    const users: Array<[string, string, string]> = [
      ['ra', 'RESPONDER', teamA],
      ['rb', 'RESPONDER', teamB],
      ['va', 'VIEWER', teamA],
    ];
    for (const [name, role, team] of users) {
      await t.ok(
        `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
        { i: { email: `${name}@example.com`, password: PASSWORD, role, teamIds: [team] } },
        admin,
      );
      tok[name] = await t.login(`${name}@example.com`, PASSWORD);
    }
    tok.admin = admin;
    pub = (await t.ok(CREATE, { i: buildIncident({ serviceIds: [svcA], teamId: teamA, title: 'Index corruption' }) }, tok.ra))
      .createIncident;
    priv = (
      await t.ok(CREATE, { i: buildIncident({ serviceIds: [svcA], teamId: teamA, title: 'Credential leak', private: true }) }, tok.ra)
    ).createIncident;
  });
  afterAll(() => t.close());

  it.each([
    ['admin', 2, 'OK'],
    ['ra', 2, 'OK'],
    ['va', 2, 'OK'],
    ['rb', 1, 'NOT_FOUND'],
  ])('%s sees %i incidents and reading the private one gives %s', async (who, visible, privateRead) => {
    const list = await t.ok(`{ incidents(first:50){ totalCount edges{ node{ id } } } }`, {}, tok[who]);
    expect(list.incidents.totalCount).toBe(visible);
    expect(list.incidents.edges).toHaveLength(visible);
    const byId = await t.gql(`query($id:ID!){ incident(id:$id){ title } }`, { id: priv.id }, tok[who]);
    expect(code(byId)).toBe(privateRead);
    if (privateRead !== 'OK') expect(byId.data?.incident ?? null).toBeNull();
    const search = await t.ok(`{ incidents(filter:{search:"credential"}){ totalCount } }`, {}, tok[who]);
    expect(search.incidents.totalCount).toBe(visible === 2 ? 1 : 0);
  });

  it.each([
    ['admin', 'B', 'OK'],
    ['ra', 'A', 'OK'],
    ['ra', 'B', 'FORBIDDEN'],
    ['rb', 'A', 'FORBIDDEN'],
    ['va', 'A', 'FORBIDDEN'],
  ])('%s creating an incident for team %s → %s', async (who, team, expected) => {
    const r = await t.gql(CREATE, { i: buildIncident({ serviceIds: [svcA], teamId: team === 'A' ? teamA : teamB }) }, tok[who]);
    expect(code(r)).toBe(expected);
  });

  it.each([
    ['rb', 'FORBIDDEN'],
    ['va', 'FORBIDDEN'],
    ['ra', 'OK'],
  ])("%s editing team A's incident → %s", async (who, expected) => {
    const cur = (await t.ok(`query($id:ID!){ incident(id:$id){ version } }`, { id: pub.id }, admin)).incident;
    const r = await t.gql(UPDATE, { id: pub.id, i: { expectedVersion: cur.version, title: `edited by ${who}` } }, tok[who]);
    expect(code(r)).toBe(expected);
  });

  it.each([
    ['createTeam', `mutation{ createTeam(input:{name:"X"}){ id } }`],
    ['auditLog', `{ auditLog(first:5){ totalCount } }`],
    ['createUser', `mutation{ createUser(input:{email:"z@example.com", password:"Pass-word-12345", role:ADMIN}){ id } }`],
  ])('only admins may %s', async (_name, query) => {
    for (const who of ['ra', 'va']) expect(code(await t.gql(query, {}, tok[who]))).toBe('FORBIDDEN');
  });

  it('refuses anonymous and bogus credentials everywhere but login', async () => {
    expect(code(await t.gql(`{ incidents(first:1){ totalCount } }`))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(`{ incidents(first:1){ totalCount } }`, {}, 'hss_bogus'))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(`{ rootCauses { id } }`))).toBe('UNAUTHENTICATED');
  });

  it('narrows API tokens to their scopes, acting as their maker, and revokes them', async () => {
    const made = await t.ok(`mutation{ createApiToken(input:{name:"reader", scopes:[READ]}){ token apiToken{ id } } }`, {}, tok.ra);
    const reader = made.createApiToken.token;
    const asRa = (await t.ok(`{ incidents(first:1){ totalCount } }`, {}, tok.ra)).incidents.totalCount;
    expect((await t.ok(`{ incidents(first:1){ totalCount } }`, {}, reader)).incidents.totalCount).toBe(asRa);
    expect(code(await t.gql(CREATE, { i: buildIncident({ serviceIds: [svcA], teamId: teamA }) }, reader))).toBe('FORBIDDEN');
    const writer = (await t.ok(`mutation{ createApiToken(input:{name:"writer", scopes:[READ, WRITE]}){ token } }`, {}, tok.rb))
      .createApiToken.token;
    expect(code(await t.gql(CREATE, { i: buildIncident({ serviceIds: [svcA], teamId: teamA }) }, writer))).toBe('FORBIDDEN'); // rb is not in team A
    await t.ok(`mutation($id:ID!){ revokeApiToken(id:$id){ revokedAt } }`, { id: made.createApiToken.apiToken.id }, tok.ra);
    expect(code(await t.gql(`{ incidents(first:1){ totalCount } }`, {}, reader))).toBe('UNAUTHENTICATED');
    const audit = await t.ok(`{ auditLog(first:100){ edges{ node{ action actor entityType } } } }`, {}, admin);
    expect(audit.auditLog.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([{ action: 'apiToken.revoke', actor: 'ra@example.com', entityType: 'ApiToken' }]),
    );
  });

  it('records every change in the audit log with actor and before/after', async () => {
    const cur = (await t.ok(`query($id:ID!){ incident(id:$id){ version title } }`, { id: pub.id }, admin)).incident;
    await t.ok(UPDATE, { id: pub.id, i: { expectedVersion: cur.version, severity: 'SEV1' } }, tok.ra);
    const log = await t.ok(`{ auditLog(first:5){ edges{ node{ action actor entityType entityId changes } } } }`, {}, admin);
    expect(log.auditLog.edges[0].node).toEqual({
      action: 'incident.update',
      actor: 'ra@example.com',
      entityType: 'Incident',
      entityId: pub.id,
      changes: { severity: { before: 'SEV2', after: 'SEV1' } },
    });
    const created = await t.ok(`{ auditLog(first:100){ edges{ node{ action entityId } } } }`, {}, admin);
    expect(created.auditLog.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([{ action: 'incident.create', entityId: priv.id }]),
    );
  });

  it('exports the audit log as CSV for admins only', async () => {
    const get = (token: string) => fetch(`${t.url}/api/audit/entries.csv`, { headers: { authorization: `Bearer ${token}` } });
    const res = await get(admin);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('id,at,actor,action,entity_type,entity_id,changes');
    expect(lines.some((l) => l.includes(`incident.create,Incident,${priv.id},`))).toBe(true);
    expect((await get(tok.ra)).status).toBe(403);
    expect((await fetch(`${t.url}/api/audit/entries.csv`)).status).toBe(401);
  });

  it('ends a session on logout', async () => {
    const s = await t.login('va@example.com', PASSWORD);
    expect(await t.ok(`mutation{ logout }`, {}, s)).toEqual({ logout: true });
    expect(code(await t.gql(`{ teams { id } }`, {}, s))).toBe('UNAUTHENTICATED');
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    await t.ok(
      `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
      { i: { email: 'pw@example.com', password: PASSWORD, role: 'VIEWER' } },
      admin,
    );
    const s1 = await t.login('pw@example.com', PASSWORD);
    const s2 = await t.login('pw@example.com', PASSWORD);
    const wrong = await t.gql(
      `mutation{ changePassword(currentPassword:"nope", newPassword:"Another-pass-2026"){ } }`.replace('{ }', ''),
      {},
      s1,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['currentPassword'] });
    await t.ok(`mutation($c:String!){ changePassword(currentPassword:$c, newPassword:"Another-pass-2026") }`, { c: PASSWORD }, s1);
    expect(code(await t.gql(`{ teams { id } }`, {}, s1))).toBe('OK');
    expect(code(await t.gql(`{ teams { id } }`, {}, s2))).toBe('UNAUTHENTICATED');
    expect(
      code(await t.gql(`mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }`, { e: 'pw@example.com', p: PASSWORD })),
    ).toBe('UNAUTHENTICATED');
    await t.login('pw@example.com', 'Another-pass-2026');
  });

  it('throttles repeated failed logins per account', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(code(await t.gql(`mutation{ login(email:"rb@example.com", password:"wrong"){ token } }`)));
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(codes.slice(10)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    // even the right password is refused while throttled
    const r = await t.gql(`mutation{ login(email:"rb@example.com", password:"${PASSWORD}"){ token } }`);
    expect(code(r)).toBe('TOO_MANY_REQUESTS');
    expect(r.status).toBe(429);
  });

  it('refuses too deep and too costly queries with a 400 before executing them', async () => {
    const deep = '{ incidents(first:1){ edges{ node{ ' + 'services{ team{ '.repeat(8) + 'id' + ' } }'.repeat(8) + ' } } } }';
    const r = await t.gql(deep, {}, admin);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/depth/i);
    const flood = '{ ' + Array.from({ length: 200 }, (_, i) => `a${i}: teams { id }`).join(' ') + ' }';
    const f = await t.gql(flood, {}, admin);
    expect(f.status).toBe(400);
    const costly =
      '{ incidents(first:200){ edges{ node{ ' +
      'services{ name redundancy{ name } team{ name services{ name } } } '.repeat(1) +
      ' actionItems{ title owner{ email teams{ name } } } } } } }';
    const c = await t.gql(costly.replace('first:200', 'first:200'), {}, admin);
    expect(c.status === 400 || !c.errors).toBe(true);
  });
});
