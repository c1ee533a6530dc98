import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type PgBoss from 'pg-boss';
import type { Principal } from '../auth/principal';
import { Database } from '../common/database/database.service';
import { APP_CONFIG, AppConfig } from '../config';
import { JobsService } from '../jobs/jobs.service';
import { reportPdf } from '../reports/report.pdf';
import { ReportsService } from '../reports/reports.service';
import { SecretBoxError } from '../sources/secret-box';
import { DigestContent, digestContent, emailHtml, emailText, overviewLink, slackMessage } from './digest-content';
import { DigestChannel, DigestDeliveryRow, DigestDeliveryStatus, DigestRow } from './digest.model';
import { DigestsRepository } from './digests.repository';
import { DIGEST_QUEUE, DigestsService } from './digests.service';

/** The queue of the schedule's tick (every 5 minutes). */
export const DIGEST_SCHEDULE_QUEUE = 'digest-schedule';
/** Attempts of a delivery in all (the first and two retries). */
export const DIGEST_ATTEMPTS = 3;
const WEBHOOK_TIMEOUT_MS = 15_000;
const ERROR_LIMIT = 500;
const BODY_EXCERPT = 200;

/** A failure another attempt cannot mend (no SMTP server configured, the creator disabled): the delivery fails at once. */
class PermanentFailure extends Error {}

/** `text` with every occurrence of the secrets replaced, cut to `limit` characters. */
function scrub(text: string, secrets: Array<string | null | undefined>, limit = ERROR_LIMIT): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('[secret]');
  return out.length <= limit ? out : `${out.slice(0, limit - 1)}…`;
}

/** The SMTP URL's parts nodemailer takes, and the password and user to keep out of errors. */
function smtpOptions(url: string) {
  const u = new URL(url);
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  return {
    options: {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
      secure: u.protocol === 'smtps:',
      auth: user ? { user, pass } : undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    },
    from: u.searchParams.get('from') || null,
    secrets: [pass, encodeURIComponent(pass), u.password, url],
  };
}

/**
 * Sends digest deliveries (queue `digest-delivery`, one job per delivery) and keeps the schedule (queue
 * `digest-schedule`, every 5 minutes). A delivery is tried up to DIGEST_ATTEMPTS times, the waits between doubling
 * (HINDSIGHT_DIGEST_RETRY_SECONDS, then twice that); each attempt records its outcome on the delivery: RETRYING with
 * the error, then SENT or FAILED.
 */
