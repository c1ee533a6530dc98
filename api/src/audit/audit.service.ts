import { Injectable } from '@nestjs/common';
import { Database, Sql } from '../common/database/database.service';
import type { Principal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../common/graphql/pagination';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  /** Changed fields: `{ field: { before, after } }`, or the created/deleted values. */
  changes?: Record<string, unknown>;
}

export interface AuditEntryRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: Record<string, unknown>;
}

/** Field-by-field difference of two snapshots, for `changes`. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = JSON.stringify(before[key] ?? null);
    const b = JSON.stringify(after[key] ?? null);
    if (a !== b) out[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return out;
}

@Injectable()
export class AuditService {
  constructor(private readonly db: Database) {}

  /** Appends an entry inside the caller's transaction, so the change and its record commit together. */
  async record(sql: Sql, principal: Principal, entry: AuditRecord): Promise<void> {
    await sql.query(
      `INSERT INTO audit_entry (actor, actor_user_id, actor_token_id, action, entity_type, entity_id, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        principal.actor,
        principal.userId || null,
        principal.tokenId ?? null,
        entry.action,
        entry.entityType,
        String(entry.entityId),
        JSON.stringify(entry.changes ?? {}),
      ],
    );
  }

  async page(first: number, after?: string | null): Promise<{ rows: AuditEntryRow[]; hasNextPage: boolean; totalCount: number }> {
    const afterId = after ? decodeCursor(after, 'after')[0] : null;
    const rows: AuditEntryRow[] = await this.db.query(
      `SELECT id::text, at, actor, action, entity_type, entity_id, changes FROM audit_entry
        WHERE ($1::bigint IS NULL OR audit_entry.id < $1) ORDER BY audit_entry.id DESC LIMIT $2`,
      [afterId, first + 1],
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM audit_entry`);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: n };
  }

  cursor(row: AuditEntryRow): string {
    return encodeCursor([row.id]);
  }
}
