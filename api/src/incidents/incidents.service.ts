import { Injectable } from '@nestjs/common';
import { AuditService, diff } from '../audit/audit.service';
import { assertCanWriteTeam, canSeeIncident, visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { Database, Sql } from '../common/database/database.service';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { groupBy, indexBy, RequestLoaders } from '../common/graphql/loaders';
import { decodeCursor, encodeCursor, pageSize } from '../common/graphql/pagination';
import { toIds } from '../common/graphql/validators';
import { RedundancyService } from '../redundancy/redundancy.service';
import { ServicesService } from '../services/services.service';
import { SOURCE_FIELDS, SourceField } from '../sources/source-incident';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CreateIncidentInput, UpdateIncidentInput } from './dto/incident.input';
import { IncidentFilter } from './dto/incident-filter.input';
import { AssessmentRow, CauseTagRow, IncidentRow, Phase, PHASES, TimelineRow } from './incident.entity';
import { DetectionSource, IncidentSort, RedundancyOutcome, Severity, TagState } from './incident.enums';
import { incidentFilterSql } from './incident-filter.sql';
import { IncidentsRepository, IncidentValues, valuesOf } from './incidents.repository';

const ORDER: Record<IncidentSort, string> = {
  STARTED_AT_DESC: 'i.started_at DESC, i.id DESC',
  STARTED_AT_ASC: 'i.started_at ASC, i.id ASC',
  SEVERITY: 'i.severity ASC, i.started_at DESC, i.id DESC',
  DURATION_DESC: 'i.ttr_minutes DESC NULLS LAST, i.id DESC',
};
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/**
 * Refuses phase timestamps out of order (started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved),
 * naming both fields, and timestamps more than a day in the future.
 */
export function checkPhases(v: Pick<IncidentValues, Phase>, now = Date.now()): void {
  let previous: Phase | null = null;
  for (const phase of PHASES) {
    const at = v[phase];
    if (!at) continue;
    if (at.getTime() > now + FUTURE_TOLERANCE_MS) throw badInput(`${phase} is in the future`, phase);
    if (previous && at < v[previous]!) {
      throw badInput(`${phase} (${at.toISOString()}) must not be before ${previous} (${v[previous]!.toISOString()})`, previous, phase);
    }
    previous = phase;
  }
}

/** Source fields that are columns of IncidentValues (all but services). */
const VALUE_FIELDS = SOURCE_FIELDS.filter((f): f is Exclude<SourceField, 'services'> => f !== 'services');
const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The source fields an edit of a synced incident changed, added to those already overridden
 * (in SOURCE_FIELDS order), or null when the set stays the same.
 */
export function overridden(current: string[], before: IncidentValues, next: IncidentValues, servicesChanged: boolean): string[] | null {
  const changed = new Set<string>(VALUE_FIELDS.filter((f) => !same(before[f], next[f])));
  if (servicesChanged) changed.add('services');
  if ([...changed].every((f) => current.includes(f))) return null;
  return SOURCE_FIELDS.filter((f) => current.includes(f) || changed.has(f));
}

/** Microseconds since the epoch, exact, for keyset cursors. */
const KEY_SQL = `(extract(epoch FROM i.started_at) * 1000000)::bigint::text`;

@Injectable()
export class IncidentsService {
  constructor(
    private readonly db: Database,
    private readonly repo: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly services: ServicesService,
    private readonly taxonomy: TaxonomyService,
    private readonly redundancy: RedundancyService,
  ) {}

