import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../common/database/database.service';
import type { TeamRow } from './team.model';

@Injectable()
export class TeamsRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<TeamRow[]> {
    return this.db.query(`SELECT id, name, version FROM team ORDER BY lower(name)`);
  }

  byIds(ids: readonly number[]): Promise<TeamRow[]> {
    return this.db.query(`SELECT id, name, version FROM team WHERE id = ANY($1)`, [ids]);
  }

  async byName(sql: Sql, name: string): Promise<TeamRow | undefined> {
    const [row] = await sql.query(`SELECT id, name, version FROM team WHERE lower(name) = lower($1)`, [name]);
    return row;
  }

  async byIdForUpdate(sql: Sql, id: number): Promise<TeamRow | undefined> {
    const [row] = await sql.query(`SELECT id, name, version FROM team WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async rename(sql: Sql, id: number, name: string): Promise<TeamRow> {
    const { rows } = await run<TeamRow>(sql, `UPDATE team SET name = $2, version = version + 1 WHERE id = $1 RETURNING id, name, version`, [
      id,
      name,
    ]);
    return rows[0];
  }

  async insert(sql: Sql, name: string): Promise<TeamRow> {
    const [row] = await sql.query(`INSERT INTO team (name) VALUES ($1) RETURNING id, name, version`, [name.trim()]);
    return row;
  }
}
