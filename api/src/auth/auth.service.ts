import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import { AuditService, diff } from '../audit/audit.service';
import { Database, Sql } from '../common/database/database.service';
import { APP_CONFIG, AppConfig } from '../config';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { toIds } from '../common/graphql/validators';
import { ApiTokenRow, AuthRepository, UserRow } from './auth.repository';
import { CreateApiTokenInput, CreateUserInput, UpdateUserInput } from './dto/auth.input';
import { ALL_SCOPES, heldScopes, managesAllTokens, Principal, Role, SYSTEM } from './principal';
import { hashSecret, newSecret } from './tokens';

export const SESSION_COOKIE = 'hindsight_session';
/**
 * Failed sign-ins allowed in THROTTLE_WINDOW_MINUTES per (account, client address) and per client address.
 * There is no limit per account alone: it would let anyone lock an account's owner out from everywhere.
 * Guessing one account from many addresses gets 10 tries per address and window, against passwords of
 * at least 12 characters hashed with argon2.
 */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
export const MAX_FAILURES_PER_ADDRESS = 100;
export const THROTTLE_WINDOW_MINUTES = 15;

/** Headers a reverse proxy adds: first-run setup is refused when any of them is present. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

/** Where a first-run setup request came from, as the socket and headers tell. */
export interface SetupOrigin {
  /** The socket's peer address (never X-Forwarded-For). */
  peer: string;
  host: string | undefined;
  proxyHeaders: string[];
}

export function setupOrigin(req: Request): SetupOrigin {
  return {
    peer: req.socket.remoteAddress ?? '',
    host: req.headers.host,
    proxyHeaders: PROXY_HEADERS.filter((h) => req.headers[h] !== undefined),
  };
}

/** The session cookie: HTTP-only, same-site, and Secure when the request came over HTTPS (through a trusted proxy too). */
export function sessionCookie(req: Request, expires: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, expires, path: '/' };
}