  async list(
    principal: Principal,
    filter: IncidentFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    sort: IncidentSort = IncidentSort.STARTED_AT_DESC,
  ): Promise<{ rows: Array<IncidentRow & { cursor: string }>; totalCount: number; hasNextPage: boolean }> {
    const limit = pageSize(first);
    const params: unknown[] = [];
    const where = [visibleIncidentsSql(principal, 'i', params), ...incidentFilterSql(filter, params)];
    const countWhere = where.join(' AND ');
    const countParams = [...params];
    const keyset = sort === IncidentSort.STARTED_AT_DESC || sort === IncidentSort.STARTED_AT_ASC;
    let offset = 0;
    if (after) {
      const c = decodeCursor(after);
      if (keyset && c.length === 2 && /^-?\d+$/.test(String(c[0])) && Number.isInteger(c[1])) {
        params.push(c[0], c[1]);
        const op = sort === IncidentSort.STARTED_AT_DESC ? '<' : '>';
        where.push(
          `(i.started_at, i.id) ${op} ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::int)`,
        );
      } else if (!keyset && c.length === 1 && Number.isInteger(c[0]) && c[0] >= 0) {
        offset = c[0];
      } else {
        throw badInput('after is not a cursor of this list and order', 'after');
      }
    }
    const [rows, totalCount] = await Promise.all([
      this.db.query<IncidentRow & { sort_key: string }>(
        `SELECT i.*, ${KEY_SQL} AS sort_key FROM incident i WHERE ${where.join(' AND ')} ORDER BY ${ORDER[sort]} LIMIT ${limit + 1} OFFSET ${offset}`,
        params,
      ),
      this.repo.count(countWhere, countParams),
    ]);
    const page = rows.slice(0, limit).map((r, n) => ({
      ...r,
      cursor: encodeCursor(keyset ? [r.sort_key, r.id] : [offset + n + 1]),
    }));
    return { rows: page, totalCount, hasNextPage: rows.length > limit };
  }

  /** Like `get`, through the request's DataLoader: the incidents of many parents (action items...) in one statement. */
  async load(loaders: RequestLoaders, principal: Principal, id: number): Promise<IncidentRow> {
    const row = await loaders
      .get<number, IncidentRow | null>('incidentById', async (ids) => indexBy(await this.repo.byIds(ids), (i) => i.id), null)
      .load(id);
    if (!row || !canSeeIncident(principal, row)) throw notFound('Incident', id);
    return row;
  }

  /** An incident the principal may see; NOT_FOUND otherwise (a private one's existence is not revealed). */
  async get(principal: Principal, id: number, sql?: Sql, lock = false): Promise<IncidentRow> {
    const row = await this.repo.byId(id, sql, lock);
    if (!row || !canSeeIncident(principal, row)) throw notFound('Incident', id);
    return row;
  }

  async create(principal: Principal, input: CreateIncidentInput): Promise<IncidentRow> {
    const values: IncidentValues = {
      title: input.title.trim(),
      summary: input.summary ?? null,
      severity: input.severity,
      postmortemState: input.postmortemState ?? 'NONE',
      kind: input.kind ?? 'INCIDENT',
      excludeFromMetrics: input.excludeFromMetrics ?? false,
      private: input.private ?? false,
      teamId: Number(input.teamId),
      regions: input.regions ?? [],
      customerImpact: input.customerImpact ?? null,
      affectedUsersPercent: input.affectedUsersPercent ?? null,
      detectionSource: input.detectionSource ?? null,
      startedAt: input.startedAt,
      detectedAt: input.detectedAt ?? null,
      acknowledgedAt: input.acknowledgedAt ?? null,
      mitigatedAt: input.mitigatedAt ?? null,
      resolvedAt: input.resolvedAt ?? null,
    };
    checkPhases(values);
    assertCanWriteTeam(principal, values.teamId);
    const serviceIds = [...new Set(toIds(input.serviceIds))];
    const primary = input.primaryCauseId ? Number(input.primaryCauseId) : null;
    const contributing = this.contributing(primary, input.contributingCauseIds);
    return this.db.transaction(async (tx) => {
      await this.checkTeam(tx, values.teamId);
      await this.services.requireAll(tx, serviceIds, 'serviceIds');
      if (primary) await this.taxonomy.requireActive(tx, [primary], 'primaryCauseId');
      if (contributing.length) await this.taxonomy.requireActive(tx, contributing, 'contributingCauseIds');
      const row = await this.repo.insert(tx, values);
      await this.repo.setServices(tx, row.id, serviceIds);
      if (primary) await this.repo.setPrimaryCause(tx, row.id, primary, principal.actor);
      if (contributing.length) await this.repo.setContributing(tx, row.id, contributing, principal.actor);
      await this.audit.record(tx, principal, {
        action: 'incident.create',
        entityType: 'Incident',
        entityId: row.id,
        changes: { ...this.snapshot(values), serviceIds, primaryCauseId: primary, contributingCauseIds: contributing },
      });
      return row;
    });
  }

