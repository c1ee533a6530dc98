import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database, run, Sql } from '../common/database/database.service';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { CreateRedundancyMechanismInput } from './dto/mechanism.input';
import type { MechanismRow } from './redundancy-mechanism.model';

const COLUMNS = 'id, name, description, retired_at';

/** The redundancy catalogue, editable by admins. */
@Injectable()
export class RedundancyService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  list(includeRetired: boolean): Promise<MechanismRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM redundancy_mechanism WHERE $1 OR retired_at IS NULL ORDER BY id`, [includeRetired]);
  }

  byIds(ids: readonly number[], sql: Sql = this.db.manager): Promise<MechanismRow[]> {
    return sql.query(`SELECT ${COLUMNS} FROM redundancy_mechanism WHERE id = ANY($1)`, [ids]);
  }

  load(loaders: RequestLoaders, id: number): Promise<MechanismRow | null> {
    return loaders
      .get<number, MechanismRow | null>('mechanismById', async (ids) => indexBy(await this.byIds(ids), (m) => m.id), null)
      .load(id);
  }

  async requireActive(sql: Sql, id: number, field: string): Promise<MechanismRow> {
    const [row] = await this.byIds([id], sql);
    if (!row || row.retired_at) throw badInput(`${field}: no active redundancy mechanism with id ${id}`, field);
    return row;
  }

  async create(principal: Principal, input: CreateRedundancyMechanismInput): Promise<MechanismRow> {
    return this.db.transaction(async (tx) => {
      const [clash] = await tx.query(`SELECT id FROM redundancy_mechanism WHERE lower(name) = lower($1)`, [input.name.trim()]);
      if (clash) throw new DomainError('CONFLICT', `"${input.name.trim()}" already exists`, ['name']);
      const [row] = await tx.query(`INSERT INTO redundancy_mechanism (name, description) VALUES ($1, $2) RETURNING ${COLUMNS}`, [
        input.name.trim(),
        input.description ?? null,
      ]);
      await this.audit.record(tx, principal, {
        action: 'redundancyMechanism.create',
        entityType: 'RedundancyMechanism',
        entityId: row.id,
        changes: { name: row.name },
      });
      return row;
    });
  }

  /** Retires a mechanism: it stays on past assessments but is no longer offered. */
  async retire(principal: Principal, id: number): Promise<MechanismRow> {
    return this.db.transaction(async (tx) => {
      const { rows } = await run<MechanismRow>(
        tx,
        `UPDATE redundancy_mechanism SET retired_at = coalesce(retired_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      );
      if (!rows[0]) throw notFound('Redundancy mechanism', id);
      await this.audit.record(tx, principal, {
        action: 'redundancyMechanism.retire',
        entityType: 'RedundancyMechanism',
        entityId: id,
        changes: { name: rows[0].name },
      });
      return rows[0];
    });
  }
}
