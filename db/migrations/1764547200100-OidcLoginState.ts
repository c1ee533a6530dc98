import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (OpenID Connect): a sign-in in progress, between the redirect to the provider and
 * its callback. Kept in PostgreSQL, not in process memory, because any instance may receive the
 * callback. A row is consumed (deleted) by the first callback that presents its state.
 */
export class OidcLoginState1764547200100 implements MigrationInterface {
  name = 'OidcLoginState1764547200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oidc_login (
        state_hash text PRIMARY KEY,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX oidc_login_expires_at ON oidc_login (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_login`);
  }
}