  async update(principal: Principal, id: number, input: UpdateIncidentInput): Promise<IncidentRow> {
    return this.db.transaction(async (tx) => {
      // lock the row first: concurrent edits serialise here and the later one sees the new version
      const current = await this.get(principal, id, tx, true);
      assertCanWriteTeam(principal, current.team_id);
      if (current.version !== input.expectedVersion) throw this.conflict(id, current.version, input.expectedVersion);
      const before = valuesOf(current);
      const next: IncidentValues = { ...before };
      const keep = <K extends keyof IncidentValues>(key: K, value: IncidentValues[K] | undefined) => {
        if (value !== undefined) next[key] = value;
      };
      keep('title', input.title?.trim());
      keep('summary', input.summary);
      keep('severity', input.severity);
      keep('postmortemState', input.postmortemState ?? undefined);
      keep('kind', input.kind ?? undefined);
      keep('excludeFromMetrics', input.excludeFromMetrics ?? undefined);
      keep('private', input.private ?? undefined);
      keep('teamId', input.teamId ? Number(input.teamId) : undefined);
      keep('regions', input.regions === null ? [] : input.regions);
      keep('customerImpact', input.customerImpact);
      keep('affectedUsersPercent', input.affectedUsersPercent);
      keep('detectionSource', input.detectionSource);
      keep('startedAt', input.startedAt);
      keep('detectedAt', input.detectedAt);
      keep('acknowledgedAt', input.acknowledgedAt);
      keep('mitigatedAt', input.mitigatedAt);
      keep('resolvedAt', input.resolvedAt);
      checkPhases(next);
      if (next.teamId !== before.teamId) {
        assertCanWriteTeam(principal, next.teamId);
        await this.checkTeam(tx, next.teamId);
      }
      const changes: Record<string, unknown> = diff(this.snapshot(before), this.snapshot(next));
      let servicesChanged = false;
      if (input.serviceIds) {
        const serviceIds = [...new Set(toIds(input.serviceIds))];
        await this.services.requireAll(tx, serviceIds, 'serviceIds');
        const old = (await this.repo.serviceIds(tx, id)).map((r) => r.service_id);
        await this.repo.setServices(tx, id, serviceIds);
        const serviceDiff = diff({ serviceIds: old }, { serviceIds: [...serviceIds].sort((a, b) => a - b) });
        servicesChanged = 'serviceIds' in serviceDiff;
        Object.assign(changes, serviceDiff);
      }
      await this.applyCauses(tx, principal, id, input, changes);
      // an edit of a field the source provides wins over later syncs: mark it, in the same transaction
      const marks = current.source_id === null ? null : overridden(current.overridden_fields, before, next, servicesChanged);
      if (marks) {
        await this.repo.setOverridden(tx, id, marks);
        Object.assign(changes, diff({ overriddenFields: current.overridden_fields }, { overriddenFields: marks }));
      }
      const row = await this.repo.updateIfVersion(tx, id, input.expectedVersion, next);
      if (!row) throw this.conflict(id, null, input.expectedVersion);
      await this.audit.record(tx, principal, { action: 'incident.update', entityType: 'Incident', entityId: id, changes });
      return row;
    });
  }

