import { exportJWK, generateKeyPair } from 'jose';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../harness';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, with its development login
 * and consent forms) on loopback: the whole authorization-code flow, driven like a browser with
 * fetch, a cookie jar and redirects followed by hand.
 */

const CLIENT_ID = 'hindsight-test';
const CLIENT_SECRET = 'test-client-secret-0123456789abcdef';
/**
 * The callback as registered at the provider: the app's public URL. The test plays the reverse
 * proxy in front of the app, sending what arrives there to the app's ephemeral port.
 */
const PUBLIC_CALLBACK = 'http://hindsight.test/api/auth/oidc/callback';

/** The provider's accounts; the development login form signs in as whatever login is typed. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  alice: { email: 'Alice@Example.com', email_verified: true, name: 'Alice Liddell' },
  admin: { email: 'admin@example.com', email_verified: true, name: 'The Admin' },
  unverified: { email: 'eve@example.com', email_verified: false, name: 'Eve' },
  mallory: { email: 'mallory@elsewhere.test', email_verified: true, name: 'Mallory' },
};

/** A browser's cookie store, enough for this flow (origin and path, no expiry beyond deletion). */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  header(url: URL): string {
    return [...this.cookies]
      .filter(([key, c]) => key.startsWith(`${url.origin} `) && url.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.slice(key.indexOf(' ') + 1)}=${c.value}`)
      .join('; ');
  }

  store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(/;\s*/);
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now());
      if (expired || value === '') this.cookies.delete(`${url.origin} ${name}`);
      else this.cookies.set(`${url.origin} ${name}`, { value, path });
    }
  }

  get(origin: string, name: string): string | undefined {
    return this.cookies.get(`${origin} ${name}`)?.value;
  }
}

/** One request as a browser makes it: its cookies in, new cookies stored, redirects not followed. */
async function browse(jar: CookieJar, href: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(href);
  const cookie = jar.header(url);
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...init.headers } });
  jar.store(url, res);
  return res;
}

const location = (res: Response) => {
  expect([302, 303]).toContain(res.status);
  return res.headers.get('location')!;
};

describe('single sign-on through OpenID Connect', () => {
  let t: TestApp;
  let issuer: string;
  let providerServer: Server;

  beforeAll(async () => {
    providerServer = createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    // oidc-provider warns, rightly, that its development forms are for development, and that it
    // prefers Node 22 (it works on Node 20; the warning is about support, not function)
    const warn = console.warn;
    console.warn = (...args: unknown[]) => (String(args[0]).startsWith('oidc-provider WARNING') ? undefined : warn(...args));
    const { default: Provider } = await import('oidc-provider');
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [PUBLIC_CALLBACK],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      async findAccount(_ctx, sub) {
        const account = ACCOUNTS[sub];
        if (!account) return undefined;
        return { accountId: sub, claims: async () => ({ sub, ...account }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
      cookies: { keys: ['test-cookie-signing-key'] },
      pkce: { required: () => true },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      features: { devInteractions: { enabled: true } },
    });
    console.warn = warn;
    providerServer.on('request', provider.callback());
    t = await startTestApp({
      env: {
        HINDSIGHT_OIDC_ISSUER: issuer,
        HINDSIGHT_OIDC_CLIENT_ID: CLIENT_ID,
        HINDSIGHT_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        HINDSIGHT_OIDC_REDIRECT_URL: PUBLIC_CALLBACK,
        HINDSIGHT_OIDC_ALLOWED_DOMAINS: 'example.com, Example.org',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    providerServer.closeAllConnections();
    await new Promise((resolve) => providerServer.close(resolve));
  });

  /** The app's address for what the provider sent to the public callback URL. */
  const toApp = (href: string) => {
    expect(href.startsWith(`${PUBLIC_CALLBACK}?`)).toBe(true);
    const u = new URL(href);
    return `${t.url}${u.pathname}${u.search}`;
  };

  /**
   * Starts at the app's login route and goes through the provider (login form, consent form, or
   * neither when the provider remembers the browser) until it sends the browser to the callback.
   * Returns the callback URL on the app, not yet visited.
   */
  async function throughProvider(jar: CookieJar, login: string, action: 'submit' | 'cancel' = 'submit'): Promise<string> {
    let next = location(await browse(jar, `${t.url}/api/auth/oidc/login`));
    expect(next.startsWith(`${issuer}/auth?`)).toBe(true);
    for (let step = 0; step < 12; step++) {
      if (next.startsWith(PUBLIC_CALLBACK)) return toApp(next);
      const res = await browse(jar, new URL(next, issuer).href);
      if (res.status !== 200) {
        next = location(res);
        continue;
      }
      const html = await res.text();
      const form = /<form[^>]*action="([^"]+)"/.exec(html)![1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)![1];
      if (action === 'cancel') {
        next = location(await browse(jar, new URL(`${form}/abort`, issuer).href));
        continue;
      }
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
      next = location(await browse(jar, new URL(form, issuer).href, { method: 'POST', body }));
    }
    throw new Error('the provider never sent the browser back');
  }

  /** The whole sign-in; returns where the app sends the browser in the end. */
  async function signIn(jar: CookieJar, login: string): Promise<{ target: string; res: Response }> {
    const res = await browse(jar, await throughProvider(jar, login));
    return { target: location(res), res };
  }

  const tokenOf = (target: string) => {
    const m = /^\/#sso_token=(.+)$/.exec(target);
    if (!m) throw new Error(`expected a redirect with the token, got ${target}`);
    return decodeURIComponent(m[1]);
  };

  const me = `{ me { user { id email name role teams { id } } } }`;

  it('tells the sign-in page that single sign-on is available, without signing in', async () => {
    expect(await t.ok(`{ authProviders { oidc loginUrl } }`)).toEqual({ authProviders: { oidc: true, loginUrl: '/api/auth/oidc/login' } });
  });

  it('sends the browser to the provider with PKCE, state and nonce, and binds the state to the browser', async () => {
    const jar = new CookieJar();
    const res = await browse(jar, `${t.url}/api/auth/oidc/login`);
    const auth = new URL(location(res));
    expect(auth.origin + auth.pathname).toBe(`${issuer}/auth`);
    const q = Object.fromEntries(auth.searchParams);
    expect(q).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: PUBLIC_CALLBACK,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(q.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(q.state.length).toBeGreaterThanOrEqual(32);
    expect(q.nonce.length).toBeGreaterThanOrEqual(32);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hindsight_oidc_state='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(jar.get(t.url, 'hindsight_oidc_state')).toBe(q.state);
    // the verifier stays on the server, in PostgreSQL (any instance can take the callback)
    const rows = await t.db.query(`SELECT code_verifier, nonce, expires_at > now() + interval '5 minutes' AS fresh FROM oidc_login`);
    expect(rows.some((r) => r.nonce === q.nonce && r.fresh)).toBe(true);
  });

  it('creates a VIEWER without teams on the first sign-in, with a working session, and reuses the user the next time', async () => {
    const jar = new CookieJar();
    const first = await signIn(jar, 'alice');
    const token = tokenOf(first.target);
    const sessionCookie = first.res.headers.getSetCookie().find((c) => c.startsWith('hindsight_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Strict/i);
    const user = (await t.ok(me, {}, token)).me.user;
    expect(user).toMatchObject({ email: 'Alice@Example.com', name: 'Alice Liddell', role: 'VIEWER', teams: [] });

    // the HTTP-only cookie works as well, for a web app that relies on it
    const byCookie = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `hindsight_session=${encodeURIComponent(token)}` },
      body: JSON.stringify({ query: '{ me { user { email } } }' }),
    });
    expect((await byCookie.json()).data.me.user.email).toBe('Alice@Example.com');

    // again in the same browser: the provider remembers it (no forms), Hindsight reuses the user
    const second = await signIn(jar, 'alice');
    const token2 = tokenOf(second.target);
    expect(token2).not.toBe(token);
    expect((await t.ok(me, {}, token2)).me.user.id).toBe(user.id);
    // and from another browser
    const third = await signIn(new CookieJar(), 'alice');
    expect((await t.ok(me, {}, tokenOf(third.target))).me.user.id).toBe(user.id);

    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(email) = 'alice@example.com'`);
    expect(n).toBe(1);
    // an SSO user has no password: password sign-in is refused
    const pw = await t.gql(`mutation { login(email: "alice@example.com", password: "") { token } }`);
    expect(pw.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const admin = await t.login();
    const log = await t.ok(`{ auditLog(first: 50) { edges { node { action actor entityType entityId changes } } } }`, {}, admin);
    const mine = log.auditLog.edges.map((e: any) => e.node).filter((e: any) => e.entityId === user.id && e.entityType === 'User');
    expect(mine.filter((e: any) => e.action === 'user.create')).toEqual([
      expect.objectContaining({ actor: 'Alice@Example.com', changes: expect.objectContaining({ role: 'VIEWER', teamIds: [] }) }),
    ]);
    const logins = mine.filter((e: any) => e.action === 'user.sso_login');
    expect(logins).toHaveLength(3);
    expect(logins[0]).toMatchObject({ actor: 'Alice@Example.com', changes: { issuer, subject: 'alice' } });
  });

  it('signs an existing user in with the role and teams they have', async () => {
    const before = (await t.ok(me, {}, await t.login())).me.user;
    const { target } = await signIn(new CookieJar(), 'admin');
    const after = (await t.ok(me, {}, tokenOf(target))).me.user;
    expect(after).toEqual(before);
    expect(after.role).toBe('ADMIN');
  });

  it('refuses a tampered state, and a callback from a browser that did not start the sign-in', async () => {
    const jar = new CookieJar();
    const callback = new URL(await throughProvider(jar, 'alice'));
    const state = callback.searchParams.get('state')!;
    callback.searchParams.set('state', `${state.slice(0, -2)}xx`);
    const tampered = await browse(jar, callback.href);
    expect(location(tampered)).toBe('/login?error=sso_state');
    expect(tampered.headers.getSetCookie().some((c) => c.startsWith('hindsight_session='))).toBe(false);

    // login CSRF: the right state and code, but in a browser without the state cookie
    const victim = new CookieJar();
    const callback2 = await throughProvider(jar, 'alice');
    expect(location(await browse(victim, callback2))).toBe('/login?error=sso_state');
  });

  it('accepts a callback once: replaying it, even with the state cookie, is refused', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, 'alice');
    const state = jar.get(t.url, 'hindsight_oidc_state')!;
    expect(tokenOf(location(await browse(jar, callback)))).toMatch(/^hss_/);
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie: `hindsight_oidc_state=${state}` } });
    expect(location(replay)).toBe('/login?error=sso_state');
  });

  it('refuses an ID token whose nonce is not the one sent, and a code exchanged with the wrong PKCE verifier', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, 'alice');
    await t.db.query(`UPDATE oidc_login SET nonce = 'not-the-nonce-that-was-sent'`);
    expect(location(await browse(jar, callback))).toBe('/login?error=sso_failed');

    const jar2 = new CookieJar();
    const callback2 = await throughProvider(jar2, 'alice');
    await t.db.query(`UPDATE oidc_login SET code_verifier = 'x' || code_verifier`);
    expect(location(await browse(jar2, callback2))).toBe('/login?error=sso_failed');
  });

  it('sends the browser back with an error code when the user cancels at the provider', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, 'alice', 'cancel');
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    expect(location(await browse(jar, callback))).toBe('/login?error=sso_denied');
  });

  it('refuses an email the provider has not verified, and a domain outside HINDSIGHT_OIDC_ALLOWED_DOMAINS, creating no user', async () => {
    expect((await signIn(new CookieJar(), 'unverified')).target).toBe('/login?error=sso_email');
    expect((await signIn(new CookieJar(), 'mallory')).target).toBe('/login?error=sso_domain');
    const rows = await t.db.query(`SELECT email FROM app_user WHERE email IN ('eve@example.com', 'mallory@elsewhere.test')`);
    expect(rows).toEqual([]);
  });

  it('answers a callback without any parameters with a redirect, not an error page', async () => {
    const res = await fetch(`${t.url}/api/auth/oidc/callback`, { redirect: 'manual' });
    expect(location(res)).toBe('/login?error=sso_state');
  });
});

describe('single sign-on when it is off or the provider is down', () => {
  it('is off without HINDSIGHT_OIDC_ISSUER: no provider listed, the routes answer 404', async () => {
    const t = await startTestApp();
    try {
      expect(await t.ok(`{ authProviders { oidc loginUrl } }`)).toEqual({ authProviders: { oidc: false, loginUrl: null } });
      expect((await fetch(`${t.url}/api/auth/oidc/login`, { redirect: 'manual' })).status).toBe(404);
      expect((await fetch(`${t.url}/api/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('sends the browser to /login?error=sso_unavailable when the provider cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const t = await startTestApp({ env: { HINDSIGHT_OIDC_ISSUER: `http://127.0.0.1:${port}`, HINDSIGHT_OIDC_CLIENT_ID: 'x' } });
    try {
      const res = await fetch(`${t.url}/api/auth/oidc/login`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/login?error=sso_unavailable');
    } finally {
      await t.close();
    }
  });
});
