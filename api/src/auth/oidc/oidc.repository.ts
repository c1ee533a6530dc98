import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../../common/database/database.service';
import type { Role } from '../principal';

export interface PendingLogin {
  code_verifier: string;
  nonce: string;
}

@Injectable()
export class OidcRepository {
  constructor(private readonly db: Database) {}

  /** Remembers a sign-in in progress, and drops those abandoned long ago. */
  async savePendingLogin(stateHash: string, login: PendingLogin, expiresAt: Date): Promise<void> {
    await this.db.query(`DELETE FROM oidc_login WHERE expires_at < now() - interval '1 hour'`);
    await this.db.query(`INSERT INTO oidc_login (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4)`, [
      stateHash,
      login.code_verifier,
      login.nonce,
      expiresAt,
    ]);
  }

  /** Consumes a sign-in in progress: at most one callback gets it, and only before it expires. */
  async takePendingLogin(stateHash: string): Promise<PendingLogin | undefined> {
    const { rows } = await run<PendingLogin & { fresh: boolean }>(
      this.db.manager,
      `DELETE FROM oidc_login WHERE state_hash = $1 RETURNING code_verifier, nonce, expires_at > now() AS fresh`,
      [stateHash],
    );
    const [row] = rows;
    return row?.fresh ? { code_verifier: row.code_verifier, nonce: row.nonce } : undefined;
  }

  /**
   * Creates a user without a password (they sign in through the provider) and without teams.
   * Returns undefined when a user with that email exists, e.g. made by a concurrent first sign-in.
   */
  async insertSsoUser(sql: Sql, user: { email: string; name: string | null; role: Role }): Promise<number | undefined> {
    const { rows } = await run<{ id: number }>(
      sql,
      `INSERT INTO app_user (email, name, password_hash, role) VALUES ($1, $2, NULL, $3)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [user.email, user.name, user.role],
    );
    return rows[0]?.id;
  }
}
