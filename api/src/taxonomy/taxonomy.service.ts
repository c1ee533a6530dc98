import { Injectable } from '@nestjs/common';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database, run, Sql } from '../common/database/database.service';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { CreateRootCauseInput, UpdateRootCauseInput } from './dto/root-cause.input';
import type { RootCauseRow } from './root-cause.model';

const COLUMNS = 'id, name, description, parent_id, retired_at';

/** The root-cause taxonomy: categories and causes, editable by admins. */
@Injectable()
export class TaxonomyService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  list(includeRetired: boolean): Promise<RootCauseRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM root_cause WHERE $1 OR retired_at IS NULL ORDER BY coalesce(parent_id, id), parent_id NULLS FIRST, lower(name)`,
      [includeRetired],
    );
  }

  byIds(ids: readonly number[], sql: Sql = this.db.manager): Promise<RootCauseRow[]> {
    return sql.query(`SELECT ${COLUMNS} FROM root_cause WHERE id = ANY($1)`, [ids]);
  }

  load(loaders: RequestLoaders, id: number): Promise<RootCauseRow | null> {
    return loaders
      .get<number, RootCauseRow | null>('rootCauseById', async (ids) => indexBy(await this.byIds(ids), (c) => c.id), null)
      .load(id);
  }

  /** Fails with BAD_USER_INPUT naming `field` unless every id is an active node. */
  async requireActive(sql: Sql, ids: number[], field: string): Promise<void> {
    const rows = await this.byIds(ids, sql);
    const bad = ids.filter((id) => !rows.some((r) => r.id === id && r.retired_at === null));
    if (bad.length) throw badInput(`${field}: no active root cause with id ${bad.join(', ')}`, field);
  }

  async create(principal: Principal, input: CreateRootCauseInput): Promise<RootCauseRow> {
    return this.db.transaction(async (tx) => {
      const parentId = input.parentId ? Number(input.parentId) : null;
      if (parentId !== null) {
        const [parent] = await this.byIds([parentId], tx);
        if (!parent || parent.parent_id !== null) throw badInput('parentId must be a category (a node without parent)', 'parentId');
      }
      await this.checkUnique(tx, input.name, parentId, null);
      const [row] = await tx.query(`INSERT INTO root_cause (name, parent_id, description) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
        input.name.trim(),
        parentId,
        input.description ?? null,
      ]);
      await this.audit.record(tx, principal, {
        action: 'rootCause.create',
        entityType: 'RootCause',
        entityId: row.id,
        changes: { name: row.name, parentId },
      });
      return row;
    });
  }

  async update(principal: Principal, id: number, input: UpdateRootCauseInput): Promise<RootCauseRow> {
    return this.db.transaction(async (tx) => {
      const [current] = await this.byIds([id], tx);
      if (!current) throw notFound('Root cause', id);
      const name = input.name?.trim() ?? current.name;
      const description = input.description === undefined ? current.description : input.description;
      await this.checkUnique(tx, name, current.parent_id, id);
      const { rows } = await run<RootCauseRow>(tx, `UPDATE root_cause SET name = $2, description = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        name,
        description,
      ]);
      await this.audit.record(tx, principal, {
        action: 'rootCause.update',
        entityType: 'RootCause',
        entityId: id,
        changes: diff({ name: current.name, description: current.description }, { name, description }),
      });
      return rows[0];
    });
  }

  /** Deletes an unused node; a node in use (or with children) is retired instead, keeping its history. */
  async remove(principal: Principal, id: number): Promise<RootCauseRow | null> {
    return this.db.transaction(async (tx) => {
      const [current] = await this.byIds([id], tx);
      if (!current) throw notFound('Root cause', id);
      const [{ used }] = await tx.query(
        `SELECT (EXISTS (SELECT 1 FROM incident_cause WHERE cause_id = $1)
              OR EXISTS (SELECT 1 FROM action_item WHERE cause_id = $1)
              OR EXISTS (SELECT 1 FROM root_cause WHERE parent_id = $1)) AS used`,
        [id],
      );
      if (used) {
        const { rows } = await run<RootCauseRow>(
          tx,
          `UPDATE root_cause SET retired_at = coalesce(retired_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
          [id],
        );
        await this.audit.record(tx, principal, {
          action: 'rootCause.retire',
          entityType: 'RootCause',
          entityId: id,
          changes: { name: current.name },
        });
        return rows[0];
      }
      await tx.query(`DELETE FROM root_cause WHERE id = $1`, [id]);
      await this.audit.record(tx, principal, {
        action: 'rootCause.delete',
        entityType: 'RootCause',
        entityId: id,
        changes: { name: current.name },
      });
      return null;
    });
  }

  private async checkUnique(sql: Sql, name: string, parentId: number | null, except: number | null): Promise<void> {
    const [clash] = await sql.query(
      `SELECT id FROM root_cause WHERE coalesce(parent_id, 0) = coalesce($2::int, 0) AND lower(name) = lower($1) AND id <> coalesce($3::int, 0)`,
      [name.trim(), parentId, except],
    );
    if (clash) throw new DomainError('CONFLICT', `"${name.trim()}" already exists there`, ['name']);
  }
}
