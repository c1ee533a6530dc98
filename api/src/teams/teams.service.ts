import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { DomainError, notFound } from '../common/errors/domain-error';
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

  /** Renames a team; CONFLICT when expectedVersion is stale or another team has the name. */
  async rename(principal: Principal, id: number, expectedVersion: number, name: string): Promise<TeamRow> {
    return this.db.transaction(async (tx) => {
      const current = await this.repo.byIdForUpdate(tx, id);
      if (!current) throw notFound('Team', id);
      if (current.version !== expectedVersion) {
        throw new DomainError(
          'CONFLICT',
          `Team "${current.name}" was changed by someone else (you had version ${expectedVersion}, it is now ${current.version}); reload it and apply your edit again`,
          ['expectedVersion'],
        );
      }
      const other = await this.repo.byName(tx, name.trim());
      if (other && other.id !== id) throw new DomainError('CONFLICT', `A team named "${name.trim()}" already exists`, ['name']);
      const team = await this.repo.rename(tx, id, name.trim());
      await this.audit.record(tx, principal, {
        action: 'team.update',
        entityType: 'Team',
        entityId: id,
        changes: { name: { before: current.name, after: team.name } },
      });
      return team;
    });
  }
}
