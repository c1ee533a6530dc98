import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { Principal, SYSTEM } from '../../auth/principal';
import { Database, Sql } from '../../common/database/database.service';
import { badInput, DomainError, notFound } from '../../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../../common/graphql/loaders';
import { excerpt } from '../../imports/import-row';
import { JobsService } from '../../jobs/jobs.service';
import { SourceIncident, SourceValues } from '../source-incident';
import { SourceKind, SourceRow } from '../source.model';
import { SourcesService } from '../sources.service';
import { changedFields, MappedIncident, mapSourceIncident, merged, phaseProblem, phasesOf } from './sync-mapping';
import { NewSyncedIncident, Progress, SyncedChange, SyncRepository } from './sync.repository';
import { SyncRunRow, SyncStatus, SyncTrigger } from './sync-run.model';

/** The queue of pulls; one job per source waits at a time (singleton key: the source id). */
export const SYNC_QUEUE = 'source-sync';

/** What applying a batch did. */
export interface BatchOutcome extends Progress {
  createdIds: number[];
  updatedIds: number[];
  createdServices: string[];
}

/** The `incident.source` of a source's incidents: '<kind>:<id>', so they never collide with a file import's. */
export const sourceKey = (s: Pick<SourceRow, 'kind' | 'id'>) => `${s.kind.toLowerCase()}:${s.id}`;

/** Who the audit log names for a sync's writes. */
const actorOf = (s: SourceRow): Principal => ({ ...SYSTEM, actor: `source:${s.name}` });
const AUDIT_ID_LIMIT = 1000;

/**
 * The sync engine's core: queues pulls, and applies a batch of vendor incidents to Hindsight's
 * incidents (used by the pull worker and by webhook pushes alike).
 *
 * Applying keeps what people did: it writes only the fields a source provides (SOURCE_FIELDS), and
 * of those only the ones nobody edited in Hindsight (incident.overridden_fields); summaries, causes,
 * assessments, action items, reviews and timelines are never touched. An incident whose values did
 * not change is not written at all (no new version, no updated_at).
 */
@Injectable()
export class SyncService {
  constructor(
    private readonly db: Database,
    private readonly repo: SyncRepository,
    private readonly jobs: JobsService,
    private readonly sources: SourcesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Queues a pull of the source and returns its run; while a pull of that source is queued or
   * running, returns that one instead. The run and its job are written in one transaction.
   */
  async queue(sourceId: number, trigger: SyncTrigger.MANUAL | SyncTrigger.SCHEDULE): Promise<SyncRunRow> {
    const source = await this.sources.get(sourceId);
    if (source.kind === SourceKind.WEBHOOK) {
      throw badInput(`Source ${sourceId} is a WEBHOOK source: it is pushed to (its webhook URL), not pulled`, 'id');
    }
    // a run that ends between the insert that found it and the read (the unique index freed): try again
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.db.transaction(async (tx) => {
        const made = await this.repo.insertPullRun(tx, sourceId, trigger);
        if (!made) return this.repo.activePullRun(tx, sourceId);
        // null when a job of this source is waiting already: that job runs the source's queued run
        await this.jobs.send(SYNC_QUEUE, { sourceId, runId: made.id }, { singletonKey: String(sourceId) }, tx);
        return made;
      });
      if (row) return row;
    }
    throw new DomainError('CONFLICT', `Source ${sourceId} is being synced by another request; try again`);
  }

