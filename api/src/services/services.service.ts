import { Injectable } from '@nestjs/common';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database, Sql } from '../common/database/database.service';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { groupBy, indexBy, RequestLoaders } from '../common/graphql/loaders';
import { toIds } from '../common/graphql/validators';
import { CreateServiceInput, UpdateServiceInput } from './dto/service.input';
import type { ServiceRow } from './service.model';
import { ServicesRepository } from './services.repository';

@Injectable()
export class ServicesService {
  constructor(
    private readonly db: Database,
    private readonly repo: ServicesRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ServiceRow[]> {
    return this.repo.list();
  }

  load(loaders: RequestLoaders, id: number): Promise<ServiceRow | null> {
    return loaders
      .get<number, ServiceRow | null>('serviceById', async (ids) => indexBy(await this.repo.byIds(ids), (s) => s.id), null)
      .load(id);
  }

  loadByIncident(loaders: RequestLoaders, incidentId: number): Promise<ServiceRow[]> {
    return loaders
      .get<number, ServiceRow[]>('servicesByIncident', async (ids) => groupBy(await this.repo.byIncidents(ids), (s) => s.incident_id), [])
      .load(incidentId);
  }

  loadByTeam(loaders: RequestLoaders, teamId: number): Promise<ServiceRow[]> {
    return loaders
      .get<number, ServiceRow[]>('servicesByTeam', async (ids) => groupBy(await this.repo.byTeams(ids), (s) => s.team_id), [])
      .load(teamId);
  }

  async loadRedundancyIds(loaders: RequestLoaders, serviceId: number): Promise<number[]> {
    const rows = await loaders
      .get<number, Array<{ mechanism_id: number }>>(
        'redundancyByService',
        async (ids) => groupBy(await this.repo.redundancyOf(ids), (r) => r.service_id),
        [],
      )
      .load(serviceId);
    return rows.map((r) => r.mechanism_id);
  }

  /** Fails with NOT_FOUND naming `field` unless every id is a service. */
  async requireAll(sql: Sql, ids: number[], field: string): Promise<ServiceRow[]> {
    const rows = await this.repo.byIds(ids, sql);
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw badInput(`${field}: no service with id ${missing.join(', ')}`, field);
    return rows;
  }

  async create(principal: Principal, input: CreateServiceInput): Promise<ServiceRow> {
    return this.db.transaction(async (tx) => {
      await this.checkTeam(tx, Number(input.teamId));
      if (await this.repo.byName(tx, input.name)) {
        throw new DomainError('CONFLICT', `A service named "${input.name.trim()}" already exists`, ['name']);
      }
      const row = await this.repo.insert(tx, { ...input, teamId: Number(input.teamId) });
      if (input.redundancyIds?.length) await this.setRedundancy(tx, row.id, toIds(input.redundancyIds));
      await this.audit.record(tx, principal, {
        action: 'service.create',
        entityType: 'Service',
        entityId: row.id,
        changes: { name: row.name, teamId: row.team_id, slo: Number(row.slo), redundancyIds: input.redundancyIds ?? [] },
      });
      return row;
    });
  }

  async update(principal: Principal, id: number, input: UpdateServiceInput): Promise<ServiceRow> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query(`SELECT id, name, description, slo, team_id FROM service WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw notFound('Service', id);
      const next = {
        name: input.name ?? current.name,
        teamId: input.teamId ? Number(input.teamId) : current.team_id,
        slo: input.slo ?? Number(current.slo),
        description: input.description === undefined ? current.description : input.description,
      };
      if (input.teamId) await this.checkTeam(tx, next.teamId);
      const clash = input.name ? await this.repo.byName(tx, input.name) : undefined;
      if (clash && clash.id !== id) throw new DomainError('CONFLICT', `A service named "${input.name}" already exists`, ['name']);
      const row = await this.repo.update(tx, id, next);
      if (input.redundancyIds) await this.setRedundancy(tx, id, toIds(input.redundancyIds));
      await this.audit.record(tx, principal, {
        action: 'service.update',
        entityType: 'Service',
        entityId: id,
        changes: diff(
          { name: current.name, teamId: current.team_id, slo: Number(current.slo), description: current.description },
          { ...next },
        ),
      });
      return row;
    });
  }

  private async checkTeam(sql: Sql, teamId: number): Promise<void> {
    const [team] = await sql.query(`SELECT id FROM team WHERE id = $1`, [teamId]);
    if (!team) throw badInput(`teamId: no team with id ${teamId}`, 'teamId');
  }

  private async setRedundancy(sql: Sql, serviceId: number, ids: number[]): Promise<void> {
    const found = await sql.query(`SELECT id FROM redundancy_mechanism WHERE id = ANY($1)`, [ids]);
    if (found.length !== new Set(ids).size) throw badInput('redundancyIds: unknown redundancy mechanism', 'redundancyIds');
    await this.repo.setRedundancy(sql, serviceId, [...new Set(ids)]);
  }
}
