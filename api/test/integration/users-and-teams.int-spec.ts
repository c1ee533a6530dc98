import { ADMIN, startTestApp, TestApp } from '../harness';

const PASSWORD = 'Pass-word-12345';
const UPDATE_USER = `mutation($id:ID!,$i:UpdateUserInput!){ updateUser(id:$id, input:$i){ id email name role disabled version teams{ name } } }`;
const UPDATE_TEAM = `mutation($id:ID!,$i:UpdateTeamInput!){ updateTeam(id:$id, input:$i){ id name version } }`;
const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code ?? 'OK';
const fields = (r: { errors?: Array<{ extensions?: { fields?: string[] } }> }) => r.errors?.[0]?.extensions?.fields;

describe('administration: editing users and teams', () => {
  let t: TestApp;
  let admin: string;
  let teamA: { id: string; version: number };
  let teamB: { id: string; version: number };

  const createUser = async (email: string, role: string, teamIds: string[]) =>
    (
      await t.ok(
        `mutation($i:CreateUserInput!){ createUser(input:$i){ id version disabled } }`,
        { i: { email, password: PASSWORD, role, teamIds } },
        admin,
      )
    ).createUser as { id: string; version: number; disabled: boolean };
  const whoAmI = (token: string) => t.gql(`{ me { user { email role teams { name } } } }`, {}, token);
  const adminId = async () =>
    (await t.ok(`{ users { id email } }`, {}, admin)).users.find((u: { email: string }) => u.email === ADMIN.email).id as string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    teamA = (await t.ok(`mutation{ createTeam(input:{name:"Playback"}){ id version } }`, {}, admin)).createTeam;
    teamB = (await t.ok(`mutation{ createTeam(input:{name:"Edge"}){ id version } }`, {}, admin)).createTeam;
  });
  afterAll(() => t.close());

  it('changes role, teams and name; the user’s next request already has the new rights; the audit log records the diff', async () => {
    const u = await createUser('mover@example.com', 'VIEWER', [teamA.id]);
    expect(u).toMatchObject({ version: 1, disabled: false });
    const token = await t.login('mover@example.com', PASSWORD);
    const r = await t.ok(
      UPDATE_USER,
      { id: u.id, i: { expectedVersion: 1, role: 'RESPONDER', teamIds: [teamB.id], name: 'Mo Ver' } },
      admin,
    );
    expect(r.updateUser).toMatchObject({ role: 'RESPONDER', name: 'Mo Ver', version: 2, teams: [{ name: 'Edge' }] });
    // same session, new role and teams (credentials are resolved per request)
    expect((await whoAmI(token)).data.me.user).toEqual({ email: 'mover@example.com', role: 'RESPONDER', teams: [{ name: 'Edge' }] });
    const audit = await t.ok(`{ auditLog(first:1){ edges{ node{ action actor changes } } } }`, {}, admin);
    expect(audit.auditLog.edges[0].node).toMatchObject({
      action: 'user.update',
      actor: ADMIN.email,
      changes: {
        role: { before: 'VIEWER', after: 'RESPONDER' },
        teamIds: { before: [Number(teamA.id)], after: [Number(teamB.id)] },
        name: { before: null, after: 'Mo Ver' },
      },
    });
  });

  it('refuses a stale edit with CONFLICT and writes nothing', async () => {
    const u = await createUser('stale@example.com', 'VIEWER', []);
    await t.ok(UPDATE_USER, { id: u.id, i: { expectedVersion: 1, role: 'RESPONDER' } }, admin);
    const stale = await t.gql(UPDATE_USER, { id: u.id, i: { expectedVersion: 1, role: 'ADMIN' } }, admin);
    expect(code(stale)).toBe('CONFLICT');
    expect(fields(stale)).toEqual(['expectedVersion']);
    const now = (await t.ok(`{ users { id role version } }`, {}, admin)).users.find((x: { id: string }) => x.id === u.id);
    expect(now).toMatchObject({ role: 'RESPONDER', version: 2 });
  });

  it('disabling ends sessions and revokes API tokens at once; re-enabling lets the user sign in again', async () => {
    const u = await createUser('leaver@example.com', 'RESPONDER', [teamA.id]);
    const session = await t.login('leaver@example.com', PASSWORD);
    const made = await t.ok(`mutation{ createApiToken(input:{name:"leaver-bot", scopes:[READ]}){ token } }`, {}, session);
    const apiToken = made.createApiToken.token as string;
    expect(code(await whoAmI(apiToken))).toBe('OK');

    const r = await t.ok(UPDATE_USER, { id: u.id, i: { expectedVersion: 1, disabled: true } }, admin);
    expect(r.updateUser.disabled).toBe(true);
    expect(code(await whoAmI(session))).toBe('UNAUTHENTICATED');
    expect(code(await whoAmI(apiToken))).toBe('UNAUTHENTICATED');
    const login = await t.gql(`mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }`, {
      e: 'leaver@example.com',
      p: PASSWORD,
    });
    expect(code(login)).toBe('UNAUTHENTICATED');

    await t.ok(UPDATE_USER, { id: u.id, i: { expectedVersion: 2, disabled: false } }, admin);
    expect(code(await whoAmI(await t.login('leaver@example.com', PASSWORD)))).toBe('OK');
    expect(code(await whoAmI(apiToken))).toBe('UNAUTHENTICATED'); // revoked tokens stay revoked
  });

  it('an admin password reset ends the user’s sessions and the new password works', async () => {
    const u = await createUser('forgetful@example.com', 'VIEWER', []);
    const old = await t.login('forgetful@example.com', PASSWORD);
    await t.ok(UPDATE_USER, { id: u.id, i: { expectedVersion: 1, password: 'Brand-new-password-1' } }, admin);
    expect(code(await whoAmI(old))).toBe('UNAUTHENTICATED');
    expect(code(await whoAmI(await t.login('forgetful@example.com', 'Brand-new-password-1')))).toBe('OK');
  });

  it('keeps at least one enabled admin', async () => {
    const id = await adminId();
    const me = (await t.ok(`{ users { id version } }`, {}, admin)).users.find((x: { id: string }) => x.id === id);
    const demote = await t.gql(UPDATE_USER, { id, i: { expectedVersion: me.version, role: 'VIEWER' } }, admin);
    expect(code(demote)).toBe('BAD_USER_INPUT');
    expect(fields(demote)).toEqual(['role']);
    const disable = await t.gql(UPDATE_USER, { id, i: { expectedVersion: me.version, disabled: true } }, admin);
    expect(fields(disable)).toEqual(['disabled']);
    expect(code(await whoAmI(admin))).toBe('OK');

    // with a second admin, the first may step down
    const second = await createUser('second-admin@example.com', 'ADMIN', []);
    const r = await t.ok(UPDATE_USER, { id, i: { expectedVersion: me.version, role: 'RESPONDER' } }, admin);
    expect(r.updateUser.role).toBe('RESPONDER');
    const other = await t.login('second-admin@example.com', PASSWORD);
    await t.ok(UPDATE_USER, { id, i: { expectedVersion: me.version + 1, role: 'ADMIN' } }, other);
    expect(second.version).toBe(1);
  });

  it('validates every field and names it', async () => {
    const u = await createUser('valid@example.com', 'VIEWER', []);
    await createUser('taken@example.com', 'VIEWER', []);
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ email: 'not-an-email' }, 'BAD_USER_INPUT', ['email']],
      [{ password: 'short' }, 'BAD_USER_INPUT', ['password']],
      [{ teamIds: ['999999'] }, 'BAD_USER_INPUT', ['teamIds']],
      [{ teamIds: ['x'] }, 'BAD_USER_INPUT', ['teamIds']],
      [{ email: 'TAKEN@example.com' }, 'CONFLICT', ['email']],
    ];
    for (const [input, expected, named] of cases) {
      const r = await t.gql(UPDATE_USER, { id: u.id, i: { expectedVersion: 1, ...input } }, admin);
      expect([JSON.stringify(input), code(r), fields(r)]).toEqual([JSON.stringify(input), expected, named]);
    }
    expect(code(await t.gql(UPDATE_USER, { id: '999999', i: { expectedVersion: 1 } }, admin))).toBe('NOT_FOUND');
    // nothing was written by the refused edits
    const now = (await t.ok(`{ users { id email version } }`, {}, admin)).users.find((x: { id: string }) => x.id === u.id);
    expect(now).toEqual({ id: u.id, email: 'valid@example.com', version: 1 });
  });

  it('only admins edit users and teams', async () => {
    const u = await createUser('responder@example.com', 'RESPONDER', [teamA.id]);
    const token = await t.login('responder@example.com', PASSWORD);
    expect(code(await t.gql(UPDATE_USER, { id: u.id, i: { expectedVersion: 1, role: 'ADMIN' } }, token))).toBe('FORBIDDEN');
    expect(code(await t.gql(UPDATE_TEAM, { id: teamA.id, i: { expectedVersion: 1, name: 'Mine' } }, token))).toBe('FORBIDDEN');
  });

  it('renames a team with version checks and unique names', async () => {
    const team = (await t.ok(`mutation{ createTeam(input:{name:"Encoding"}){ id version } }`, {}, admin)).createTeam;
    const r = await t.ok(UPDATE_TEAM, { id: team.id, i: { expectedVersion: 1, name: '  Transcoding ' } }, admin);
    expect(r.updateTeam).toEqual({ id: team.id, name: 'Transcoding', version: 2 });
    const stale = await t.gql(UPDATE_TEAM, { id: team.id, i: { expectedVersion: 1, name: 'Other' } }, admin);
    expect([code(stale), fields(stale)]).toEqual(['CONFLICT', ['expectedVersion']]);
    const taken = await t.gql(UPDATE_TEAM, { id: team.id, i: { expectedVersion: 2, name: 'playback' } }, admin);
    expect([code(taken), fields(taken)]).toEqual(['CONFLICT', ['name']]);
    const empty = await t.gql(UPDATE_TEAM, { id: team.id, i: { expectedVersion: 2, name: '' } }, admin);
    expect([code(empty), fields(empty)]).toEqual(['BAD_USER_INPUT', ['name']]);
    const teams = (await t.ok(`{ teams { name } }`, {}, admin)).teams.map((x: { name: string }) => x.name);
    expect(teams).toEqual(['Edge', 'Playback', 'Transcoding']);
  });
});