  /**
   * Gives a field of a synced incident back to its source: writes the source's last value (services as the
   * service ids), clears the field's override mark, and bumps the version like an edit.
   */
  async resetField(principal: Principal, id: number, field: string, expectedVersion: number | null): Promise<IncidentRow> {
    if (!(SOURCE_FIELDS as readonly string[]).includes(field)) {
      throw badInput(`field must be one of ${SOURCE_FIELDS.join(', ')}`, 'field');
    }
    const name = field as SourceField;
    return this.db.transaction(async (tx) => {
      const current = await this.get(principal, id, tx, true);
      assertCanWriteTeam(principal, current.team_id);
      if (expectedVersion !== null && current.version !== expectedVersion) throw this.conflict(id, current.version, expectedVersion);
      const sourced = current.source_values;
      if (current.source_id === null || !sourced) throw badInput(`field: INC-${id} is not synced from a source`, 'field');
      if (!(name in sourced)) throw badInput(`field: the source has not provided ${name} for INC-${id}`, 'field');
      const value = sourced[name];
      const before = valuesOf(current);
      const next: IncidentValues = { ...before };
      const changes: Record<string, unknown> = {};
      if (name === 'services') {
        const ids = Array.isArray(value) ? [...new Set(value.map(Number))].sort((a, b) => a - b) : [];
        if (!ids.length || ids.some((n) => !Number.isSafeInteger(n)))
          throw badInput('field: the source gave no services to restore', 'field');
        await this.services.requireAll(tx, ids, 'field');
        const old = (await this.repo.serviceIds(tx, id)).map((r) => r.service_id);
        await this.repo.setServices(tx, id, ids);
        Object.assign(changes, diff({ serviceIds: old }, { serviceIds: ids }));
      } else {
        this.restore(next, name, value);
        checkPhases(next);
        Object.assign(changes, diff(this.snapshot(before), this.snapshot(next)));
      }
      const marks = current.overridden_fields.filter((f) => f !== name);
      await this.repo.setOverridden(tx, id, marks);
      Object.assign(changes, diff({ overriddenFields: current.overridden_fields }, { overriddenFields: marks }));
      const row = await this.repo.updateIfVersion(tx, id, current.version, next);
      if (!row) throw this.conflict(id, null, current.version);
      await this.audit.record(tx, principal, {
        action: 'incident.reset',
        entityType: 'Incident',
        entityId: id,
        changes: { field, ...changes },
      });
      return row;
    });
  }

  /** Puts a source value (as stored in source_values: ISO text, SEV1..4, enum names) into `next`. */
  private restore(next: IncidentValues, field: Exclude<SourceField, 'services'>, value: unknown): void {
    const bad = () => badInput(`field: the source's value of ${field} cannot be restored`, 'field');
    if (field === 'title') {
      if (typeof value !== 'string' || !value.trim()) throw bad();
      next.title = value;
    } else if (field === 'severity') {
      if (!Object.values<unknown>(Severity).includes(value)) throw bad();
      next.severity = value as Severity;
    } else if (field === 'detectionSource') {
      if (value !== null && !Object.values<unknown>(DetectionSource).includes(value)) throw bad();
      next.detectionSource = value as DetectionSource | null;
    } else {
      const at = value === null || value === undefined ? null : new Date(value as string);
      if (at !== null && Number.isNaN(at.getTime())) throw bad();
      if (field === 'startedAt') {
        if (!at) throw bad();
        next.startedAt = at;
      } else {
        next[field] = at;
      }
    }
  }

  async setCauseState(principal: Principal, incidentId: number, causeId: number, state: TagState): Promise<IncidentRow> {
    return this.db.transaction(async (tx) => {
      const incident = await this.get(principal, incidentId, tx);
      assertCanWriteTeam(principal, incident.team_id);
      if (!(await this.repo.setCauseState(tx, incidentId, causeId, state, principal.actor))) {
        throw badInput(`causeId: cause ${causeId} is not tagged on this incident`, 'causeId');
      }
      await this.audit.record(tx, principal, {
        action: 'incident.cause.review',
        entityType: 'Incident',
        entityId: incidentId,
        changes: { causeId, state },
      });
      return incident;
    });
  }

  async assess(
    principal: Principal,
    incidentId: number,
    mechanismId: number,
    outcome: RedundancyOutcome | null,
    notes: string | null,
  ): Promise<IncidentRow> {
    return this.db.transaction(async (tx) => {
      const incident = await this.get(principal, incidentId, tx);
      assertCanWriteTeam(principal, incident.team_id);
      if (outcome === null) {
        await this.repo.deleteAssessment(tx, incidentId, mechanismId);
      } else {
        await this.redundancy.requireActive(tx, mechanismId, 'mechanismId');
        await this.repo.upsertAssessment(tx, { incidentId, mechanismId, outcome, notes, actor: principal.actor });
      }
      await this.audit.record(tx, principal, {
        action: 'incident.redundancy.assess',
        entityType: 'Incident',
        entityId: incidentId,
        changes: { mechanismId, outcome, notes },
      });
      return incident;
    });
  }

