import { Injectable } from '@nestjs/common';
import { Database, Sql } from '../common/database/database.service';
import type { TeamRow } from './team.model';

@Injectable()
export class TeamsRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<TeamRow[]> {
    return this.db.query(`SELECT id, name FROM team ORDER BY lower(name)`);
  }

  byIds(ids: readonly number[]): Promise<TeamRow[]> {
    return this.db.query(`SELECT id, name FROM team WHERE id = ANY($1)`, [ids]);
  }

  async byName(sql: Sql, name: string): Promise<TeamRow | undefined> {
    const [row] = await sql.query(`SELECT id, name FROM team WHERE lower(name) = lower($1)`, [name]);
    return row;
  }

  async insert(sql: Sql, name: string): Promise<TeamRow> {
    const [row] = await sql.query(`INSERT INTO team (name) VALUES ($1) RETURNING id, name`, [name.trim()]);
    return row;
  }
}
