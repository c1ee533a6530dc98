import { BeforeApplicationShutdown, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database, Sql } from '../common/database/database.service';
import { badInput, DomainError } from '../common/errors/domain-error';
import { PHASES } from '../incidents/incident.entity';
import { ImportFormat, InvalidRowPolicy } from './import.enums';
import { excerpt, ImportIncident, normalizeRow, RawRow, RowError } from './import-row';
import { Catalog, ExistingIncident, ImportsRepository, StoredIncident } from './imports.repository';
import { csvRows } from './parsers/csv.parser';
import { jsonRows } from './parsers/json.parser';
import { statuspageRows } from './parsers/statuspage.parser';
import { abortUploads, sweepSpool } from './upload';

export interface ImportOptions {
  format: ImportFormat;
  dryRun: boolean;
  onInvalid: InvalidRowPolicy;
  createMissing: boolean;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Every row error; `errors` holds only the first MAX_ERRORS of them. */
  errorCount: number;
  errors: RowError[];
}

/**
 * Rows per set-based write: big enough to amortise round trips, small enough for flat memory. The
 * rows of a batch live until it is written, while the next is read; at 500 the API's memory peak
 * was lowest of 500, 1,000 and 2,000, at no measurable cost in time (docs/performance.md).
 */
export const BATCH_SIZE = 500;
/** Largest JSON or Statuspage document read into memory (CSV streams and has no such limit). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Category of causes, and team of services, that an import creates without being told where. */
export const IMPORTED = 'Imported';
const AUDIT_ID_LIMIT = 1000;
/** Row errors an answer lists (the first, in row order); `errorCount` counts them all (SPEC §4). */
export const MAX_ERRORS = 1000;
/**
 * Rows read between two turns of the event loop. A chunk of the upload parses into a few hundred
 * rows without one; meanwhile the answer to the batch being written waits, and PostgreSQL idles.
 */
const YIELD_EVERY = 100;

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const logger = new Logger('Imports');

class Rollback extends Error {}

/**
 * Imports incidents from CSV, JSON or a Statuspage export in one transaction, idempotently by
 * (source, external id): an unchanged row changes nothing, a changed row updates the incident
 * (version + 1, same id). A dry run, or REJECT_ALL with any invalid row, rolls everything back.
 */
