import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { timingSafeEqual } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import { Database } from '../../common/database/database.service';
import { APP_CONFIG, AppConfig, OidcConfig } from '../../config';
import { AuthRepository, UserRow } from '../auth.repository';
import { AuthService } from '../auth.service';
import { ALL_SCOPES, Principal } from '../principal';
import { hashSecret } from '../tokens';
import { AuthProviders } from './auth-providers.model';
import { OidcError } from './oidc.errors';
import { OidcRepository } from './oidc.repository';

export const OIDC_LOGIN_PATH = '/api/auth/oidc/login';
/** How long a user may take at the provider between leaving and coming back. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;
/** Discovery metadata is re-read this often, so provider changes need no restart. */
const DISCOVERY_TTL_MS = 60 * 60_000;
const SCOPE = 'openid email profile';

export interface OidcSession {
  token: string;
  expiresAt: Date;
  user: UserRow;
}

/** True when the email's domain is one of `allowed` (exact, case-insensitive); an empty list allows all. */
export function emailDomainAllowed(email: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  return allowed.includes(email.slice(email.lastIndexOf('@') + 1).toLowerCase());
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Single sign-on through an OpenID Connect provider (authorization code flow with PKCE, state and
 * nonce). The sign-in in progress lives in PostgreSQL (table oidc_login), keyed by the hash of its
 * state, so any instance can finish what another started; the state is also bound to the browser
 * by a short-lived cookie (see OidcController), which stops login CSRF.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');
  private discovery?: { at: number; config: Promise<client.Configuration> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly repo: OidcRepository,
    private readonly users: AuthRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  get settings(): OidcConfig | undefined {
    return this.config.oidc;
  }

  providers(): AuthProviders {
    return { oidc: !!this.settings, loginUrl: this.settings ? OIDC_LOGIN_PATH : null };
  }

  /** Starts a sign-in: returns the provider's authorization URL and the state to bind to the browser. */
  async start(): Promise<{ url: string; state: string }> {
    const settings = this.settings!;
    const provider = await this.provider();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    await this.repo.savePendingLogin(hashSecret(state), { code_verifier: verifier, nonce }, new Date(Date.now() + OIDC_LOGIN_TTL_MS));
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: settings.redirectUrl,
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the provider's callback parameters and the state bound to this browser:
   * exchanges the code, validates the ID token, finds or creates the user by verified email, and
   * starts a session. Throws OidcError for every expected failure.
   */
  async finish(params: URLSearchParams, browserState: string | null): Promise<OidcSession> {
    const settings = this.settings!;
    const state = params.get('state');
    if (!state || !browserState || !sameSecret(state, browserState)) {
      throw new OidcError('sso_state', 'the callback state does not match the one this browser started with');
    }
    const pending = await this.repo.takePendingLogin(hashSecret(state));
    if (!pending) throw new OidcError('sso_state', 'unknown, used or expired state');

    const provider = await this.provider();
    // The redirect URL as registered (not the URL this request reached, which differs behind a proxy)
    const callbackUrl = new URL(settings.redirectUrl);
    params.forEach((value, key) => callbackUrl.searchParams.append(key, value));
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw toOidcError(err);
    }
    const claims = tokens.claims()!;
    let { email, email_verified: verified, name } = claims;
    // Providers may keep email out of the ID token (claims asked for by scope go to userinfo)
    if (typeof email !== 'string' || verified === undefined) {
      const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub).catch((err) => {
        throw toOidcError(err);
      });
      ({ email, email_verified: verified } = info);
      name ??= info.name;
    }
    if (typeof email !== 'string' || !email.includes('@')) throw new OidcError('sso_email', 'the provider gave no email');
    if (verified !== true && verified !== 'true') throw new OidcError('sso_email', `the provider has not verified ${email}`);
    if (!emailDomainAllowed(email, settings.allowedDomains)) {
      throw new OidcError('sso_domain', `${email} is not in HINDSIGHT_OIDC_ALLOWED_DOMAINS`);
    }
    const user = await this.signIn(email.trim(), typeof name === 'string' ? name : null, claims.sub);
    return { ...(await this.auth.createSessionFor(user.id)), user };
  }

  /** Finds the user by email (their role and teams unchanged) or creates them with the default role. */
  private signIn(email: string, name: string | null, subject: string): Promise<UserRow> {
    const { defaultRole, issuer } = this.settings!;
    return this.db.transaction(async (tx) => {
      const createdId = (await this.users.userByEmail(email, tx))
        ? undefined
        : await this.repo.insertSsoUser(tx, { email, name, role: defaultRole });
      const user = (await this.users.userByEmail(email, tx))!;
      if (user.disabled) throw new OidcError('sso_disabled', `the account ${user.email} is disabled`);
      const principal: Principal = {
        userId: user.id,
        email: user.email,
        role: user.role,
        teamIds: user.team_ids,
        scopes: ALL_SCOPES,
        actor: user.email,
      };
      if (createdId !== undefined) {
        await this.audit.record(tx, principal, {
          action: 'user.create',
          entityType: 'User',
          entityId: user.id,
          changes: { email: user.email, role: user.role, teamIds: [], source: 'sso' },
        });
      }
      await this.audit.record(tx, principal, {
        action: 'user.sso_login',
        entityType: 'User',
        entityId: user.id,
        changes: { issuer, subject },
      });
      return user;
    });
  }

  /** The provider's metadata and keys, discovered on first use (not at start, so a provider outage cannot stop the app). */
  private provider(): Promise<client.Configuration> {
    if (!this.discovery || Date.now() - this.discovery.at > DISCOVERY_TTL_MS) {
      const { issuer, clientId, clientSecret } = this.settings!;
      const issuerUrl = new URL(issuer);
      const entry = {
        at: Date.now(),
        config: client
          .discovery(issuerUrl, clientId, undefined, clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(), {
            timeout: 10,
            execute: issuerUrl.protocol === 'http:' ? [client.allowInsecureRequests] : [],
          })
          .catch((err: Error) => {
            if (this.discovery === entry) this.discovery = undefined; // try again on the next sign-in
            const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
            throw new OidcError('sso_unavailable', `discovery at ${issuer} failed: ${err.message}${cause}`);
          }),
      };
      this.discovery = entry;
    }
    return this.discovery.config;
  }
}

/** Maps what openid-client throws to our codes; anything unexpected is logged (never shown to the user). */
function toOidcError(err: unknown): OidcError {
  if (err instanceof OidcError) return err;
  if (err instanceof client.AuthorizationResponseError) {
    return new OidcError(err.error === 'access_denied' ? 'sso_denied' : 'sso_provider', `the provider answered ${err.error}`);
  }
  const e = err as Error & { code?: string; error?: string };
  if (e instanceof TypeError && /fetch failed/.test(e.message))
    return new OidcError('sso_unavailable', 'the provider could not be reached');
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return new OidcError('sso_unavailable', 'the provider did not answer in time');
  return new OidcError('sso_failed', `${e?.code ?? e?.name ?? 'error'}: ${e?.error ?? e?.message ?? String(err)}`);
}
