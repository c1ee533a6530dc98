import { Injectable } from '@nestjs/common';
import { AuditService, diff } from '../audit/audit.service';
import { assertCanWriteTeam, visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database, run, Sql } from '../common/database/database.service';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { groupBy, RequestLoaders } from '../common/graphql/loaders';
import { toIds } from '../common/graphql/validators';
import { IncidentsService } from '../incidents/incidents.service';
import { ACTION_ITEM_COLUMNS, ActionItemRow } from './action-item.model';
import { CreateActionItemInput, UpdateActionItemInput } from './dto/action-item.input';

export interface ActionItemQuery {
  ownerId?: string | null;
  statuses?: string[] | null;
  teamIds?: string[] | null;
  overdueOnly?: boolean | null;
}

const CLOSED = ['DONE', 'WONT_DO'];

@Injectable()
export class ActionItemsService {
  constructor(
    private readonly db: Database,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
  ) {}

  /** Action items of incidents the principal may see: overdue first, then by due date. */
  list(principal: Principal, q: ActionItemQuery, limit = 500): Promise<ActionItemRow[]> {
    const params: unknown[] = [];
    const where = [visibleIncidentsSql(principal, 'i', params)];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    if (q.ownerId) where.push(`a.owner_id = ${p(Number(q.ownerId))}`);
    if (q.statuses?.length) where.push(`a.status = ANY(${p(q.statuses)}::action_item_status[])`);
    if (q.teamIds?.length) where.push(`i.team_id = ANY(${p(toIds(q.teamIds))}::int[])`);
    if (q.overdueOnly) where.push(`a.status IN ('OPEN','IN_PROGRESS') AND a.due_date < (now() AT TIME ZONE 'UTC')::date`);
    return this.db.query(
      `SELECT ${ACTION_ITEM_COLUMNS} FROM action_item a JOIN incident i ON i.id = a.incident_id
        WHERE ${where.join(' AND ')}
        ORDER BY coalesce(a.status IN ('OPEN','IN_PROGRESS') AND a.due_date < (now() AT TIME ZONE 'UTC')::date, false) DESC,
                 a.due_date ASC NULLS LAST, a.id DESC
        LIMIT ${limit}`,
      params,
    );
  }

  loadByIncident(loaders: RequestLoaders, incidentId: number): Promise<ActionItemRow[]> {
    return loaders
      .get<number, ActionItemRow[]>(
        'actionItemsByIncident',
        async (ids) =>
          groupBy(
            await this.db.query<ActionItemRow>(
              `SELECT ${ACTION_ITEM_COLUMNS} FROM action_item a WHERE a.incident_id = ANY($1) ORDER BY a.id`,
              [ids],
            ),
            (a) => a.incident_id,
          ),
        [],
      )
      .load(incidentId);
  }

  async create(principal: Principal, input: CreateActionItemInput): Promise<ActionItemRow> {
    return this.db.transaction(async (tx) => {
      const incident = await this.incidents.get(principal, Number(input.incidentId), tx);
      assertCanWriteTeam(principal, incident.team_id);
      await this.checkRefs(tx, input);
      const [{ id }] = await tx.query(
        `INSERT INTO action_item (incident_id, title, type, owner_id, due_date, cause_id, mechanism_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          incident.id,
          input.title.trim(),
          input.type ?? 'PREVENT',
          num(input.ownerId),
          input.dueDate ?? null,
          num(input.causeId),
          num(input.mechanismId),
        ],
      );
      const row = await this.byId(tx, id);
      await this.audit.record(tx, principal, {
        action: 'actionItem.create',
        entityType: 'ActionItem',
        entityId: id,
        changes: this.snapshot(row),
      });
      return row;
    });
  }

  async update(principal: Principal, id: number, input: UpdateActionItemInput): Promise<ActionItemRow> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx.query(`SELECT incident_id FROM action_item WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw notFound('Action item', id);
      const incident = await this.incidents.get(principal, locked.incident_id, tx);
      assertCanWriteTeam(principal, incident.team_id);
      const current = await this.byId(tx, id);
      if (current.version !== input.expectedVersion) {
        throw new DomainError('CONFLICT', `Action item ${id} was changed by someone else; reload it and apply your edit again`, [
          'expectedVersion',
        ]);
      }
      await this.checkRefs(tx, input);
      const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
      const status = input.status ?? current.status;
      const completedAt = CLOSED.includes(status) ? (CLOSED.includes(current.status) ? current.completed_at : new Date()) : null;
      await run(
        tx,
        `UPDATE action_item SET title = $2, type = $3, status = $4, owner_id = $5, due_date = $6, cause_id = $7,
                mechanism_id = $8, completed_at = $9, version = version + 1 WHERE id = $1`,
        [
          id,
          input.title?.trim() ?? current.title,
          input.type ?? current.type,
          status,
          pick(num(input.ownerId), current.owner_id),
          pick(input.dueDate, current.due_date),
          pick(num(input.causeId), current.cause_id),
          pick(num(input.mechanismId), current.mechanism_id),
          completedAt,
        ],
      );
      const row = await this.byId(tx, id);
      await this.audit.record(tx, principal, {
        action: 'actionItem.update',
        entityType: 'ActionItem',
        entityId: id,
        changes: diff(this.snapshot(current), this.snapshot(row)),
      });
      return row;
    });
  }

  private async byId(sql: Sql, id: number): Promise<ActionItemRow> {
    const [row] = await sql.query(`SELECT ${ACTION_ITEM_COLUMNS} FROM action_item a WHERE a.id = $1`, [id]);
    return row;
  }

  private async checkRefs(
    sql: Sql,
    input: { ownerId?: string | null; causeId?: string | null; mechanismId?: string | null },
  ): Promise<void> {
    const checks: Array<[string | null | undefined, string, string]> = [
      [input.ownerId, 'app_user', 'ownerId'],
      [input.causeId, 'root_cause', 'causeId'],
      [input.mechanismId, 'redundancy_mechanism', 'mechanismId'],
    ];
    for (const [id, table, field] of checks) {
      if (!id) continue;
      const [found] = await sql.query(`SELECT 1 FROM ${table} WHERE id = $1`, [Number(id)]);
      if (!found) throw badInput(`${field}: nothing with id ${id}`, field);
    }
  }

  private snapshot(r: ActionItemRow): Record<string, unknown> {
    return {
      title: r.title,
      type: r.type,
      status: r.status,
      ownerId: r.owner_id,
      dueDate: r.due_date,
      causeId: r.cause_id,
      mechanismId: r.mechanism_id,
    };
  }
}

const num = (id: string | null | undefined): number | null | undefined => (id === undefined ? undefined : id === null ? null : Number(id));
