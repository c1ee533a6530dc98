import { Injectable, Logger } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { AuditService } from '../audit/audit.service';
import { Principal, SYSTEM } from '../auth/principal';
import { Database, Sql } from '../common/database/database.service';
import { badInput, notFound } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { JobsService } from '../jobs/jobs.service';
import { MetricsFilter } from '../metrics/dto/metrics-filter.input';
import { SecretBox, SecretBoxError } from '../sources/secret-box';
import { CreateDigestInput } from './dto/digest.input';
import { coveredPeriod, nextRunAfter } from './digest-schedule';
import { DigestChannel, DigestDeliveryRow, DigestFilterJson, DigestRow, DigestTrigger, maskWebhookUrl, shownTarget } from './digest.model';
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

/** Who the audit log names for the schedule's sends: the system, as the digest (as sync runs name their source). */
const scheduleActor = (d: DigestRow): Principal => ({ ...SYSTEM, actor: `digest:${d.name}` });

/** A digest as the audit log records it: never a webhook URL, only its mask. */
const audited = (d: DigestRow) => ({ name: d.name, schedule: d.schedule, channel: d.channel, target: shownTarget(d), filter: d.filter });

/**
 * Digests (SPEC §6): admins' CRUD, queueing deliveries (now or by the schedule). The worker sends them. A WEBHOOK
 * digest's URL is a secret: stored sealed (SecretBox, like source tokens), shown masked.
 */
@Injectable()
export class DigestsService {
  private readonly logger = new Logger('Digests');

  constructor(
    private readonly db: Database,
    private readonly repo: DigestsRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
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
    const email = input.channel === DigestChannel.EMAIL;
    const target = email
      ? input.target
          .split(',')
          .map((a) => a.trim())
          .join(', ')
      : input.target.trim();
    const targetSealed = email ? null : this.seal(target);
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insert(tx, {
        name: input.name.trim(),
        schedule: input.schedule,
        channel: input.channel,
        target: email ? target : maskWebhookUrl(target),
        targetSealed,
        filter: filterJson(input.filter),
        createdBy: principal.userId,
        nextRunAt: nextRunAfter(input.schedule, now),
      });
      await this.audit.record(tx, principal, {
        action: 'digest.create',
        entityType: 'Digest',
        entityId: row.id,
        changes: audited(row),
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
        changes: audited(row),
      });
      return true;
    });
  }

  /** Queues a delivery of the last complete period now; the delivery, its job and its audit entry commit together. */
  async send(principal: Principal, id: number, now = new Date()): Promise<DigestDeliveryRow> {
    return this.db.transaction(async (tx) => {
      const digest = await this.repo.byId(tx, id, true);
      if (!digest) throw notFound('Digest', id);
      return this.queue(tx, principal, digest, DigestTrigger.MANUAL, now);
    });
  }

  /**
   * The schedule: queues a delivery of every digest whose next run has come, for the last complete period before
   * now, and moves its next run on (a server that was down for several periods sends the latest one once). Each is
   * audited as the system (actor `digest:<name>`). First it seals webhook URLs still stored plain (sealPlainTargets).
   */
  async tick(now = new Date()): Promise<DigestDeliveryRow[]> {
    await this.sealPlainTargets();
    return this.db.transaction(async (tx) => {
      const queued: DigestDeliveryRow[] = [];
      for (const digest of await this.repo.due(tx, now)) {
        queued.push(await this.queue(tx, scheduleActor(digest), digest, DigestTrigger.SCHEDULE, now));
        await this.repo.setNextRun(tx, digest.id, nextRunAfter(digest.schedule, now));
      }
      return queued;
    });
  }

  /**
   * Seals the URL of every WEBHOOK digest stored plain (written before digest targets were sealed) and keeps only its
   * mask in `target`. Until then such a row is read in its plain form, so nothing breaks: without a usable key (a
   * DATABASE_URL without HINDSIGHT_SECRET_KEY) the rows stay plain and a warning names the key. Returns how many it sealed.
   */
  async sealPlainTargets(): Promise<number> {
    const rows = await this.repo.plainWebhooks();
    let sealed = 0;
    try {
      for (const r of rows) {
        const url = r.target.trim();
        if (await this.repo.sealTarget(r.id, r.target, maskWebhookUrl(url), this.box.seal(url))) sealed += 1;
      }
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      this.logger.warn(`${rows.length - sealed} webhook digest URL(s) are still stored unencrypted: ${err.message}`);
    }
    return sealed;
  }

  /** The URL a WEBHOOK digest posts to: opened from its sealed form, or as stored by a row not sealed yet. */
  webhookUrl(digest: DigestRow): string {
    return digest.target_sealed === null ? digest.target : this.box.open(digest.target_sealed);
  }

  private seal(url: string): string {
    try {
      return this.box.seal(url);
    } catch (err) {
      if (err instanceof SecretBoxError) throw badInput(err.message, 'target');
      throw err;
    }
  }

  private async queue(tx: Sql, principal: Principal, digest: DigestRow, trigger: DigestTrigger, now: Date) {
    const { from, to } = coveredPeriod(digest.schedule, now);
    const delivery = await this.repo.insertDelivery(tx, digest.id, trigger, from, to);
    await this.jobs.send(DIGEST_QUEUE, { deliveryId: delivery.id }, {}, tx);
    await this.audit.record(tx, principal, {
      action: 'digest.send',
      entityType: 'Digest',
      entityId: digest.id,
      changes: {
        deliveryId: delivery.id,
        trigger,
        periodFrom: from.toISOString(),
        periodTo: to.toISOString(),
        name: digest.name,
        channel: digest.channel,
        target: shownTarget(digest),
      },
    });
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