  async addTimelineEvent(principal: Principal, incidentId: number, e: { at: Date; kind: string; message: string }): Promise<TimelineRow> {
    return this.db.transaction(async (tx) => {
      const incident = await this.get(principal, incidentId, tx);
      assertCanWriteTeam(principal, incident.team_id);
      const row = await this.repo.insertTimelineEvent(tx, { incidentId, ...e, author: principal.actor });
      await this.audit.record(tx, principal, {
        action: 'incident.timeline.add',
        entityType: 'Incident',
        entityId: incidentId,
        changes: { at: e.at, kind: e.kind, message: e.message },
      });
      return row;
    });
  }

  loadCauseTags(loaders: RequestLoaders, incidentId: number): Promise<CauseTagRow[]> {
    return loaders
      .get<number, CauseTagRow[]>('causeTagsByIncident', async (ids) => groupBy(await this.repo.causeTags(ids), (t) => t.incident_id), [])
      .load(incidentId);
  }

  loadAssessments(loaders: RequestLoaders, incidentId: number): Promise<AssessmentRow[]> {
    return loaders
      .get<number, AssessmentRow[]>(
        'assessmentsByIncident',
        async (ids) => groupBy(await this.repo.assessments(ids), (a) => a.incident_id),
        [],
      )
      .load(incidentId);
  }

  loadTimeline(loaders: RequestLoaders, incidentId: number): Promise<TimelineRow[]> {
    return loaders
      .get<number, TimelineRow[]>('timelineByIncident', async (ids) => groupBy(await this.repo.timeline(ids), (t) => t.incident_id), [])
      .load(incidentId);
  }

  private async applyCauses(
    tx: Sql,
    principal: Principal,
    id: number,
    input: UpdateIncidentInput,
    changes: Record<string, unknown>,
  ): Promise<void> {
    if (input.primaryCauseId === undefined && input.contributingCauseIds === undefined) return;
    const tags = await this.repo.causeTags([id], tx);
    const oldPrimary = tags.find((t) => t.is_primary)?.cause_id ?? null;
    const oldContributing = tags.filter((t) => !t.is_primary).map((t) => t.cause_id);
    const primary = input.primaryCauseId === undefined ? oldPrimary : input.primaryCauseId === null ? null : Number(input.primaryCauseId);
    const contributing =
      input.contributingCauseIds === undefined
        ? oldContributing.filter((c) => c !== primary)
        : this.contributing(primary, input.contributingCauseIds);
    if (primary !== null && primary !== oldPrimary) await this.taxonomy.requireActive(tx, [primary], 'primaryCauseId');
    const added = contributing.filter((c) => !oldContributing.includes(c));
    if (added.length) await this.taxonomy.requireActive(tx, added, 'contributingCauseIds');
    await this.repo.setContributing(tx, id, contributing, principal.actor);
    await this.repo.setPrimaryCause(tx, id, primary, principal.actor);
    Object.assign(
      changes,
      diff(
        { primaryCauseId: oldPrimary, contributingCauseIds: [...oldContributing].sort() },
        { primaryCauseId: primary, contributingCauseIds: [...contributing].sort() },
      ),
    );
  }

  private contributing(primary: number | null, ids: string[] | null | undefined): number[] {
    const list = [...new Set(toIds(ids))];
    if (primary !== null && list.includes(primary)) {
      throw badInput('contributingCauseIds must not repeat the primary cause', 'primaryCauseId', 'contributingCauseIds');
    }
    return list;
  }

  private async checkTeam(sql: Sql, teamId: number): Promise<void> {
    const [team] = await sql.query(`SELECT id FROM team WHERE id = $1`, [teamId]);
    if (!team) throw badInput(`teamId: no team with id ${teamId}`, 'teamId');
  }

  private conflict(id: number, current: number | null, expected: number): DomainError {
    return new DomainError(
      'CONFLICT',
      `Incident INC-${id} was changed by someone else (you had version ${expected}${current ? `, it is now ${current}` : ''}); reload it and apply your edit again`,
      ['expectedVersion'],
    );
  }

  private snapshot(v: IncidentValues): Record<string, unknown> {
    return {
      ...v,
      startedAt: v.startedAt.toISOString(),
      detectedAt: v.detectedAt?.toISOString() ?? null,
      acknowledgedAt: v.acknowledgedAt?.toISOString() ?? null,
      mitigatedAt: v.mitigatedAt?.toISOString() ?? null,
      resolvedAt: v.resolvedAt?.toISOString() ?? null,
    };
  }
}