  async run(id: number): Promise<SyncRunRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('Sync run', id);
    return row;
  }

  /** The runs of a source that is not deleted, newest first. */
  async runs(sourceId: number, first: number | null | undefined): Promise<SyncRunRow[]> {
    const n = first ?? 20;
    if (!Number.isInteger(n) || n < 0 || n > 100) throw badInput('first must be between 0 and 100', 'first');
    await this.sources.get(sourceId);
    return n === 0 ? [] : this.repo.runs(sourceId, n);
  }

  /** A source's newest run through the request's DataLoader (one statement for a list of sources). */
  lastRun(loaders: RequestLoaders, sourceId: number): Promise<SyncRunRow | null> {
    return loaders
      .get<number, SyncRunRow | null>('lastSyncRun', async (ids) => indexBy(await this.repo.lastRuns(ids), (r) => r.source_id), null)
      .load(sourceId);
  }

  /**
   * Applies vendor incidents in the caller's transaction (which holds the source's write lock):
   * maps them by the source's rules, creates what is new, writes what changed, and counts.
   * An incident that cannot be applied is a problem of the run (with its external id), not a failure.
   */
  async applyBatch(tx: Sql, source: SourceRow, incidents: SourceIncident[], runId: number, trigger: SyncTrigger): Promise<BatchOutcome> {
    const out: BatchOutcome = {
      fetched: incidents.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errors: [],
      createdIds: [],
      updatedIds: [],
      createdServices: [],
    };
    const reject = (externalId: string | null, message: string) => {
      out.skipped += 1;
      out.errors.push({ externalId: externalId === null ? null : excerpt(String(externalId), 200), message });
    };
    const rules = { name: source.name, severityMap: source.severity_map, defaultSeverity: source.default_severity };
    const mapped = new Map<string, MappedIncident>();
    for (const i of incidents) {
      const { incident, error } = mapSourceIncident(i, rules);
      if (!incident) {
        reject(typeof i?.externalId === 'string' && i.externalId.trim() ? i.externalId.trim() : null, error!);
        continue;
      }
      // the same incident twice in one batch: the later copy is the newer
      if (mapped.delete(incident.externalId)) out.skipped += 1;
      mapped.set(incident.externalId, incident);
    }
    if (!mapped.size) return out;

    const key = sourceKey(source);
    const existing = indexBy(await this.repo.existing(tx, key, [...mapped.keys()]), (e) => e.externalId);
    const names = new Map<string, string>();
    for (const m of mapped.values()) for (const s of m.services) if (!names.has(s.toLowerCase())) names.set(s.toLowerCase(), s);
    const services = await this.repo.services(tx, [...names.values()]);
    const missing = [...names.entries()].filter(([k]) => !services.has(k)).map(([, n]) => n);
    if (missing.length && source.create_missing) {
      out.createdServices = await this.repo.createServices(tx, missing, source.team_id);
      for (const [k, id] of await this.repo.services(tx, missing)) services.set(k, id);
    }
    const teamNames = [...new Set([...mapped.values()].filter((m) => !existing.has(m.externalId) && m.teamName).map((m) => m.teamName!))];
    const teams = await this.repo.teams(tx, teamNames);

    const creates: NewSyncedIncident[] = [];
    const changes: SyncedChange[] = [];
    for (const m of mapped.values()) {
      const unknown = m.services.filter((s) => !services.has(s.toLowerCase()));
      if (unknown.length) {
        reject(
          m.externalId,
          `unknown service "${excerpt(unknown[0])}" (the source does not create services: turn on createMissing, or create the service)`,
        );
        continue;
      }
      const fromSource: SourceValues = {
        title: m.title,
        ...m.phases,
        startedAt: m.phases.startedAt!,
        severity: m.severity,
        services: [...new Set(m.services.map((s) => services.get(s.toLowerCase())!))].sort((a, b) => a - b),
        detectionSource: m.detectionSource,
      };
      const current = existing.get(m.externalId);
      if (!current) {
        creates.push({
          externalId: m.externalId,
          values: fromSource,
          teamId: (m.teamName && teams.get(m.teamName.toLowerCase())) || source.team_id,
          private: source.private,
          externalUrl: m.externalUrl,
        });
        continue;
      }
      const next = merged(fromSource, current.values, current.overridden);
      const problem = phaseProblem(phasesOf(next));
      if (problem) {
        const edited = current.overridden.filter((f) => f.endsWith('At'));
        reject(
          m.externalId,
          `${problem} once the times edited in Hindsight (${edited.join(', ')}) are kept; reset them to the source's values or correct them`,
        );
        continue;
      }
      const changed = changedFields(current.values, next);
      const sourceChanged = !current.sourceValues || changedFields(current.sourceValues, fromSource).length > 0;
      if (!changed.length && !sourceChanged && current.externalUrl === m.externalUrl) {
        out.unchanged += 1;
        continue;
      }
      changes.push({
        id: current.id,
        values: next,
        sourceValues: fromSource,
        externalUrl: m.externalUrl,
        servicesChanged: changed.includes('services'),
      });
    }
    out.createdIds = await this.repo.insertIncidents(tx, key, source.id, creates);
    await this.repo.updateIncidents(tx, changes);
    out.created = out.createdIds.length;
    out.updatedIds = changes.map((c) => c.id);
    out.updated = out.updatedIds.length;
    if (out.created || out.updated || out.createdServices.length) {
      await this.audit.record(tx, actorOf(source), {
        action: 'incident.sync',
        entityType: 'Source',
        entityId: source.id,
        changes: {
          runId,
          trigger,
          created: out.created,
          updated: out.updated,
          createdIncidentIds: out.createdIds.slice(0, AUDIT_ID_LIMIT),
          updatedIncidentIds: out.updatedIds.slice(0, AUDIT_ID_LIMIT),
          createdServices: out.createdServices,
        },
      });
    }
    return out;
  }

  /**
   * Applies a webhook push synchronously and records it as a WEBHOOK run, in one transaction: the
   * incidents and their run commit together. `failure`: the push was valid but could not be applied
   * (the vendor's API refused the follow-up read): a FAILED run records why.
   */
  async applyPush(
    source: SourceRow,
    push: { incidents: SourceIncident[]; skipped: number; errors: Array<{ externalId: string | null; message: string }>; failure?: string },
  ): Promise<SyncRunRow> {
    return this.db.transaction(async (tx) => {
      await this.repo.lockSource(tx, source.id);
      if (push.failure) {
        const errors = [{ externalId: null, message: push.failure }, ...push.errors]; // the reason first: errors are kept up to a cap
        const progress = { fetched: push.skipped, created: 0, updated: 0, unchanged: 0, skipped: push.skipped, errors };
        return this.repo.insertWebhookRun(tx, source.id, SyncStatus.FAILED, progress, errors.length);
      }
      // the run is recorded first (its id goes into the audit entry), then filled in
      const empty = { fetched: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] };
      const run = await this.repo.insertWebhookRun(tx, source.id, SyncStatus.RUNNING, empty, 0);
      const outcome = await this.applyBatch(tx, source, push.incidents, run.id, SyncTrigger.WEBHOOK);
      await this.repo.addProgress(tx, run.id, {
        ...outcome,
        fetched: outcome.fetched + push.skipped,
        skipped: outcome.skipped + push.skipped,
        errors: [...push.errors, ...outcome.errors],
      });
      return (await this.repo.finish(tx, run.id, SyncStatus.SUCCEEDED, null))!;
    });
  }
}
