import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { badInput, notFound } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { JobsService } from '../jobs/jobs.service';
import { MetricsFilter } from '../metrics/dto/metrics-filter.input';
import { CreateDigestInput } from './dto/digest.input';
import { coveredPeriod, nextRunAfter } from './digest-schedule';
import { DigestChannel, DigestDeliveryRow, DigestFilterJson, DigestRow, DigestTrigger } from './digest.model';
import { DigestsRepository } from './digests.repository';

/** The queue of deliveries: one job per delivery. */
export const DIGEST_QUEUE = 'digest-delivery';
const MAX_ADDRESSES = 50;

/** Why a target is refused for its channel, or null. */
export function targetProblem(channel: DigestChannel, target: string): string | null {
  const value = target.trim();
  if (channel === DigestChannel.EMAIL) {
    const addresses = value.split(',').map((a) => a.trim());
    if (!value || addresses.some((a) => !a)) return 'target must be one or more email addresses separated by commas';
    if (addresses.length > MAX_ADDRESSES) return `target may hold at most ${MAX_ADDRESSES} email addresses`;
    const bad = addresses.find((a) => !isEmail(a));
    return bad === undefined ? null : `target: "${bad.slice(0, 100)}" is not an email address`;
  }
  const u = URL.parse(value);
  if (!u || !/^https?:$/.test(u.protocol) || !u.hostname) return 'target must be an http(s) URL for a WEBHOOK digest';
  if (u.username || u.password) return 'target must not contain credentials';
  return null;
}

/** The stored filter: the dimensions given, ids as strings. */
function filterJson(f: MetricsFilter | null | undefined): DigestFilterJson {
  if (!f) return {};
  const ids = (xs: string[] | null | undefined) => (xs?.length ? [...new Set(xs.map(String))] : undefined);
  const out: DigestFilterJson = {
    serviceIds: ids(f.serviceIds),
    teamIds: ids(f.teamIds),
    sourceIds: ids(f.sourceIds),
    severities: f.severities?.length ? [...new Set(f.severities)] : undefined,
    rootCauseIds: ids(f.rootCauseIds),
    confirmedOnly: f.confirmedOnly ?? undefined,
  };
  return JSON.parse(JSON.stringify(out)) as DigestFilterJson; // drops the undefined ones
}

/** Digests (SPEC §6): admins' CRUD, queueing deliveries (now or by the schedule). The worker sends them. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly db: Database,
    private readonly repo: DigestsRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, input: CreateDigestInput, now = new Date()): Promise<DigestRow> {
    const problem = targetProblem(input.channel, input.target);
    if (problem) throw badInput(problem, 'target');
    if (input.filter?.from || input.filter?.to) {
      throw badInput(
        'filter.from and filter.to are not allowed: the schedule sets the period',
        ...(input.filter.from ? ['filter.from'] : []),
        ...(input.filter.to ? ['filter.to'] : []),
      );
    }
    const target =
      input.channel === DigestChannel.EMAIL
        ? input.target
            .split(',')
            .map((a) => a.trim())
            .join(', ')
        : input.target.trim();
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insert(tx, {
        name: input.name.trim(),
        schedule: input.schedule,
        channel: input.channel,
        target,
        filter: filterJson(input.filter),
        createdBy: principal.userId,
        nextRunAt: nextRunAfter(input.schedule, now),
      });
      await this.audit.record(tx, principal, {
        action: 'digest.create',
        entityType: 'Digest',
        entityId: row.id,
        changes: { name: row.name, schedule: row.schedule, channel: row.channel, target: row.target, filter: row.filter },
      });
      return row;
    });
  }

  list(): Promise<DigestRow[]> {
    return this.repo.list();
  }

  async get(id: number): Promise<DigestRow> {
    const row = await this.repo.byId(this.db.manager, id);
    if (!row) throw notFound('Digest', id);
    return row;
  }

  /** Deletes a digest and its deliveries (a queued one is then not sent). */
  async delete(principal: Principal, id: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await this.repo.delete(tx, id);
      if (!row) throw notFound('Digest', id);
      await this.audit.record(tx, principal, {
        action: 'digest.delete',
        entityType: 'Digest',
        entityId: id,
        changes: { name: row.name, schedule: row.schedule, channel: row.channel, target: row.target, filter: row.filter },
      });
      return true;
    });
  }

  /** Queues a delivery of the last complete period now; the delivery and its job commit together. */
  async send(id: number, now = new Date()): Promise<DigestDeliveryRow> {
    return this.db.transaction(async (tx) => {
      const digest = await this.repo.byId(tx, id, true);
      if (!digest) throw notFound('Digest', id);
      return this.queue(tx, digest, DigestTrigger.MANUAL, now);
    });
  }

  /**
   * The schedule: queues a delivery of every digest whose next run has come, for the last complete period before
   * now, and moves its next run on (a server that was down for several periods sends the latest one once).
   */
  async tick(now = new Date()): Promise<DigestDeliveryRow[]> {
    return this.db.transaction(async (tx) => {
      const queued: DigestDeliveryRow[] = [];
      for (const digest of await this.repo.due(tx, now)) {
        queued.push(await this.queue(tx, digest, DigestTrigger.SCHEDULE, now));
        await this.repo.setNextRun(tx, digest.id, nextRunAfter(digest.schedule, now));
      }
      return queued;
    });
  }

  private async queue(tx: Parameters<DigestsRepository['insert']>[0], digest: DigestRow, trigger: DigestTrigger, now: Date) {
    const { from, to } = coveredPeriod(digest.schedule, now);
    const delivery = await this.repo.insertDelivery(tx, digest.id, trigger, from, to);
    await this.jobs.send(DIGEST_QUEUE, { deliveryId: delivery.id }, {}, tx);
    return delivery;
  }

  async delivery(id: number): Promise<DigestDeliveryRow> {
    const row = await this.repo.delivery(id);
    if (!row) throw notFound('Digest delivery', id);
    return row;
  }

  async deliveries(digestId: number, first: number | null | undefined): Promise<DigestDeliveryRow[]> {
    const n = first ?? 20;
    if (!Number.isInteger(n) || n < 0 || n > 100) throw badInput('first must be between 0 and 100', 'first');
    return n === 0 ? [] : this.repo.deliveries(digestId, n);
  }

  lastDelivery(loaders: RequestLoaders, digestId: number): Promise<DigestDeliveryRow | null> {
    return loaders
      .get<number, DigestDeliveryRow | null>(
        'lastDigestDelivery',
        async (ids) => indexBy(await this.repo.lastDeliveries(ids), (r) => r.digest_id),
        null,
      )
      .load(digestId);
  }
}
