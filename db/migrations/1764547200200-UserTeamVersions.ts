import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and teams become editable (updateUser, updateTeam). Like incidents and action items they carry
 * a version, so an admin's edit made on a stale copy is refused with CONFLICT instead of overwriting a
 * colleague's change. Existing rows start at version 1.
 */
export class UserTeamVersions1764547200200 implements MigrationInterface {
  name = 'UserTeamVersions1764547200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN version integer NOT NULL DEFAULT 1;
      ALTER TABLE team ADD COLUMN version integer NOT NULL DEFAULT 1;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN version; ALTER TABLE team DROP COLUMN version`);
  }
}
