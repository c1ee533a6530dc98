import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens get an optional expiry (null: until revoked); an expired token authenticates as nobody.
 * Failed sign-ins are throttled per (account, address) and per address (no longer per account alone),
 * so their counts are read by address first; old rows are pruned by time.
 */
export class AuthHardening1764547200400 implements MigrationInterface {
  name = 'AuthHardening1764547200400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
      DROP INDEX login_failure_email_at;
      CREATE INDEX login_failure_address_email_at ON login_failure (address, lower(email), at);
      CREATE INDEX login_failure_at ON login_failure (at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX login_failure_address_email_at, login_failure_at;
      CREATE INDEX login_failure_email_at ON login_failure (lower(email), at);
      ALTER TABLE api_token DROP COLUMN expires_at;
    `);
  }
}
