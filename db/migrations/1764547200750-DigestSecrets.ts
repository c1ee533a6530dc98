import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A WEBHOOK digest's URL is a secret (a Slack incoming-webhook URL lets anyone who has it post to the channel): it is
 * stored sealed with the server's key (HINDSIGHT_SECRET_KEY, as source tokens are) in target_sealed, and `target`
 * keeps only what the API shows, the URL masked (scheme and host, "…", the last 4 characters).
 *
 * Rows written before this migration keep their plain URL in `target` with target_sealed NULL: the server reads both
 * forms, and the digest schedule's tick seals such rows once a key is available (DigestsService.sealPlainTargets).
 * EMAIL digests' addresses are not secret: target_sealed stays NULL for them.
 */
export class DigestSecrets1764547200750 implements MigrationInterface {
  name = 'DigestSecrets1764547200750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE digest ADD COLUMN target_sealed text;
      ALTER TABLE digest ADD CONSTRAINT digest_target_sealed_webhook CHECK (target_sealed IS NULL OR channel = 'WEBHOOK');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE digest DROP CONSTRAINT IF EXISTS digest_target_sealed_webhook; ALTER TABLE digest DROP COLUMN IF EXISTS target_sealed`,
    );
  }
}