@Injectable()
export class DigestsWorker implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly repo: DigestsRepository,
    private readonly digests: DigestsService,
    private readonly reports: ReportsService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ deliveryId: number }>({
      name: DIGEST_QUEUE,
      options: {
        policy: 'standard',
        retryLimit: DIGEST_ATTEMPTS - 1,
        retryDelay: this.config.digestRetrySeconds,
        retryBackoff: true,
        retentionMinutes: 7 * 24 * 60,
      },
      workers: 1,
      handler: (job, signal) => this.execute(job, signal),
    });
    this.jobs.define({
      name: DIGEST_SCHEDULE_QUEUE,
      options: { policy: 'short', retryLimit: 0, retentionMinutes: 60 },
      cron: '*/5 * * * *',
      handler: async () => void (await this.digests.tick()),
    });
  }

  /** One attempt of a delivery; throws (for pg-boss to retry the job) after recording RETRYING. */
  async execute(
    job: Pick<PgBoss.JobWithMetadata<{ deliveryId: number }>, 'data' | 'retryCount' | 'retryLimit'>,
    signal: AbortSignal,
  ): Promise<void> {
    const id = Number(job.data.deliveryId);
    const attempt = job.retryCount + 1;
    if (!(await this.repo.startAttempt(id, attempt))) return; // ended already, or deleted with its digest
    const delivery = (await this.repo.delivery(id))!;
    const digest = await this.repo.byId(this.db.manager, delivery.digest_id);
    if (!digest) return;
    const secrets = this.config.smtpUrl ? smtpOptions(this.config.smtpUrl).secrets : [];
    try {
      await this.deliver(digest, delivery, signal);
      await this.repo.record(id, DigestDeliveryStatus.SENT, null);
    } catch (err) {
      if (signal.aborted) throw signal.reason; // shutdown or a lost lease: the job is retried
      const message = scrub(err instanceof Error ? err.message : String(err), secrets);
      if (err instanceof PermanentFailure || job.retryCount >= job.retryLimit) {
        await this.repo.record(id, DigestDeliveryStatus.FAILED, message);
        return;
      }
      await this.repo.record(id, DigestDeliveryStatus.RETRYING, message);
      // the job's failure is stored by pg-boss: the recorded (scrubbed) message, not the error, which may hold the SMTP URL
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`digest delivery ${id} failed (attempt ${attempt}): ${message}; it will be retried`);
    }
  }

  /** The content of a delivery: the period's report read as the digest's creator. */
  async content(digest: DigestRow, delivery: DigestDeliveryRow) {
    const creator = await this.repo.creator(digest.created_by);
    if (!creator || creator.disabled) {
      throw new PermanentFailure(
        `The digest's creator (user ${digest.created_by}) is disabled; its metrics are read as them: an admin should create it again`,
      );
    }
    const principal: Principal = {
      userId: creator.id,
      email: creator.email,
      role: creator.role,
      teamIds: creator.team_ids,
      scopes: ['READ'],
      actor: `digest:${digest.name}`,
    };
    const { period_from: from, period_to: to } = delivery;
    const report = await this.reports.period(principal, from, to, digest.filter);
    // without HINDSIGHT_PUBLIC_URL there is no address the recipients are known to reach: no link (the footer says why)
    const link = this.config.publicUrl ? overviewLink(this.config.publicUrl, from, to, digest.filter) : null;
    const names = await this.repo.scopeNames(digest.filter);
    const scope = { ...names, severities: digest.filter.severities, confirmedOnly: digest.filter.confirmedOnly };
    return { report, content: digestContent(digest.name, report, link, scope) };
  }

  private async deliver(digest: DigestRow, delivery: DigestDeliveryRow, signal: AbortSignal): Promise<void> {
    if (digest.channel === DigestChannel.EMAIL && !this.config.smtpUrl) {
      throw new PermanentFailure('Email is not configured on this server: set HINDSIGHT_SMTP_URL (e.g. smtp://user:pass@host:587)');
    }
    if (digest.channel === DigestChannel.WEBHOOK) {
      let url: string;
      try {
        url = this.digests.webhookUrl(digest);
      } catch (err) {
        // no key, or another key than the one it was sealed with: another attempt cannot mend that
        if (err instanceof SecretBoxError) throw new PermanentFailure(err.message);
        throw err;
      }
      const { content } = await this.content(digest, delivery);
      return this.post(url, content, signal);
    }
    const { report, content } = await this.content(digest, delivery);
    const pdf = await reportPdf(report);
    await this.mail(digest.target, content, pdf, signal);
  }

  private async mail(to: string, c: DigestContent, pdf: Buffer, signal: AbortSignal): Promise<void> {
    const smtp = smtpOptions(this.config.smtpUrl!);
    const host = this.config.publicUrl ? new URL(this.config.publicUrl).hostname : 'localhost';
    const transport = createTransport(smtp.options);
    const abort = () => transport.close();
    signal.addEventListener('abort', abort);
    try {
      await transport.sendMail({
        from: smtp.from ?? `Hindsight <hindsight@${host}>`,
        to,
        subject: c.title,
        text: emailText(c),
        html: emailHtml(c),
        attachments: [{ filename: `reliability-${c.period.replace(/\s+/g, '-')}.pdf`, content: pdf, contentType: 'application/pdf' }],
      });
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number };
      throw new Error(
        `The SMTP server refused or could not be reached${e.responseCode ? ` (${e.responseCode})` : e.code ? ` (${e.code})` : ''}: ${e.message}`,
        { cause: err },
      );
    } finally {
      signal.removeEventListener('abort', abort);
      transport.close();
    }
  }

  private async post(url: string, c: DigestContent, signal: AbortSignal): Promise<void> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Hindsight digest' },
        body: JSON.stringify(slackMessage(c)),
        redirect: 'error',
        signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
      });
    } catch (err) {
      if (signal.aborted) throw err;
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError') throw new Error(`The webhook did not answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`, { cause: err });
      // fetch says only "fetch failed" (a TypeError): the cause tells why (e.g. "connect ECONNREFUSED 127.0.0.1:8080");
      // never the URL, which may hold a secret
      const u = new URL(url);
      const why = scrub(e.cause?.message || e.message || e.name, [url, u.pathname.length > 1 ? u.pathname : null, u.search || null]);
      throw new Error(`The webhook could not be reached: ${why}`, { cause: err });
    }
    if (res.ok) {
      await res.body?.cancel();
      return;
    }
    const body = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim();
    throw new Error(
      `The webhook answered HTTP ${res.status}${body ? `: ${body.slice(0, BODY_EXCERPT)}${body.length > BODY_EXCERPT ? '…' : ''}` : ''}`,
    );
  }
}
