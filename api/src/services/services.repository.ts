import { Injectable } from '@nestjs/common';
import { Database, run, Sql } from '../common/database/database.service';
import type { ServiceRow } from './service.model';

const COLUMNS = 'id, name, description, slo, team_id';

@Injectable()
export class ServicesRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<ServiceRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM service ORDER BY lower(name)`);
  }

  byIds(ids: readonly number[], sql: Sql = this.db.manager): Promise<ServiceRow[]> {
    return sql.query(`SELECT ${COLUMNS} FROM service WHERE id = ANY($1)`, [ids]);
  }

  byTeams(teamIds: readonly number[]): Promise<ServiceRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM service WHERE team_id = ANY($1) ORDER BY lower(name)`, [teamIds]);
  }

  async byName(sql: Sql, name: string): Promise<ServiceRow | undefined> {
    const [row] = await sql.query(`SELECT ${COLUMNS} FROM service WHERE lower(name) = lower($1)`, [name.trim()]);
    return row;
  }

  byIncidents(incidentIds: readonly number[]): Promise<Array<ServiceRow & { incident_id: number }>> {
    return this.db.query(
      `SELECT s.id, s.name, s.description, s.slo, s.team_id, x.incident_id
         FROM incident_service x JOIN service s ON s.id = x.service_id
        WHERE x.incident_id = ANY($1) ORDER BY lower(s.name)`,
      [incidentIds],
    );
  }

  redundancyOf(serviceIds: readonly number[]): Promise<Array<{ service_id: number; mechanism_id: number }>> {
    return this.db.query(`SELECT service_id, mechanism_id FROM service_redundancy WHERE service_id = ANY($1) ORDER BY mechanism_id`, [
      serviceIds,
    ]);
  }

  async insert(sql: Sql, s: { name: string; teamId: number; slo: number; description?: string | null }): Promise<ServiceRow> {
    const [row] = await sql.query(`INSERT INTO service (name, team_id, slo, description) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
      s.name.trim(),
      s.teamId,
      s.slo,
      s.description ?? null,
    ]);
    return row;
  }

  async update(sql: Sql, id: number, s: { name: string; teamId: number; slo: number; description: string | null }): Promise<ServiceRow> {
    const { rows } = await run<ServiceRow>(
      sql,
      `UPDATE service SET name = $2, team_id = $3, slo = $4, description = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, s.name.trim(), s.teamId, s.slo, s.description],
    );
    return rows[0];
  }

  async setRedundancy(sql: Sql, serviceId: number, mechanismIds: number[]): Promise<void> {
    await sql.query(`DELETE FROM service_redundancy WHERE service_id = $1`, [serviceId]);
    await sql.query(`INSERT INTO service_redundancy (service_id, mechanism_id) SELECT $1, unnest($2::int[])`, [serviceId, mechanismIds]);
  }
}
