import { request as httpRequest } from 'node:http';
import { buildIncident } from '../factories/incidents';
import { ADMIN, startTestApp, TestApp } from '../harness';

const PASSWORD = 'Pass-word-12345';
const LOGIN = `mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token user{ email } } }`;
const MINT = `mutation($i:CreateApiTokenInput!){ createApiToken(input:$i){ token apiToken{ id scopes expiresAt } } }`;
const REVOKE = `mutation($id:ID!){ revokeApiToken(id:$id){ id revokedAt } }`;
const CREATE_USER = `mutation($i:CreateUserInput!){ createUser(input:$i){ id version } }`;
const WHO = `{ me { user { email } } }`;

type Body = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string; fields?: string[] } }> };
interface Raw {
  status: number;
  body: Body;
  setCookie: string[];
}
const code = (r: Body) => r.errors?.[0]?.extensions?.code ?? 'OK';

/** A GraphQL POST with any headers (Host included), over node:http so nothing rewrites them. */
function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Raw> {
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Body;
          try {
            body = JSON.parse(text);
          } catch {
            body = { errors: [{ message: text }] };
          }
          resolve({ status: res.statusCode ?? 0, body, setCookie: ([] as string[]).concat(res.headers['set-cookie'] ?? []) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const from = (address: string) => ({ 'x-forwarded-for': address });

describe('auth hardening (behind a trusted proxy: HINDSIGHT_TRUST_PROXY=loopback)', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const tok: Record<string, string> = {};

  const login = (email: string, password: string, address: string) => post(t.url, LOGIN, { e: email, p: password }, from(address));

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_TRUST_PROXY: 'loopback' } });
    admin = await t.login();
    for (const [name, role] of [
      ['r1', 'RESPONDER'],
      ['r2', 'RESPONDER'],
      ['v1', 'VIEWER'],
      ['owner', 'RESPONDER'],
      ['victim', 'VIEWER'],
    ]) {
      const made = await t.ok(CREATE_USER, { i: { email: `${name}@example.com`, password: PASSWORD, role, name: `User ${name}` } }, admin);
      ids[name] = made.createUser.id;
      tok[name] = await t.login(`${name}@example.com`, PASSWORD);
    }
  });
  afterAll(() => t.close());

  describe('tokens cannot widen themselves', () => {
    it("a WRITE-only token cannot mint an ADMIN token, create an ADMIN user, or revoke another user's token", async () => {
      const writeOnly = (await t.ok(MINT, { i: { name: 'ci-writer', scopes: ['WRITE'] } }, admin)).createApiToken.token;
      const minted = await t.gql(MINT, { i: { name: 'escalated', scopes: ['ADMIN'] } }, writeOnly);
      expect(code(minted)).toBe('FORBIDDEN');
      expect(minted.data?.createApiToken ?? null).toBeNull();
      const widened = await t.gql(MINT, { i: { name: 'reader', scopes: ['READ', 'WRITE'] } }, writeOnly);
      expect(code(widened)).toBe('FORBIDDEN');
      // whatever the minting answered, the chain ends without an ADMIN user
      const attacker = minted.data?.createApiToken?.token ?? writeOnly;
      const user = await t.gql(CREATE_USER, { i: { email: 'mallory@example.com', password: PASSWORD, role: 'ADMIN' } }, attacker);
      expect(code(user)).toBe('FORBIDDEN');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'mallory@example.com'`);
      expect(n).toBe(0);

      const others = (await t.ok(MINT, { i: { name: 'r2-bot', scopes: ['READ'] } }, tok.r2)).createApiToken;
      const revoke = await t.gql(REVOKE, { id: others.apiToken.id }, writeOnly);
      expect(code(revoke)).toBe('NOT_FOUND');
      expect(code(await t.gql(WHO, {}, others.token))).toBe('OK');
      // a token of the admin without the ADMIN scope lists only its own user's tokens
      const readWrite = (await t.ok(MINT, { i: { name: 'ci-reader', scopes: ['READ', 'WRITE'] } }, admin)).createApiToken.token;
      expect(code(await t.gql(REVOKE, { id: others.apiToken.id }, readWrite))).toBe('NOT_FOUND');
      const listed = (await t.ok(`{ apiTokens { name } }`, {}, readWrite)).apiTokens.map((a: { name: string }) => a.name);
      expect(listed).toContain('ci-writer');
      expect(listed).not.toContain('r2-bot');
      // a narrower token from it is fine
      expect(code(await t.gql(MINT, { i: { name: 'narrow', scopes: ['WRITE'] } }, writeOnly))).toBe('OK');
    });

    it("only a session or an ADMIN-scoped token of an admin manages other users' tokens", async () => {
      const adminToken = (await t.ok(MINT, { i: { name: 'admin-bot', scopes: ['READ', 'ADMIN'] } }, admin)).createApiToken.token;
      const r1Token = (await t.ok(MINT, { i: { name: 'r1-bot', scopes: ['READ'] } }, tok.r1)).createApiToken;
      const listed = (await t.ok(`{ apiTokens { name } }`, {}, adminToken)).apiTokens.map((a: { name: string }) => a.name);
      expect(listed).toContain('r1-bot');
      // a READ-only token cannot revoke, even its own user's tokens
      const reader = (await t.ok(MINT, { i: { name: 'r1-reader', scopes: ['READ'] } }, tok.r1)).createApiToken.token;
      expect(code(await t.gql(REVOKE, { id: r1Token.apiToken.id }, reader))).toBe('FORBIDDEN');
      // a responder's own session cannot touch the admin's tokens
      const adminOwn = (await t.ok(MINT, { i: { name: 'admin-own', scopes: ['READ'] } }, admin)).createApiToken;
      expect(code(await t.gql(REVOKE, { id: adminOwn.apiToken.id }, tok.r1))).toBe('NOT_FOUND');
      expect(code(await t.gql(REVOKE, { id: r1Token.apiToken.id }, adminToken))).toBe('OK');
      expect(code(await t.gql(WHO, {}, r1Token.token))).toBe('UNAUTHENTICATED');
    });

    it("a session grants only what the user's role allows", async () => {
      expect(code(await t.gql(MINT, { i: { name: 'v-writer', scopes: ['WRITE'] } }, tok.v1))).toBe('FORBIDDEN');
      expect(code(await t.gql(MINT, { i: { name: 'v-reader', scopes: ['READ'] } }, tok.v1))).toBe('OK');
      expect(code(await t.gql(MINT, { i: { name: 'r-admin', scopes: ['READ', 'ADMIN'] } }, tok.r1))).toBe('FORBIDDEN');
      expect(code(await t.gql(MINT, { i: { name: 'r-import', scopes: ['READ', 'WRITE', 'IMPORT'] } }, tok.r1))).toBe('OK');
    });
  });

  describe('token expiry', () => {
    it('refuses an expiry that is not in the future, and an expired token authenticates as nobody', async () => {
      const past = await t.gql(
        MINT,
        { i: { name: 'old', scopes: ['READ'], expiresAt: new Date(Date.now() - 60_000).toISOString() } },
        admin,
      );
      expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['expiresAt'] });
      const expiresAt = new Date(Date.now() + 30 * 86400_000);
      expiresAt.setMilliseconds(0);
      const made = (await t.ok(MINT, { i: { name: 'month', scopes: ['READ'], expiresAt: expiresAt.toISOString() } }, admin)).createApiToken;
      expect(made.apiToken.expiresAt).toBe(expiresAt.toISOString());
      const listed = (await t.ok(`{ apiTokens { name expiresAt } }`, {}, admin)).apiTokens;
      expect(listed).toEqual(expect.arrayContaining([{ name: 'month', expiresAt: expiresAt.toISOString() }]));
      expect(code(await t.gql(WHO, {}, made.token))).toBe('OK');
      await t.db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [Number(made.apiToken.id)]);
      expect(code(await t.gql(WHO, {}, made.token))).toBe('UNAUTHENTICATED');
    });

    it('a token cannot mint a token that outlives it', async () => {
      const in10 = new Date(Date.now() + 10 * 86400_000);
      const parent = (await t.ok(MINT, { i: { name: 'short', scopes: ['READ', 'WRITE'], expiresAt: in10.toISOString() } }, admin))
        .createApiToken.token;
      const later = new Date(Date.now() + 20 * 86400_000).toISOString();
      expect(code(await t.gql(MINT, { i: { name: 'long', scopes: ['READ'], expiresAt: later } }, parent))).toBe('FORBIDDEN');
      const child = (await t.ok(MINT, { i: { name: 'child', scopes: ['READ'] } }, parent)).createApiToken;
      expect(new Date(child.apiToken.expiresAt).getTime()).toBeLessThanOrEqual(in10.getTime());
    });
  });

  describe('a new password offers to revoke API tokens', () => {
    it('changePassword keeps tokens by default and revokes them with revokeApiTokens', async () => {
      const keep = (await t.ok(MINT, { i: { name: 'keep', scopes: ['READ'] } }, tok.r2)).createApiToken.token;
      await t.ok(`mutation($c:String!){ changePassword(currentPassword:$c, newPassword:"Second-pass-2026") }`, { c: PASSWORD }, tok.r2);
      expect(code(await t.gql(WHO, {}, keep))).toBe('OK');
      await t.ok(
        `mutation{ changePassword(currentPassword:"Second-pass-2026", newPassword:"Third-pass-2026", revokeApiTokens:true) }`,
        {},
        tok.r2,
      );
      expect(code(await t.gql(WHO, {}, keep))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(WHO, {}, tok.r2))).toBe('OK'); // the session that changed it stays
    });

    it('an admin reset revokes the tokens only when asked', async () => {
      const USERS = `{ users { id version } }`;
      const version = async () => (await t.ok(USERS, {}, admin)).users.find((u: { id: string }) => u.id === ids.victim).version;
      const bot = (await t.ok(MINT, { i: { name: 'victim-bot', scopes: ['READ'] } }, tok.victim)).createApiToken.token;
      const UPDATE = `mutation($id:ID!,$i:UpdateUserInput!){ updateUser(id:$id, input:$i){ id } }`;
      await t.ok(UPDATE, { id: ids.victim, i: { expectedVersion: await version(), password: 'Reset-by-admin-1' } }, admin);
      expect(code(await t.gql(WHO, {}, bot))).toBe('OK');
      await t.ok(
        UPDATE,
        { id: ids.victim, i: { expectedVersion: await version(), password: 'Reset-by-admin-2', revokeApiTokens: true } },
        admin,
      );
      expect(code(await t.gql(WHO, {}, bot))).toBe('UNAUTHENTICATED');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND revoked_at IS NULL`, [
        Number(ids.victim),
      ]);
      expect(n).toBe(0);
    });
  });

  describe('throttling per (account, address) and per address', () => {
    it('60 wrong passwords at once: only 10 are checked, the rest are refused unchecked', async () => {
      const answers = await Promise.all(Array.from({ length: 60 }, () => login('r1@example.com', 'wrong-password', '10.1.0.1')));
      const codes = answers.map((a) => code(a.body));
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(50);
      expect(answers.every((a) => a.status < 500)).toBe(true);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM login_failure WHERE address = '10.1.0.1'`);
      expect(n).toBe(10);
    });

    it("failures from one address do not lock the account's owner out from another", async () => {
      for (let i = 0; i < 12; i++) await login('owner@example.com', 'wrong-password', '10.2.0.1');
      expect(code((await login('owner@example.com', PASSWORD, '10.2.0.1')).body)).toBe('TOO_MANY_REQUESTS');
      const owner = await login('owner@example.com', PASSWORD, '10.2.0.2');
      expect(code(owner.body)).toBe('OK');
      expect(owner.body.data.login.user.email).toBe('owner@example.com');
    });

    it('many failures from one address block that address only, counted atomically too', async () => {
      // 95 failures on record from 10.3.0.1 (as 95 wrong guesses at other accounts leave them), then 10 at once
      await t.db.query(
        `INSERT INTO login_failure (email, address) SELECT 'nobody' || i || '@example.com', '10.3.0.1' FROM generate_series(1, 95) i`,
      );
      const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => login(`other${i}@example.com`, 'wrong-password', '10.3.0.1')));
      expect(burst.filter((g) => code(g.body) === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(code((await login('v1@example.com', PASSWORD, '10.3.0.1')).body)).toBe('TOO_MANY_REQUESTS');
      expect(code((await login('v1@example.com', PASSWORD, '10.3.0.2')).body)).toBe('OK');
    });

    it('honours X-Forwarded-For from the trusted proxy (throttled per forwarded address)', async () => {
      for (let i = 0; i < 10; i++) await login('r2@example.com', 'wrong-password', '10.4.0.1');
      const blocked = await login('r2@example.com', 'Third-pass-2026', '10.4.0.1');
      expect(blocked.status).toBe(429);
      expect(code((await login('r2@example.com', 'Third-pass-2026', '10.4.0.2')).body)).toBe('OK');
    });
  });

  describe('sign-in input', () => {
    it.each([
      ['an email over 320 characters', `${'a'.repeat(320)}@example.com`, PASSWORD, 'email'],
      ['a 12 KB email (under the anonymous body limit)', `${'b'.repeat(12_000)}@example.com`, PASSWORD, 'email'],
      ['an email with NUL', 'nul\u0000@example.com', PASSWORD, 'email'],
      ['a password over 200 characters', 'r1@example.com', 'p'.repeat(201), 'password'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, email, password, field) => {
      const r = await login(email, password, '10.5.0.1');
      expect(r.status).toBeLessThan(500);
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
    });

    it('answers a 4 MB email with a 4xx, never a 5xx', async () => {
      const r = await login(`${'c'.repeat(4 * 1024 * 1024)}@example.com`, PASSWORD, '10.5.0.2');
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(JSON.stringify(r.body)).not.toMatch(/INTERNAL_SERVER_ERROR/);
    });
  });

  describe('session cookie', () => {
    it('is Secure when the request came over HTTPS through the trusted proxy, and not over plain HTTP', async () => {
      const https = await post(t.url, LOGIN, { e: 'v1@example.com', p: PASSWORD }, { ...from('10.6.0.1'), 'x-forwarded-proto': 'https' });
      expect(code(https.body)).toBe('OK');
      const cookie = https.setCookie.find((c) => c.startsWith('hindsight_session='));
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      const plain = await post(t.url, LOGIN, { e: 'v1@example.com', p: PASSWORD }, from('10.6.0.1'));
      expect(plain.setCookie.find((c) => c.startsWith('hindsight_session='))).not.toMatch(/Secure/i);
    });
  });

  describe('who sees emails', () => {
    const USERS = `{ users { id email name } }`;
    it('a viewer sees names, and only their own email; responders and admins see emails', async () => {
      const asViewer = (await t.ok(USERS, {}, tok.v1)).users as Array<{ id: string; email: string | null; name: string | null }>;
      expect(asViewer.length).toBeGreaterThan(3);
      for (const u of asViewer) expect(u.email).toBe(u.id === ids.v1 ? 'v1@example.com' : null);
      expect(asViewer.find((u) => u.id === ids.r1)?.name).toBe('User r1');
      expect((await t.ok(WHO, {}, tok.v1)).me.user.email).toBe('v1@example.com');
      for (const who of [admin, tok.r1]) {
        const seen = (await t.ok(USERS, {}, who)).users as Array<{ id: string; email: string | null }>;
        expect(seen.find((u) => u.id === ids.v1)?.email).toBe('v1@example.com');
      }
    });

    it('a viewer does not see action-item owners’ emails either', async () => {
      const team = (await t.ok(`mutation{ createTeam(input:{name:"Owners"}){ id } }`, {}, admin)).createTeam.id;
      const svc = (await t.ok(`mutation($t:ID!){ createService(input:{name:"Owned", teamId:$t}){ id } }`, { t: team }, admin)).createService
        .id;
      const inc = (
        await t.ok(
          `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
          { i: buildIncident({ teamId: team, serviceIds: [svc] }) },
          admin,
        )
      ).createIncident.id;
      await t.ok(
        `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }`,
        { i: { incidentId: inc, title: 'Fix it', type: 'PREVENT', ownerId: ids.r1 } },
        admin,
      );
      const q = `query($id:ID!){ incident(id:$id){ actionItems{ owner{ id name email } } } }`;
      const seen = (await t.ok(q, { id: inc }, tok.v1)).incident.actionItems[0].owner;
      expect(seen).toEqual({ id: ids.r1, name: 'User r1', email: null });
    });

    it('a viewer sees who tagged, assessed and wrote notes by name, not by email', async () => {
      const team = (await t.ok(`mutation{ createTeam(input:{name:"Authors"}){ id } }`, {}, admin)).createTeam.id;
      const svc = (await t.ok(`mutation($t:ID!){ createService(input:{name:"Authored", teamId:$t}){ id } }`, { t: team }, admin))
        .createService.id;
      const { rootCauses } = await t.ok(`{ rootCauses { id parent { id } } }`, {}, admin);
      const { redundancyMechanisms } = await t.ok(`{ redundancyMechanisms { id } }`, {}, admin);
      const cause = rootCauses.find((c: any) => c.parent).id;
      const inc = (
        await t.ok(
          `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
          { i: buildIncident({ teamId: team, serviceIds: [svc], primaryCauseId: cause }) },
          admin,
        )
      ).createIncident.id;
      await t.ok(`mutation($i:ID!,$c:ID!){ reviewCause(incidentId:$i, causeId:$c, state: CONFIRMED){ id } }`, { i: inc, c: cause }, admin);
      await t.ok(
        `mutation($i:AssessRedundancyInput!){ assessRedundancy(input:$i){ id } }`,
        { i: { incidentId: inc, mechanismId: redundancyMechanisms[0].id, outcome: 'MISSING' } },
        admin,
      );
      await t.ok(
        `mutation($i:AddTimelineEventInput!){ addTimelineEvent(input:$i){ id } }`,
        { i: { incidentId: inc, at: '2026-03-01T10:10:00Z', message: 'Paged the on-call' } },
        admin,
      );
      const q = `query($id:ID!){ incident(id:$id){ primaryCause { setBy confirmedBy } assessments { assessedBy } timeline { author } } }`;
      const asViewer = JSON.stringify((await t.ok(q, { id: inc }, tok.v1)).incident);
      expect(asViewer).not.toContain('@');
      const asAdmin = (await t.ok(q, { id: inc }, admin)).incident;
      expect(asAdmin.primaryCause.setBy).toBe(ADMIN.email);
      expect(asAdmin.timeline[0].author).toBe(ADMIN.email);
    });
  });
});

describe('X-Forwarded-For without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login();
    await t.ok(CREATE_USER, { i: { email: 'p1@example.com', password: PASSWORD, role: 'VIEWER' } }, admin);
  });
  afterAll(() => t.close());

  it('is ignored: a forged address neither escapes the throttle nor makes the cookie Secure', async () => {
    for (let i = 0; i < 10; i++) await post(t.url, LOGIN, { e: 'p1@example.com', p: 'wrong-password' }, from(`10.7.0.${i}`));
    const forged = await post(t.url, LOGIN, { e: 'p1@example.com', p: PASSWORD }, from('10.7.1.1'));
    expect(code(forged.body)).toBe('TOO_MANY_REQUESTS');
    const [{ addresses }] = await t.db.query(`SELECT array_agg(DISTINCT address) AS addresses FROM login_failure`);
    expect(addresses).toEqual(['127.0.0.1']);
    const secure = await post(t.url, LOGIN, { e: ADMIN.email, p: ADMIN.password }, { 'x-forwarded-proto': 'https' });
    expect(code(secure.body)).toBe('OK');
    expect(secure.setCookie.find((c) => c.startsWith('hindsight_session='))).not.toMatch(/Secure/i);
  });
});

// First-run setup runs only on the embedded database, which jest cannot start (PGlite is an ES module);
// the request checks come before that one, so a PostgreSQL app shows which check refused the request.
// test/e2e/http.e2e.ts completes a real setup on the embedded database.
describe('first-run setup refuses requests that may not come from a browser on this machine', () => {
  let t: TestApp;
  const SETUP = `mutation($i:CompleteSetupInput!){ completeSetup(input:$i){ token } }`;
  const input = { i: { email: 'owner@example.com', password: 'A-long-enough-secret' } };

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  it.each([
    ['a Host that is not a loopback name (DNS rebinding)', { host: 'evil.example.com' }, /Host/],
    ['a Host that only starts like one', { host: 'localhost.evil.example.com' }, /Host/],
    ['X-Forwarded-For, even from a trusted proxy', { 'x-forwarded-for': '127.0.0.1' }, /proxy/],
    ['Forwarded', { forwarded: 'for=203.0.113.9' }, /proxy/],
    ['X-Real-IP', { 'x-real-ip': '203.0.113.9' }, /proxy/],
  ])('refuses setup with %s', async (_what, headers, reason) => {
    const r = await post(t.url, SETUP, input, headers as Record<string, string>);
    expect(code(r.body)).toBe('FORBIDDEN');
    expect(r.body.errors?.[0].message).toMatch(reason);
  });

  it('a loopback Host with a port passes the request checks (then the database mode decides)', async () => {
    for (const host of [`localhost:${new URL(t.url).port}`, '127.0.0.1', '[::1]:3000']) {
      const r = await post(t.url, SETUP, input, { host });
      expect(code(r.body)).toBe('FORBIDDEN');
      expect(r.body.errors?.[0].message).toMatch(/embedded database/);
    }
  });
});
