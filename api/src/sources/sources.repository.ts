import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../common/database/database.service';
import type { SourceRow, SourceSettings } from './source.model';

/** The columns of SourceRow: everything but the sealed secrets, whose presence is a boolean. */
const COLUMNS = `s.id, s.kind, s.name, s.base_url, s.token_sealed IS NOT NULL AS has_token,
  s.webhook_secret_sealed IS NOT NULL AS has_webhook_secret, s.team_id, s.enabled, s.sync_every_minutes, s.since,
  s.severity_map, s.default_severity, s.create_missing, s.private, s.settings, s.mark, s.version, s.created_at, s.deleted_at`;

/** The values an admin sets; secrets already sealed (null: none). */
export interface SourceValues {
  name: string;
  baseUrl: string | null;
  tokenSealed: string | null;
  webhookSecretSealed: string | null;
  teamId: number;
  enabled: boolean;
  syncEveryMinutes: number;
  since: Date;
  severityMap: Array<{ from: string; to: string }>;
  defaultSeverity: string;
  createMissing: boolean;
  private: boolean;
  settings: SourceSettings;
}

const valueParams = (v: SourceValues): unknown[] => [
  v.name,
  v.baseUrl,
  v.tokenSealed,
  v.webhookSecretSealed,
  v.teamId,
  v.enabled,
  v.syncEveryMinutes,
  v.since,
  JSON.stringify(v.severityMap),
  v.defaultSeverity,
  v.createMissing,
  v.private,
  JSON.stringify(v.settings),
];

const VALUE_COLUMNS = `name, base_url, token_sealed, webhook_secret_sealed, team_id, enabled, sync_every_minutes, since,
  severity_map, default_severity, create_missing, private, settings`;

@Injectable()
export class SourcesRepository {
  constructor(private readonly db: Database) {}

  /** Sources not deleted, by name. */
  list(): Promise<SourceRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM source s WHERE s.deleted_at IS NULL ORDER BY lower(s.name), s.id`);
  }

  /** Enabled sources that pull on a schedule (not deleted, not WEBHOOK, syncEveryMinutes > 0). */
  scheduled(): Promise<SourceRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM source s
        WHERE s.deleted_at IS NULL AND s.enabled AND s.sync_every_minutes > 0 AND s.kind <> 'WEBHOOK' ORDER BY s.id`,
    );
  }

  /** Deleted ones included (incidents keep pointing at them). */
  byIds(ids: readonly number[]): Promise<SourceRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM source s WHERE s.id = ANY($1::int[])`, [ids]);
  }

  /** A source that is not deleted, optionally locked for an edit. */
  async byId(sql: Sql, id: number, lock = false): Promise<SourceRow | undefined> {
    const [row] = await sql.query(`SELECT ${COLUMNS} FROM source s WHERE s.id = $1 AND s.deleted_at IS NULL${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return row;
  }

  async sealed(sql: Sql, id: number): Promise<{ token_sealed: string | null; webhook_secret_sealed: string | null } | undefined> {
    const [row] = await sql.query(`SELECT token_sealed, webhook_secret_sealed FROM source WHERE id = $1 AND deleted_at IS NULL`, [id]);
    return row;
  }

  /** Another source (not deleted) with this name, case-insensitively. */
  async byName(sql: Sql, name: string): Promise<{ id: number } | undefined> {
    const [row] = await sql.query(`SELECT id FROM source WHERE lower(name) = lower($1) AND deleted_at IS NULL`, [name]);
    return row;
  }

  async insert(sql: Sql, kind: string, v: SourceValues): Promise<SourceRow> {
    const [{ id }] = await sql.query(
      `INSERT INTO source (kind, ${VALUE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14::jsonb)
       RETURNING id`,
      [kind, ...valueParams(v)],
    );
    return (await this.byId(sql, id))!;
  }

  async update(sql: Sql, id: number, v: SourceValues): Promise<SourceRow> {
    await sql.query(
      `UPDATE source SET (${VALUE_COLUMNS}) = ($2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14::jsonb),
              version = version + 1
        WHERE id = $1`,
      [id, ...valueParams(v)],
    );
    return (await this.byId(sql, id))!;
  }

  /** Soft delete: the row stays for the incidents that name it; syncing stops. */
  async softDelete(sql: Sql, id: number): Promise<boolean> {
    const { rowCount } = await run(
      sql,
      `UPDATE source SET deleted_at = now(), enabled = false, version = version + 1 WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rowCount === 1;
  }
}
