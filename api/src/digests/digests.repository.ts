import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../common/database/database.service';
import type { Role } from '../auth/principal';
import type { DigestScheduleName } from './digest-schedule';
import { DigestChannel, DigestDeliveryRow, DigestDeliveryStatus, DigestFilterJson, DigestRow, DigestTrigger } from './digest.model';

const DIGEST = `id, name, schedule, channel, target, target_sealed, filter, created_by, created_at, next_run_at`;
const DELIVERY = `id, digest_id, trigger, status, attempt, error, period_from, period_to, queued_at, started_at, finished_at`;

/** Who a digest's metrics are read as: its creator as they are now. */
export interface CreatorRow {
  id: number;
  email: string;
  role: Role;
  disabled: boolean;
  team_ids: number[];
}

@Injectable()
export class DigestsRepository {
  constructor(private readonly db: Database) {}

  async insert(
    sql: Sql,
    d: {
      name: string;
      schedule: DigestScheduleName;
      channel: DigestChannel;
      target: string;
      targetSealed: string | null;
      filter: DigestFilterJson;
      createdBy: number;
      nextRunAt: Date;
    },
  ): Promise<DigestRow> {
    const [row] = await sql.query(
      `INSERT INTO digest (name, schedule, channel, target, target_sealed, filter, created_by, next_run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${DIGEST}`,
      [d.name, d.schedule, d.channel, d.target, d.targetSealed, JSON.stringify(d.filter), d.createdBy, d.nextRunAt],
    );
    return row;
  }

  async byId(sql: Sql, id: number, lock = false): Promise<DigestRow | null> {
    const [row] = await sql.query(`SELECT ${DIGEST} FROM digest WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  list(): Promise<DigestRow[]> {
    return this.db.query(`SELECT ${DIGEST} FROM digest ORDER BY lower(name), id`);
  }

  async delete(sql: Sql, id: number): Promise<DigestRow | null> {
    const { rows } = await run<DigestRow>(sql, `DELETE FROM digest WHERE id = $1 RETURNING ${DIGEST}`, [id]);
    return rows[0] ?? null;
  }

  /** The digests whose next run has come, locked (others' ticks skip them), oldest first. */
  due(sql: Sql, now: Date, limit = 100): Promise<DigestRow[]> {
    return sql.query(`SELECT ${DIGEST} FROM digest WHERE next_run_at <= $1 ORDER BY next_run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`, [
      now,
      limit,
    ]);
  }

  /** WEBHOOK digests whose URL is still stored plain (written before digest targets were sealed). */
  plainWebhooks(): Promise<Array<Pick<DigestRow, 'id' | 'target'>>> {
    return this.db.query(`SELECT id, target FROM digest WHERE channel = 'WEBHOOK' AND target_sealed IS NULL ORDER BY id`);
  }

  /** Replaces a plain URL by its sealed form and mask; false when the row changed meanwhile (another instance sealed it). */
  async sealTarget(id: number, plain: string, shown: string, sealed: string): Promise<boolean> {
    const { rowCount } = await run(
      this.db.manager,
      `UPDATE digest SET target = $3, target_sealed = $4 WHERE id = $1 AND target = $2 AND target_sealed IS NULL`,
      [id, plain, shown, sealed],
    );
    return rowCount === 1;
  }

  async setNextRun(sql: Sql, id: number, at: Date): Promise<void> {
    await sql.query(`UPDATE digest SET next_run_at = $2 WHERE id = $1`, [id, at]);
  }

  async insertDelivery(sql: Sql, digestId: number, trigger: DigestTrigger, from: Date, to: Date): Promise<DigestDeliveryRow> {
    const [row] = await sql.query(
      `INSERT INTO digest_delivery (digest_id, trigger, period_from, period_to) VALUES ($1, $2, $3, $4) RETURNING ${DELIVERY}`,
      [digestId, trigger, from, to],
    );
    return row;
  }

  async delivery(id: number): Promise<DigestDeliveryRow | null> {
    const [row] = await this.db.query(`SELECT ${DELIVERY} FROM digest_delivery WHERE id = $1`, [id]);
    return row ?? null;
  }

  deliveries(digestId: number, first: number): Promise<DigestDeliveryRow[]> {
    return this.db.query(`SELECT ${DELIVERY} FROM digest_delivery WHERE digest_id = $1 ORDER BY id DESC LIMIT $2`, [digestId, first]);
  }

  /** The newest delivery of each digest. */
  lastDeliveries(digestIds: readonly number[]): Promise<DigestDeliveryRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (digest_id) ${DELIVERY} FROM digest_delivery WHERE digest_id = ANY($1::int[]) ORDER BY digest_id, id DESC`,
      [digestIds],
    );
  }

  /**
   * Starts attempt `attempt` of a delivery that has not ended; false when it has (SENT or FAILED already, or deleted
   * with its digest).
   */
  async startAttempt(id: number, attempt: number): Promise<boolean> {
    const { rowCount } = await run(
      this.db.manager,
      `UPDATE digest_delivery SET attempt = $2, started_at = coalesce(started_at, now())
        WHERE id = $1 AND status IN ('QUEUED', 'RETRYING')`,
      [id, attempt],
    );
    return rowCount === 1;
  }

  /** Records the outcome of an attempt: RETRYING with its error, or SENT / FAILED (then finished). */
  async record(id: number, status: DigestDeliveryStatus, error: string | null): Promise<void> {
    await this.db.query(
      `UPDATE digest_delivery SET status = $2, error = $3,
              finished_at = CASE WHEN $2 IN ('SENT', 'FAILED') THEN now() ELSE finished_at END
        WHERE id = $1 AND status IN ('QUEUED', 'RETRYING')`,
      [id, status, error],
    );
  }

  async creator(userId: number): Promise<CreatorRow | null> {
    const [row] = await this.db.query(
      `SELECT u.id, u.email, u.role, u.disabled,
              coalesce((SELECT array_agg(team_id ORDER BY team_id) FROM user_team WHERE user_id = u.id), '{}') AS team_ids
         FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    return row ?? null;
  }
  /** The names of a filter's teams, services, causes and sources (ids no longer found are named "#id (deleted)"), for the digest's scope line. */
  async scopeNames(filter: DigestFilterJson): Promise<{ teams: string[]; services: string[]; causes: string[]; sources: string[] }> {
    const names = async (table: 'team' | 'service' | 'root_cause' | 'source', ids: string[] | null | undefined) => {
      if (!ids?.length) return [];
      const rows: Array<{ id: number; name: string }> = await this.db.query(`SELECT id, name FROM ${table} WHERE id = ANY($1::int[])`, [
        ids.map(Number).filter(Number.isInteger),
      ]);
      const byId = new Map(rows.map((r) => [String(r.id), r.name]));
      return ids.map((id) => byId.get(String(id)) ?? `#${id} (deleted)`);
    };
    const [teams, services, causes, sources] = await Promise.all([
      names('team', filter.teamIds),
      names('service', filter.serviceIds),
      names('root_cause', filter.rootCauseIds),
      names('source', filter.sourceIds),
    ]);
    return { teams, services, causes, sources };
  }
}
