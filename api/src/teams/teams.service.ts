import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { DomainError } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import type { TeamRow } from './team.model';
import { TeamsRepository } from './teams.repository';

@Injectable()
export class TeamsService {
  constructor(
    private readonly db: Database,
    private readonly repo: TeamsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<TeamRow[]> {
    return this.repo.list();
  }

  load(loaders: RequestLoaders, id: number): Promise<TeamRow | null> {
    return loaders.get<number, TeamRow | null>('teamById', async (ids) => indexBy(await this.repo.byIds(ids), (t) => t.id), null).load(id);
  }

  async create(principal: Principal, name: string): Promise<TeamRow> {
    return this.db.transaction(async (tx) => {
      if (await this.repo.byName(tx, name.trim())) {
        throw new DomainError('CONFLICT', `A team named "${name.trim()}" already exists`, ['name']);
      }
      const team = await this.repo.insert(tx, name);
      await this.audit.record(tx, principal, {
        action: 'team.create',
        entityType: 'Team',
        entityId: team.id,
        changes: { name: team.name },
      });
      return team;
    });
  }
}