@Injectable()
export class ImportsService implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  /**
   * Set on shutdown: imports still running roll back at their next row (answering 503) instead of
   * holding the exit up. Set from the signal itself, because the shutdown hooks come late: the
   * GraphQL module's HTTP drain runs first and waits up to 10 s for open requests.
   */
  private stopping = false;
  private readonly stop = () => {
    this.stopping = true;
    abortUploads();
  };

  constructor(
    private readonly db: Database,
    private readonly repo: ImportsRepository,
    private readonly audit: AuditService,
  ) {}

  async import(principal: Principal, content: string | Readable, options: ImportOptions): Promise<ImportOutcome> {
    const result: ImportOutcome = { created: 0, updated: 0, unchanged: 0, skipped: 0, errorCount: 0, errors: [] };
    let rows = 0;
    try {
      await this.db.transaction(async (tx) => {
        await this.repo.prepareImport(tx);
        const run = new ImportRun(tx, this.repo, principal, options, result, await this.repo.catalog(tx));
        try {
          for await (const raw of await this.rows(content, options.format)) {
            if (this.stopping)
              throw new DomainError('SERVICE_UNAVAILABLE', 'the server is shutting down; nothing of this import was stored; send it again');
            rows += 1;
            if (run.add(raw)) await run.dispatch();
            else if (rows % YIELD_EVERY === 0) await nextTurn();
          }
          await run.finish();
        } catch (err) {
          // a batch may still be writing on this transaction's connection: let it end before the
          // rollback, so none of its statements runs after it
          await run.settle();
          throw err;
        }
        if (options.dryRun || (result.errorCount && options.onInvalid === InvalidRowPolicy.REJECT_ALL)) throw new Rollback();
        if (result.created || result.updated || run.made.length) {
          await this.audit.record(tx, principal, {
            action: 'incident.import',
            entityType: 'Import',
            entityId: randomUUID(),
            changes: {
              format: options.format,
              onInvalid: options.onInvalid,
              createMissing: options.createMissing,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              skipped: result.skipped,
              createdIncidentIds: run.createdIds.slice(0, AUDIT_ID_LIMIT),
              updatedIncidentIds: run.updatedIds.slice(0, AUDIT_ID_LIMIT),
              idsTruncated: run.createdIds.length > AUDIT_ID_LIMIT || run.updatedIds.length > AUDIT_ID_LIMIT,
              createdCatalogEntries: run.made,
            },
          });
        }
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    result.errors = firstErrors(result.errors);
    if (result.errorCount && options.onInvalid === InvalidRowPolicy.REJECT_ALL) {
      return { created: 0, updated: 0, unchanged: 0, skipped: rows, errorCount: result.errorCount, errors: result.errors };
    }
    return result;
  }

  onModuleInit(): void {
    sweepSpool().catch((err) => logger.warn(`could not clear old spooled uploads: ${(err as Error).message}`));
    // only beside the app's own shutdown hooks (enableShutdownHooks): a listener alone would keep the
    // signal from ending the process
    for (const signal of SHUTDOWN_SIGNALS) if (process.listenerCount(signal) > 0) process.on(signal, this.stop);
  }

  onModuleDestroy(): void {
    this.stop();
  }

  beforeApplicationShutdown(): void {
    this.stop();
    for (const signal of SHUTDOWN_SIGNALS) process.off(signal, this.stop);
  }

  private async rows(content: string | Readable, format: ImportFormat): Promise<AsyncIterable<RawRow> | Iterable<RawRow>> {
    if (format === ImportFormat.CSV) return csvRows(typeof content === 'string' ? Readable.from([content]) : content);
    const text = typeof content === 'string' ? content : await readAll(content, MAX_DOCUMENT_BYTES);
    return format === ImportFormat.JSON ? jsonRows(text) : statuspageRows(text);
  }
}

async function readAll(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw badInput(`the document is larger than ${limit / 1024 / 1024} MB; split it, or use CSV, which streams`, 'content');
    }
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/** Names still to be created (createMissing) for one row, resolved once the row is known valid. */
interface Pending {
  teams: string[];
  services: Array<{ name: string; team: string | number }>;
  causes: string[];
  mechanisms: string[];
}

/** A row as read: checked and waiting for its batch, or failed (its errors keep their place in the list). */
type Entry = { incident: ImportIncident; errors?: undefined } | { incident?: undefined; errors: RowError[] };

/**
 * One import in progress: checks rows as they are read, and writes them in batches. One batch is
 * written while the next is read and checked (the transaction has one connection, so writes never
 * overlap). Nothing here grows with the number of rows except the error list: the keys already
 * seen, for the duplicate check, are kept in a temporary table (`import_key`), not in memory.
 */
class ImportRun {
  private entries: Entry[] = [];
  private checked = 0;
  private writing: Promise<void> = Promise.resolve();
  readonly createdIds: number[] = [];
  readonly updatedIds: number[] = [];
  readonly made: string[] = [];

  constructor(
    private readonly tx: Sql,
    private readonly repo: ImportsRepository,
    private readonly principal: Principal,
    private readonly options: ImportOptions,
    private readonly result: ImportOutcome,
    private readonly catalog: Catalog,
  ) {}

  private get admin(): boolean {
    return this.principal.role === 'ADMIN';
  }

  private reject(errors: RowError[]): void {
    const kept = this.result.errors;
    for (const e of errors) kept.push(e);
    // batches come in row order, a batch's errors nearly so: keeping twice the cap keeps the first ones
    if (kept.length > 2 * MAX_ERRORS) this.result.errors = firstErrors(kept);
    this.result.errorCount += errors.length;
    this.result.skipped += 1;
  }

  /** Checks one row; true when a batch is full and `dispatch` should run. */
  add(raw: RawRow): boolean {
    const { incident, errors } = normalizeRow(raw, this.options.format);
    this.entries.push(incident ? { incident } : { errors });
    // invalid rows count too, so a file of nothing but errors holds no more than a batch in memory
    if (incident !== undefined) this.checked += 1;
    return this.checked >= BATCH_SIZE || this.entries.length >= 2 * BATCH_SIZE;
  }

  /** Waits for the batch being written, then starts writing the rows read since (without waiting for it). */
  async dispatch(): Promise<void> {
    const entries = this.entries;
    this.entries = [];
    this.checked = 0;
    await this.writing;
    this.writing = this.write(entries);
    // handled by the next dispatch, finish or settle; this only keeps it from counting as unhandled meanwhile
    this.writing.catch(() => undefined);
  }

  /** Writes what is left and waits for every write. */
  async finish(): Promise<void> {
    await this.dispatch();
    await this.writing;
  }

  /** Waits for the write in progress, if any, whatever its outcome. */
  async settle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  /** The rows of `entries`, in order: errors first reported, repeats rejected, the rest resolved and stored. */
  private async write(entries: Entry[]): Promise<void> {
    const repeats = await this.repeats(entries);
    const batch: ImportIncident[] = [];
    for (const { incident, errors } of entries) {
      if (!incident) {
        this.reject(errors);
        continue;
      }
      const first = repeats.get(incident.row);
      if (first === undefined) {
        batch.push(incident);
        continue;
      }
      const field = this.options.format === ImportFormat.JSON ? 'externalId' : 'external_id';
      this.reject([
        {
          row: incident.row,
          field,
          message: `repeats the incident of row ${first} (source "${excerpt(incident.source)}", external id "${excerpt(incident.externalId)}")`,
        },
      ]);
    }
    await this.store(batch);
  }

  /**
   * The checked rows whose (source, external id) an earlier row of the file already named, each with
   * the row that named it first (the first row that passed its checks, as rows are read).
   */
  private async repeats(entries: Entry[]): Promise<Map<number, number>> {
    const firstInBatch = new Map<string, number>();
    const claims: Array<{ source: string; externalId: string; row: number }> = [];
    for (const { incident: i } of entries) {
      if (!i) continue;
      const key = `${i.source}\u0000${i.externalId}`;
      if (firstInBatch.has(key)) continue;
      firstInBatch.set(key, i.row);
      claims.push({ source: i.source, externalId: i.externalId, row: i.row });
    }
    const earlier = await this.repo.claimKeys(this.tx, claims);
    const repeats = new Map<number, number>();
    for (const { incident: i } of entries) {
      if (!i) continue;
      const key = `${i.source}\u0000${i.externalId}`;
      const first = earlier.get(key) ?? firstInBatch.get(key)!;
      if (first !== i.row) repeats.set(i.row, first);
    }
    return repeats;
  }

  private async store(batch: ImportIncident[]): Promise<void> {
    if (!batch.length) return;
    const resolved: Array<{ incident: ImportIncident; stored: StoredIncident }> = [];
    for (const incident of batch) {
      const stored = await this.resolve(incident);
      if (stored) resolved.push({ incident, stored });
    }
    const existing = new Map<string, ExistingIncident>();
    const withTimeline = resolved.some((r) => r.stored.timeline !== null);
    for (const e of await this.repo.existing(
      this.tx,
      resolved.map((r) => r.stored),
      withTimeline,
    ))
      existing.set(e.key, e);

    const creates: StoredIncident[] = [];
    const updates: StoredIncident[] = [];
    const updateIds: number[] = [];
    for (const { incident, stored } of resolved) {
      const current = existing.get(`${stored.source}\u0000${stored.externalId}`);
      if (!current) {
        creates.push(stored);
        continue;
      }
      if (!this.mayWrite(current.teamId)) {
        // the same words whether the caller may see that incident or not, dry run or not: naming it
        // (its key, title or privacy) would tell a responder that a private incident of another team exists
        this.reject([
          {
            row: incident.row,
            field: this.label('external_id'),
            message: `FORBIDDEN: source "${excerpt(stored.source)}" and external id "${excerpt(stored.externalId)}" belong to an incident of a team you are not in (responders import only into their own teams)`,
          },
        ]);
        continue;
      }
      if (fingerprint(current, stored.timeline === null) === fingerprint(stored, stored.timeline === null)) {
        this.result.unchanged += 1;
        continue;
      }
      updates.push(stored);
      updateIds.push(current.id);
    }
    const ids = await this.repo.insertIncidents(this.tx, creates, this.principal.actor);
    await this.repo.updateIncidents(this.tx, updateIds, updates, this.principal.actor);
    this.result.created += ids.length;
    this.result.updated += updateIds.length;
    this.createdIds.push(...ids.slice(0, AUDIT_ID_LIMIT - this.createdIds.length));
    this.updatedIds.push(...updateIds.slice(0, AUDIT_ID_LIMIT - this.updatedIds.length));
  }

  private label(column: string): string {
    return this.options.format === ImportFormat.JSON ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : column;
  }

  private mayWrite(teamId: number): boolean {
    return this.admin || (this.principal.role === 'RESPONDER' && this.principal.teamIds.includes(teamId));
  }

  /**
   * Names to ids. Unknown names are row errors unless createMissing, which creates them once the
   * row is otherwise valid and allowed (only admins create teams, causes and mechanisms).
   */
  private async resolve(i: ImportIncident): Promise<StoredIncident | null> {
    const errors: RowError[] = [];
    const fail = (column: string, message: string) => errors.push({ row: i.row, field: this.label(column), message });
    const pending: Pending = { teams: [], services: [], causes: [], mechanisms: [] };
    const create = this.options.createMissing;
    const adminOnly = (what: string) => `; only admins create ${what} on import`;

    const teamOf = (name: string, column: string): number | string | null => {
      const id = this.catalog.teams.get(name.toLowerCase());
      if (id !== undefined) return id;
      if (!create) fail(column, `unknown team "${excerpt(name)}" (import with createMissing to create it)`);
      else if (!this.admin) fail(column, `unknown team "${excerpt(name)}"${adminOnly('teams')}`);
      else if (!pending.teams.some((t) => t.toLowerCase() === name.toLowerCase())) pending.teams.push(name);
      return name;
    };
    const rowTeam = i.team ? teamOf(i.team, 'team') : null;
    const serviceTeams: Array<number | string> = [];
    for (const name of i.services) {
      const s = this.catalog.services.get(name.toLowerCase());
      if (s) {
        serviceTeams.push(s.teamId);
        continue;
      }
      if (!create) {
        fail('service', `unknown service "${excerpt(name)}" (import with createMissing to create it)`);
        continue;
      }
      const team = rowTeam ?? teamOf(i.newServiceTeam ?? IMPORTED, 'service');
      if (team === null) continue;
      pending.services.push({ name, team });
      serviceTeams.push(team);
    }
    const causeOf = (name: string, column: string): void => {
      if (this.catalog.causes.has(name.toLowerCase())) return;
      if (!create) fail(column, `unknown root cause "${excerpt(name)}" (import with createMissing to create it under "${IMPORTED}")`);
      else if (!this.admin) fail(column, `unknown root cause "${excerpt(name)}"${adminOnly('root causes')}`);
      else pending.causes.push(name);
    };
    if (i.rootCause) causeOf(i.rootCause, 'root_cause');
    for (const c of i.contributing) causeOf(c, 'contributing_causes');
    for (const a of i.assessments) {
      if (this.catalog.mechanisms.has(a.mechanism.toLowerCase())) continue;
      if (!create)
        fail('redundancy_mechanism', `unknown redundancy mechanism "${excerpt(a.mechanism)}" (import with createMissing to create it)`);
      else if (!this.admin)
        fail('redundancy_mechanism', `unknown redundancy mechanism "${excerpt(a.mechanism)}"${adminOnly('redundancy mechanisms')}`);
      else pending.mechanisms.push(a.mechanism);
    }
    const team = rowTeam ?? serviceTeams[0] ?? null;
    if (!errors.length && team !== null && !this.admin) {
      const teams = new Set([team, ...pending.services.map((s) => s.team)]);
      if ([...teams].some((t) => typeof t !== 'number' || !this.mayWrite(t))) {
        fail(i.team ? 'team' : 'service', "FORBIDDEN: responders import only into their own teams' incidents and services");
      }
    }
    if (errors.length) {
      this.reject(errors);
      return null;
    }

    for (const name of pending.teams) {
      if (this.catalog.teams.has(name.toLowerCase())) continue; // made by an earlier row of this batch
      this.catalog.teams.set(name.toLowerCase(), await this.repo.insertTeam(this.tx, name));
      this.made.push(`team:${name}`);
    }
    const idOf = (t: number | string) => (typeof t === 'number' ? t : this.catalog.teams.get(t.toLowerCase())!);
    for (const s of pending.services) {
      if (this.catalog.services.has(s.name.toLowerCase())) continue;
      const teamId = idOf(s.team);
      this.catalog.services.set(s.name.toLowerCase(), { id: await this.repo.insertService(this.tx, s.name, teamId), teamId });
      this.made.push(`service:${s.name}`);
    }
    for (const name of pending.causes) {
      if (this.catalog.causes.has(name.toLowerCase())) continue;
      this.catalog.causes.set(name.toLowerCase(), await this.repo.insertCause(this.tx, name, IMPORTED));
      this.made.push(`rootCause:${name}`);
    }
    for (const name of pending.mechanisms) {
      if (this.catalog.mechanisms.has(name.toLowerCase())) continue;
      this.catalog.mechanisms.set(name.toLowerCase(), await this.repo.insertMechanism(this.tx, name));
      this.made.push(`redundancyMechanism:${name}`);
    }
    const primaryCauseId = i.rootCause ? this.catalog.causes.get(i.rootCause.toLowerCase())! : null;
    const contributingIds = [...new Set(i.contributing.map((c) => this.catalog.causes.get(c.toLowerCase())!))];
    if (primaryCauseId !== null && contributingIds.includes(primaryCauseId)) {
      this.reject([
        {
          row: i.row,
          field: this.label('contributing_causes'),
          message: `contributing causes name the root cause "${excerpt(i.rootCause ?? '')}" again`,
        },
      ]);
      return null;
    }
    return {
      source: i.source,
      externalId: i.externalId,
      title: i.title,
      summary: i.summary,
      severity: i.severity,
      detectionSource: i.detectionSource,
      private: i.private,
      excludeFromMetrics: i.excludeFromMetrics,
      teamId: idOf(team!),
      phases: PHASES.map((p) => i.phases[p]?.iso ?? null),
      serviceIds: [...new Set(i.services.map((s) => this.catalog.services.get(s.toLowerCase())!.id))],
      primaryCauseId,
      contributingIds,
      assessments: i.assessments.map((a) => [this.catalog.mechanisms.get(a.mechanism.toLowerCase())!, a.outcome]),
      timeline: i.timeline?.map((e) => [e.at.iso, e.kind, e.message]) ?? null,
    };
  }
}

/** The first MAX_ERRORS row errors in row order (a row's own errors keep their order). */
function firstErrors(errors: RowError[]): RowError[] {
  return errors
    .map((e, n) => [e, n] as const)
    .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
    .slice(0, MAX_ERRORS)
    .map(([e]) => e);
}

/** Everything an import writes, in a canonical order: equal prints mean "unchanged". */
function fingerprint(s: StoredIncident, ignoreTimeline: boolean): string {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return JSON.stringify([
    s.title,
    s.summary,
    s.severity,
    s.detectionSource,
    s.private,
    s.excludeFromMetrics,
    s.teamId,
    s.phases,
    sorted(s.serviceIds),
    s.primaryCauseId,
    sorted(s.contributingIds),
    [...s.assessments].sort((a, b) => a[0] - b[0]),
    ignoreTimeline ? null : (s.timeline ?? []).map((e) => JSON.stringify(e)).sort(),
  ]);
}