@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly repo: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  /** The bearer token (header) or session cookie of a request, if any. */
  static credentialOf(req: Request): string | null {
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      return m ? m[1] : null;
    }
    const cookie = req.headers.cookie?.split(/;\s*/).find((c: string) => c.startsWith(`${SESSION_COOKIE}=`));
    return cookie ? decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)) : null;
  }

  /** Resolves the request's credential to a principal; null when absent, unknown, expired or revoked. */
  async authenticate(req: Request): Promise<Principal | null> {
    const secret = AuthService.credentialOf(req);
    if (!secret || secret.length > 200) return null;
    const row = await this.repo.credential(hashSecret(secret));
    if (!row) return null;
    if (row.token_id && (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000)) {
      await this.repo.touchToken(row.token_id);
    }
    return {
      userId: row.id,
      email: row.email,
      role: row.role,
      teamIds: row.team_ids,
      scopes: row.scopes ?? ALL_SCOPES,
      sessionId: row.session_id ?? undefined,
      tokenId: row.token_id ?? undefined,
      tokenExpiresAt: row.token_expires_at ?? undefined,
      actor: row.token_name ?? row.email,
    };
  }

  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
    // counted as a failure before the slow hash, so a burst of parallel guesses cannot pass one stale count
    const attempt = await this.repo.reserveAttempt(email, address, {
      perAccountAndAddress: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
      perAddress: MAX_FAILURES_PER_ADDRESS,
      windowMinutes: THROTTLE_WINDOW_MINUTES,
    });
    if (attempt === null) {
      throw new DomainError('TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${THROTTLE_WINDOW_MINUTES} minutes`);
    }
    const user = await this.repo.userByEmail(email);
    // verify against a dummy hash for unknown accounts, so timing does not tell which emails exist
    const hash = user?.password_hash ?? (await (this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'))));
    const ok = (await argon2.verify(hash, password).catch(() => false)) && !!user && !user.disabled;
    if (!ok) throw new DomainError('UNAUTHENTICATED', 'Wrong email or password');
    await this.repo.clearFailures(email, address, attempt);
    return { ...(await this.createSessionFor(user!.id)), user: user! };
  }

  /** Starts a session for a user whose identity was already checked (password, or single sign-on). */
  async createSessionFor(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const { secret, hash } = newSecret('hss');
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3600_000);
    await this.repo.insertSession(userId, hash, expiresAt);
    return { token: secret, expiresAt };
  }

  async logout(principal: Principal): Promise<boolean> {
    if (!principal.sessionId) return false;
    await this.repo.revokeSession(principal.sessionId);
    return true;
  }

  /** Changes the caller's password after checking the current one; other sessions end, and with `revokeApiTokens` the caller's API tokens. */
  async changePassword(principal: Principal, current: string, next: string, revokeApiTokens = false): Promise<boolean> {
    if (principal.tokenId) throw new DomainError('FORBIDDEN', 'API tokens cannot change passwords');
    const user = await this.me(principal);
    if (!user.password_hash || !(await argon2.verify(user.password_hash, current).catch(() => false))) {
      throw badInput('currentPassword is wrong', 'currentPassword');
    }
    const hash = await argon2.hash(next);
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [user.id, hash]);
      await this.repo.revokeCredentials(tx, user.id, revokeApiTokens, principal.sessionId ?? null);
      const changes = revokeApiTokens ? { apiTokens: 'revoked' } : {};
      await this.audit.record(tx, principal, { action: 'user.password', entityType: 'User', entityId: user.id, changes });
    });
    return true;
  }

  listUsers(): Promise<UserRow[]> {
    return this.repo.listUsers();
  }

  loadUser(loaders: RequestLoaders, id: number): Promise<UserRow | null> {
    return loaders
      .get<number, UserRow | null>('userById', async (ids) => indexBy(await this.repo.usersByIds(ids), (u) => u.id), null)
      .load(id);
  }

  /**
   * How an actor recorded on a record (who set a tag, assessed, wrote a note: a user's email or a token's name)
   * is shown to `viewer`. Viewers see other users by name, never by email, as everywhere else a user appears.
   */
  async actorLabel(loaders: RequestLoaders, viewer: Principal | null, actor: string | null): Promise<string | null> {
    if (actor === null || !actor.includes('@')) return actor;
    if (viewer && (viewer.role !== 'VIEWER' || viewer.email.toLowerCase() === actor.toLowerCase())) return actor;
    const user = await loaders
      .get<string, UserRow | null>(
        'userByEmail',
        async (emails) => indexBy(await this.repo.usersByEmails(emails), (u) => u.email.toLowerCase()),
        null,
      )
      .load(actor.toLowerCase());
    return user?.name || 'a team member';
  }

  async me(principal: Principal): Promise<UserRow> {
    const [user] = await this.repo.usersByIds([principal.userId]);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The account no longer exists');
    return user;
  }

  async createUser(principal: Principal, input: CreateUserInput): Promise<UserRow> {
    const passwordHash = await argon2.hash(input.password);
    return this.db.transaction(async (tx) => {
      if (await this.repo.userByEmail(input.email, tx)) {
        throw new DomainError('CONFLICT', `A user with email ${input.email} already exists`, ['email']);
      }
      const teamIds = [...new Set(toIds(input.teamIds))];
      const teams = await tx.query(`SELECT id FROM team WHERE id = ANY($1)`, [teamIds]);
      if (teams.length !== teamIds.length) throw badInput('teamIds: unknown team', 'teamIds');
      const id = await this.repo.insertUser(tx, { email: input.email.trim(), name: input.name, passwordHash, role: input.role, teamIds });
      await this.audit.record(tx, principal, {
        action: 'user.create',
        entityType: 'User',
        entityId: id,
        changes: { email: input.email, role: input.role, teamIds },
      });
      return (await this.repo.userByEmail(input.email, tx))!;
    });
  }

  /**
   * An admin changes a user. Only the given fields change; a stale expectedVersion is CONFLICT and nothing is
   * written. At least one enabled admin always remains. A new password ends the user's sessions; disabling
   * ends them and revokes the user's API tokens (re-enabling does not bring those back); `revokeApiTokens`
   * revokes the tokens too (with a reset password: a leaked credential stops working in every form).
   */
  async updateUser(principal: Principal, id: number, input: UpdateUserInput): Promise<UserRow> {
    const passwordHash = input.password !== undefined ? await argon2.hash(input.password) : null;
    return this.db.transaction(async (tx) => {
      const current = await this.repo.userForUpdate(tx, id);
      if (!current) throw notFound('User', id);
      if (current.version !== input.expectedVersion) {
        throw new DomainError(
          'CONFLICT',
          `User ${current.email} was changed by someone else (you had version ${input.expectedVersion}, it is now ${current.version}); reload and apply your edit again`,
          ['expectedVersion'],
        );
      }
      const email = input.email?.trim() ?? current.email;
      if (email.toLowerCase() !== current.email.toLowerCase()) {
        const other = await this.repo.userByEmail(email, tx);
        if (other) throw new DomainError('CONFLICT', `A user with email ${email} already exists`, ['email']);
      }
      let teamIds: number[] | null = null;
      if (input.teamIds) {
        teamIds = [...new Set(toIds(input.teamIds))].sort((a, b) => a - b);
        const teams = await tx.query(`SELECT id FROM team WHERE id = ANY($1)`, [teamIds]);
        if (teams.length !== teamIds.length) throw badInput('teamIds: unknown team', 'teamIds');
      }
      const role = input.role ?? current.role;
      const disabled = input.disabled ?? current.disabled;
      const wasActiveAdmin = current.role === 'ADMIN' && !current.disabled;
      if (wasActiveAdmin && (role !== 'ADMIN' || disabled)) {
        const admins = await this.repo.lockActiveAdmins(tx);
        if (!admins.some((a) => a !== id)) {
          const fields = [...(role !== 'ADMIN' ? ['role'] : []), ...(disabled ? ['disabled'] : [])];
          throw badInput(`${current.email} is the only enabled admin; make another admin first`, ...fields);
        }
      }
      const name = input.name === undefined ? current.name : input.name?.trim() || null;
      await this.repo.updateUser(tx, id, { email, name, role, disabled, passwordHash, teamIds });
      if (disabled && !current.disabled) await this.repo.revokeCredentials(tx, id, true);
      else if (passwordHash) await this.repo.revokeCredentials(tx, id, input.revokeApiTokens ?? false);
      else if (input.revokeApiTokens) await this.repo.revokeApiTokensOf(tx, id);
      const changes: Record<string, unknown> = diff(
        { email: current.email, name: current.name, role: current.role, disabled: current.disabled, teamIds: current.team_ids },
        { email, name, role, disabled, teamIds: teamIds ?? current.team_ids },
      );
      if (passwordHash) changes.password = 'reset by an admin';
      if (input.revokeApiTokens) changes.apiTokens = 'revoked';
      await this.audit.record(tx, principal, { action: 'user.update', entityType: 'User', entityId: id, changes });
      return (await this.repo.userForUpdate(tx, id))!;
    });
  }

  /**
   * A token never widens: it gets only scopes the caller holds (a token's own, within the user's role; a
   * session's, what the role allows) and never outlives the token that makes it. Tokens without the WRITE
   * or ADMIN scope make none.
   */
  async createApiToken(principal: Principal, input: CreateApiTokenInput): Promise<{ token: string; row: ApiTokenRow }> {
    if (principal.tokenId && !principal.scopes.some((s) => s === 'WRITE' || s === 'ADMIN')) {
      throw new DomainError('FORBIDDEN', 'Only a token with the WRITE or ADMIN scope can make API tokens');
    }
    const held = heldScopes(principal);
    const wider = input.scopes.filter((s) => !held.includes(s));
    if (wider.length) {
      throw new DomainError('FORBIDDEN', `You cannot give a token scopes you do not hold: ${wider.join(', ')}`, ['scopes']);
    }
    let expiresAt = input.expiresAt ?? null;
    const ceiling = principal.tokenExpiresAt;
    if (ceiling) {
      if (expiresAt && expiresAt > ceiling) {
        throw new DomainError('FORBIDDEN', `expiresAt must not be later than the expiry of the token in use (${ceiling.toISOString()})`, [
          'expiresAt',
        ]);
      }
      expiresAt ??= ceiling;
    }
    const { secret, hash } = newSecret('hst');
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insertApiToken(tx, {
        userId: principal.userId,
        name: input.name.trim(),
        hash,
        scopes: input.scopes,
        expiresAt,
      });
      await this.audit.record(tx, principal, {
        action: 'apiToken.create',
        entityType: 'ApiToken',
        entityId: row.id,
        changes: { name: row.name, scopes: row.scopes, expiresAt: row.expires_at },
      });
      return { token: secret, row };
    });
  }

  /** Admins (a session or an ADMIN-scoped token) see every token; everyone else their own. */
  apiTokens(principal: Principal): Promise<ApiTokenRow[]> {
    return this.repo.apiTokens(managesAllTokens(principal) ? null : principal.userId);
  }

  /**
   * Revokes a token of the caller's own (a session, or a token with WRITE or ADMIN: also itself), or as an
   * admin (session or ADMIN-scoped token) anyone's. Others' tokens are NOT_FOUND to everyone else.
   */
  async revokeApiToken(principal: Principal, id: number): Promise<ApiTokenRow> {
    if (principal.tokenId && !principal.scopes.some((s) => s === 'WRITE' || s === 'ADMIN')) {
      throw new DomainError('FORBIDDEN', 'Only a token with the WRITE or ADMIN scope can revoke API tokens');
    }
    return this.db.transaction(async (tx) => {
      const row = await this.repo.revokeApiToken(tx, id, managesAllTokens(principal) ? null : principal.userId);
      if (!row) throw notFound('API token', id);
      await this.audit.record(tx, principal, {
        action: 'apiToken.revoke',
        entityType: 'ApiToken',
        entityId: id,
        changes: { name: row.name },
      });
      return row;
    });
  }

  /**
   * First start: HINDSIGHT_ADMIN_EMAIL/PASSWORD create the first admin. Without them, and while no
   * user exists, the web app offers first-run setup to a browser on this machine (`completeSetup`).
   * There are no default credentials.
   */
  async bootstrapAdmin(): Promise<string | null> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail && adminPassword) {
      if (await this.repo.userByEmail(adminEmail)) return null;
      await this.db.transaction((tx) => this.insertAdmin(tx, adminEmail, adminPassword));
      return `created admin ${adminEmail} from HINDSIGHT_ADMIN_EMAIL`;
    }
    if ((await this.repo.userCount()) > 0) return null;
    if (this.config.databaseUrl) {
      return 'no account exists: set HINDSIGHT_ADMIN_EMAIL and HINDSIGHT_ADMIN_PASSWORD and restart to create the first admin';
    }
    return `first start: no account yet. Open the address above in a browser on this machine to create the admin account (or set HINDSIGHT_ADMIN_EMAIL and HINDSIGHT_ADMIN_PASSWORD)`;
  }

  /** First-run setup exists only for the embedded default (a server database gets its admin from the environment). */
  async setupRequired(): Promise<boolean> {
    return !this.config.databaseUrl && (await this.repo.userCount()) === 0;
  }

  /**
   * First-run setup: the first admin, from a browser on the server's own machine, once. The request must
   * reach the app directly (no proxy headers), from a loopback address, and name a loopback Host: a web page
   * elsewhere that rebinds its DNS name to 127.0.0.1 still sends its own name as Host.
   */
  async completeSetup(email: string, password: string, origin: SetupOrigin): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
    if (origin.proxyHeaders.length) {
      throw new DomainError(
        'FORBIDDEN',
        `First-run setup is refused through a proxy (the request carries ${origin.proxyHeaders.join(', ')}); open Hindsight in a browser on the server itself, or set HINDSIGHT_ADMIN_EMAIL and HINDSIGHT_ADMIN_PASSWORD`,
      );
    }
    if (!isLoopbackHost(origin.host)) {
      throw new DomainError(
        'FORBIDDEN',
        'First-run setup needs the Host to be localhost, 127.0.0.1 or [::1]: open http://localhost:<port>/',
      );
    }
    if (!isLoopback(origin.peer)) throw new DomainError('FORBIDDEN', 'First-run setup is allowed only from the server itself (127.0.0.1)');
    if (this.config.databaseUrl)
      throw new DomainError(
        'FORBIDDEN',
        'First-run setup is for the embedded database; set HINDSIGHT_ADMIN_EMAIL and HINDSIGHT_ADMIN_PASSWORD',
      );
    const passwordHash = await argon2.hash(password);
    const user = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(4747002)`); // two browsers at once: one wins
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM app_user`);
      if (n > 0) throw new DomainError('FORBIDDEN', 'Hindsight is set up already; sign in instead');
      await this.insertAdmin(tx, email.trim(), password, passwordHash);
      return (await this.repo.userByEmail(email, tx))!;
    });
    return { ...(await this.createSessionFor(user.id)), user };
  }

  private async insertAdmin(sql: Sql, email: string, password: string, hash?: string): Promise<void> {
    const passwordHash = hash ?? (await argon2.hash(password));
    const teams: Array<{ id: number }> = await sql.query(`SELECT id FROM team`);
    const id = await this.repo.insertUser(sql, { email, passwordHash, role: 'ADMIN' as Role, teamIds: teams.map((t) => t.id) });
    await this.audit.record(sql, SYSTEM, { action: 'user.create', entityType: 'User', entityId: id, changes: { email, role: 'ADMIN' } });
  }
}

/** The server's own machine: IPv4 or IPv6 loopback, also as an IPv4-mapped address. */
export function isLoopback(address: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/.test(address);
}

/** A Host header naming this machine: localhost, 127.x.x.x or [::1], with any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  return !!host && /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i.test(host);
}
