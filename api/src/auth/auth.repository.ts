import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../common/database/database.service';
import type { Role, Scope } from './principal';

export interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  version: number;
  team_ids: number[];
}

export interface CredentialRow extends UserRow {
  session_id: number | null;
  token_id: number | null;
  token_name: string | null;
  scopes: Scope[] | null;
  last_used_at: Date | null;
  token_expires_at: Date | null;
}

export interface ApiTokenRow {
  id: number;
  name: string;
  scopes: Scope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
  user_id: number;
}

const TOKEN_COLUMNS = 'id, name, scopes, created_at, last_used_at, revoked_at, expires_at, user_id';

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.password_hash, u.disabled, u.version,
  coalesce((SELECT array_agg(team_id ORDER BY team_id) FROM user_team WHERE user_id = u.id), '{}') AS team_ids`;

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Database) {}

  async userByEmail(email: string, sql: Sql = this.db.manager): Promise<UserRow | undefined> {
    const [row] = await sql.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE lower(u.email) = lower($1)`, [email]);
    return row;
  }

  async usersByIds(ids: readonly number[]): Promise<UserRow[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY($1)`, [ids]);
  }

  /** Users by lower-cased email. */
  async usersByEmails(emails: readonly string[]): Promise<UserRow[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE lower(u.email) = ANY($1)`, [emails]);
  }

  async listUsers(): Promise<UserRow[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u ORDER BY lower(u.email)`);
  }

  async userForUpdate(sql: Sql, id: number): Promise<UserRow | undefined> {
    await sql.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await sql.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return row;
  }

  /** Locks the enabled admins (so two admins cannot demote each other at once) and returns their ids. */
  async lockActiveAdmins(sql: Sql): Promise<number[]> {
    const rows: Array<{ id: number }> = await sql.query(
      `SELECT id FROM app_user WHERE role = 'ADMIN' AND NOT disabled ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async updateUser(
    sql: Sql,
    id: number,
    u: { email: string; name: string | null; role: Role; disabled: boolean; passwordHash: string | null; teamIds: number[] | null },
  ): Promise<void> {
    await sql.query(
      `UPDATE app_user SET email = $2, name = $3, role = $4, disabled = $5, password_hash = coalesce($6, password_hash),
              version = version + 1
        WHERE id = $1`,
      [id, u.email, u.name, u.role, u.disabled, u.passwordHash],
    );
    if (u.teamIds) {
      await sql.query(`DELETE FROM user_team WHERE user_id = $1 AND NOT (team_id = ANY($2::int[]))`, [id, u.teamIds]);
      await sql.query(`INSERT INTO user_team (user_id, team_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [id, u.teamIds]);
    }
  }

  /** Ends every session of a user but `keepSessionId`, and with `tokens` also revokes their API tokens. */
  async revokeCredentials(sql: Sql, userId: number, tokens: boolean, keepSessionId: number | null = null): Promise<void> {
    await sql.query(`UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`, [
      userId,
      keepSessionId,
    ]);
    if (tokens) await this.revokeApiTokensOf(sql, userId);
  }

  async revokeApiTokensOf(sql: Sql, userId: number): Promise<void> {
    await sql.query(`UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  async userCount(): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM app_user`);
    return n;
  }

  async insertUser(
    sql: Sql,
    user: { email: string; name?: string | null; passwordHash: string; role: Role; teamIds: number[] },
  ): Promise<number> {
    const [{ id }] = await sql.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`, [
      user.email,
      user.name ?? null,
      user.passwordHash,
      user.role,
    ]);
    await sql.query(`INSERT INTO user_team (user_id, team_id) SELECT $1, unnest($2::int[])`, [id, user.teamIds]);
    return id;
  }

  /** Resolves a session or API token hash to its user in one statement. */
  async credential(hash: string): Promise<CredentialRow | undefined> {
    const [row] = await this.db.query(
      `SELECT ${USER_COLUMNS}, c.session_id, c.token_id, c.token_name, c.scopes, c.last_used_at, c.token_expires_at
         FROM (SELECT s.user_id, s.id AS session_id, NULL::int AS token_id, NULL::text AS token_name,
                      NULL::text[] AS scopes, NULL::timestamptz AS last_used_at, NULL::timestamptz AS token_expires_at
                 FROM session s WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
               UNION ALL
               SELECT t.user_id, NULL, t.id, t.name, t.scopes, t.last_used_at, t.expires_at
                 FROM api_token t WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())) c
         JOIN app_user u ON u.id = c.user_id
        WHERE NOT u.disabled`,
      [hash],
    );
    return row;
  }

  async insertSession(userId: number, hash: string, expiresAt: Date): Promise<number> {
    const [{ id }] = await this.db.query(`INSERT INTO session (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`, [
      userId,
      hash,
      expiresAt,
    ]);
    return id;
  }

  async revokeSession(id: number): Promise<void> {
    await this.db.query(`UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  async touchToken(id: number): Promise<void> {
    await this.db.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [id]);
  }

  /**
   * The throttle's check-and-count in one step: under a lock on the address, counts the failures of the
   * last `windowMinutes` from this address (all accounts, and this account) and, when both are under their
   * limits, records this attempt as a failure before the password is checked. So parallel attempts cannot
   * all pass a count read before any of them is recorded. Returns the recorded row's id (a success clears
   * it), or null when throttled.
   */
  async reserveAttempt(
    email: string,
    address: string,
    limits: { perAccountAndAddress: number; perAddress: number; windowMinutes: number },
  ): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(4747003, hashtext($1))`, [address]);
      const [counts]: Array<{ pair: number; address: number }> = await tx.query(
        `SELECT count(*) FILTER (WHERE lower(email) = lower($1))::int AS pair, count(*)::int AS address
           FROM login_failure WHERE address = $2 AND at > now() - make_interval(mins => $3)`,
        [email, address, limits.windowMinutes],
      );
      if (counts.pair >= limits.perAccountAndAddress || counts.address >= limits.perAddress) return null;
      const [{ id }] = await tx.query(`INSERT INTO login_failure (email, address) VALUES ($1, $2) RETURNING id`, [email, address]);
      return Number(id);
    });
  }

  /** After a successful sign-in: forgets this account's failures from this address, and prunes old rows. */
  async clearFailures(email: string, address: string, upToId: number): Promise<void> {
    await this.db.query(
      `DELETE FROM login_failure WHERE (address = $2 AND lower(email) = lower($1) AND id <= $3) OR at < now() - interval '1 day'`,
      [email, address, upToId],
    );
  }

  async insertApiToken(
    sql: Sql,
    t: { userId: number; name: string; hash: string; scopes: Scope[]; expiresAt: Date | null },
  ): Promise<ApiTokenRow> {
    const [row] = await sql.query(
      `INSERT INTO api_token (user_id, name, token_hash, scopes, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${TOKEN_COLUMNS}`,
      [t.userId, t.name, t.hash, t.scopes, t.expiresAt],
    );
    return row;
  }

  async apiTokens(userId: number | null): Promise<ApiTokenRow[]> {
    return this.db.query(
      `SELECT ${TOKEN_COLUMNS} FROM api_token
        WHERE ($1::int IS NULL OR user_id = $1) ORDER BY id DESC`,
      [userId],
    );
  }

  async revokeApiToken(sql: Sql, id: number, userId: number | null): Promise<ApiTokenRow | undefined> {
    const {
      rows: [row],
    } = await run<ApiTokenRow>(
      sql,
      `UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND ($2::int IS NULL OR user_id = $2)
       RETURNING ${TOKEN_COLUMNS}`,
      [id, userId],
    );
    return row;
  }
}
