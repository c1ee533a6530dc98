import { Injectable, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { badInput, DomainError, notFound } from '../../common/errors/domain-error';
import { excerpt, normalizeRow } from '../../imports/import-row';
import { ImportFormat, InvalidRowPolicy } from '../../imports/import.enums';
import { jsonRows } from '../../imports/parsers/json.parser';
import { SecretBoxError } from '../secret-box';
import { SourceFetchError, SourceIncident } from '../source-incident';
import { SourceKind } from '../source.model';
import { SourceRuntime, SourcesService } from '../sources.service';
import { SyncRunRow, SyncStatus } from '../sync/sync-run.model';
import { SyncService } from '../sync/sync.service';
import {
  adapterFor,
  incidentIoWebhookIncident,
  pagerDutyWebhookIncidentId,
  verifyHindsightSignature,
  verifyIncidentIoSignature,
  verifyPagerDutySignature,
} from '../vendors';

/** What a push is answered with: its run, as a run's counters say it. */
export interface WebhookAnswer {
  runId: string;
  status: SyncStatus;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errorCount: number;
  errors: Array<{ externalId: string | null; message: string }>;
  /** True when this exact push (its webhook-id) was applied already: nothing was done again. */
  duplicate?: boolean;
}

interface Push {
  incidents: SourceIncident[];
  /** Items not applied: deliberately (test mode) or because they could not be read (see errors). */
  skipped: number;
  errors: Array<{ externalId: string | null; message: string }>;
  /** The push was valid, but the vendor's API refused the read it calls for. */
  failure?: string;
}

/** How long an applied incident.io webhook-id is remembered (twice the signature's 5-minute tolerance). */
const SEEN_MS = 10 * 60_000;
const SEEN_MAX = 10_000;
/** A PagerDuty or incident.io read a push calls for must answer within this. */
const FETCH_TIMEOUT_MS = 20_000;

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const unsigned = (why: string) => new DomainError('UNAUTHENTICATED', why);
const scrub = (text: string, secret: string | null) => (secret && secret.length >= 4 ? text.split(secret).join('[token]') : text);

/**
 * Webhook pushes (SPEC §5): the signature is the only credential. A push is verified over its raw
 * bytes with the source's webhook secret, then applied within the request, through the same batch
 * write as a pull, and recorded as a WEBHOOK run.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('Webhooks');
  /** incident.io webhook-ids applied lately (per source), with their run: an exact replay is not applied twice. */
  private readonly seen = new Map<string, { runId: number; until: number }>();

  constructor(
    private readonly sources: SourcesService,
    private readonly sync: SyncService,
  ) {}

  /** The source a push is for: 404 when there is none (or it was deleted), or it takes no pushes. */
  async target(idText: string): Promise<SourceRuntime> {
    if (!/^[0-9]{1,9}$/.test(idText)) throw notFound('Source', idText);
    let runtime: SourceRuntime;
    try {
      runtime = await this.sources.connection(Number(idText));
    } catch (err) {
      if (err instanceof SecretBoxError) {
        this.logger.error(`source ${idText}: its webhook secret cannot be opened (${err.message})`);
        throw new DomainError(
          'SERVICE_UNAVAILABLE',
          'This source cannot check signatures now; the server’s secret key is not the one its secret was stored with',
        );
      }
      throw err;
    }
    if (runtime.source.kind === SourceKind.STATUSPAGE) throw notFound('Webhook of source', idText);
    return runtime;
  }

  /**
   * Verifies and applies a push. 401 for a missing or wrong signature (or an incident.io timestamp
   * more than 5 minutes off); 409 for a paused source (after the signature is checked, so only the
   * vendor learns it); 400 for a body that is not JSON. Nothing changes in any of these cases.
   */
  async receive(
    runtime: SourceRuntime,
    headers: IncomingHttpHeaders,
    body: Buffer,
    onInvalid = InvalidRowPolicy.REJECT_ALL,
    now = new Date(),
  ): Promise<WebhookAnswer> {
    const { source, webhookSecret } = runtime;
    if (!webhookSecret) throw unsigned('This source has no webhook secret, so no push can be verified; set one in its settings');
    let replayKey: string | null = null;
    switch (source.kind) {
      case SourceKind.PAGERDUTY:
        if (!verifyPagerDutySignature(body, header(headers, 'x-pagerduty-signature'), webhookSecret))
          throw unsigned('The X-PagerDuty-Signature header is missing or does not match the body');
        break;
      case SourceKind.INCIDENT_IO: {
        const id = header(headers, 'webhook-id');
        const signed = { id, timestamp: header(headers, 'webhook-timestamp'), signature: header(headers, 'webhook-signature') };
        if (!verifyIncidentIoSignature(body, signed, webhookSecret, now))
          throw unsigned('The webhook-signature header is missing or does not match, or webhook-timestamp is more than 5 minutes off');
        replayKey = `${source.id}\u0000${id}`;
        break;
      }
      case SourceKind.WEBHOOK:
        if (!verifyHindsightSignature(body, header(headers, 'x-hindsight-signature'), webhookSecret))
          throw unsigned('The X-Hindsight-Signature header (sha256=<hex HMAC-SHA256 of the body>) is missing or does not match');
        break;
      default:
        throw notFound('Webhook of source', source.id);
    }
    if (!source.enabled) throw new DomainError('CONFLICT', `Source ${source.id} is paused: the push was not applied`);
    const earlier = replayKey ? this.seen.get(replayKey) : undefined;
    if (earlier && earlier.until > now.getTime()) return { ...answer(await this.sync.run(earlier.runId)), duplicate: true };

    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw new DomainError('BAD_USER_INPUT', 'The body is not valid JSON', ['body']);
    }
    const push = await this.read(runtime, payload);
    if (source.kind === SourceKind.WEBHOOK && onInvalid === InvalidRowPolicy.REJECT_ALL && push.errors.length) {
      // Hindsight's own format is an import, and an import applies completely or not at all
      const items = push.incidents.length + push.skipped;
      const refused = await this.sync.applyPush(source, {
        incidents: [],
        skipped: items,
        errors: push.errors,
        failure: `refused: ${push.skipped} of ${items} items break the import rules, so nothing was applied (add ?onInvalid=SKIP_ROW to the webhook URL to apply the valid ones)`,
      });
      throw badInput(`Run ${refused.id}: ${refused.errors[0].message}; first: ${push.errors[0].message}`, 'body');
    }
    const run = await this.sync.applyPush(source, push);
    if (replayKey && run.status === SyncStatus.SUCCEEDED) this.remember(replayKey, run.id, now.getTime());
    return answer(run);
  }

  /** What a push carries, by kind (reading the incident from the vendor's API where the push only names it). */
  private async read(runtime: SourceRuntime, payload: unknown): Promise<Push> {
    const { source, connection } = runtime;
    const adapter = adapterFor(source.kind);
    const fetchOne = async (externalId: string): Promise<Push> => {
      try {
        const incident = await adapter.fetchOne!(connection, externalId, AbortSignal.timeout(FETCH_TIMEOUT_MS));
        if (incident) return { incidents: [incident], skipped: 0, errors: [] };
        return {
          incidents: [],
          skipped: 1,
          errors: [{ externalId, message: 'the vendor has no such incident (deleted, or not visible to the token)' }],
        };
      } catch (err) {
        if (err instanceof SourceFetchError)
          return { incidents: [], skipped: 0, errors: [], failure: scrub(err.message, connection.token) };
        if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
          return { incidents: [], skipped: 0, errors: [], failure: `The vendor did not answer within ${FETCH_TIMEOUT_MS / 1000} s` };
        throw err;
      }
    };
    if (source.kind === SourceKind.PAGERDUTY) {
      const id = pagerDutyWebhookIncidentId(payload);
      return id ? fetchOne(id) : { incidents: [], skipped: 0, errors: [] }; // not about an incident (a ping, a service...)
    }
    if (source.kind === SourceKind.INCIDENT_IO) {
      try {
        const { incident, skipped } = incidentIoWebhookIncident(payload, connection);
        if (incident) return { incidents: [incident], skipped: 0, errors: [] };
        if (skipped) return { incidents: [], skipped: 1, errors: [] };
      } catch (err) {
        return { incidents: [], skipped: 1, errors: [{ externalId: null, message: (err as Error).message }] };
      }
      // private incidents' events carry only the incident's id: read it
      const p = payload as Record<string, any>;
      const type = typeof p?.event_type === 'string' ? p.event_type : '';
      const id = type.startsWith('private_incident.incident_') ? p[type]?.id : undefined;
      return typeof id === 'string' && id ? fetchOne(id) : { incidents: [], skipped: 0, errors: [] };
    }
    return hindsightPush(payload);
  }

  private remember(key: string, runId: number, now: number): void {
    if (this.seen.size >= SEEN_MAX) {
      for (const [k, v] of this.seen) if (v.until <= now || this.seen.size >= SEEN_MAX) this.seen.delete(k);
    }
    this.seen.set(key, { runId, until: now + SEEN_MS });
  }
}

/**
 * A WEBHOOK source's push: Hindsight's JSON import format, one incident object or an array of them
 * (or `{ "incidents": [...] }`), checked by the import's own rules. A push carries what a source
 * provides (title, times, severity, services, team, detection source); causes, assessments,
 * summaries, privacy and timelines in it are ignored: those are added in Hindsight.
 */
export function hindsightPush(payload: unknown): Push {
  const list = Array.isArray(payload)
    ? payload
    : payload && typeof payload === 'object' && Array.isArray((payload as { incidents?: unknown }).incidents)
      ? (payload as { incidents: unknown[] }).incidents
      : [payload];
  const push: Push = { incidents: [], skipped: 0, errors: [] };
  for (const raw of jsonRows(JSON.stringify(list))) {
    const { incident, errors } = normalizeRow(raw, ImportFormat.JSON);
    if (!incident) {
      const given = raw.values.external_id;
      const externalId = typeof given === 'string' && given.trim() ? excerpt(given.trim(), 200) : null;
      push.skipped += 1;
      for (const e of errors) push.errors.push({ externalId, message: `item ${e.row}: ${e.message}` });
      continue;
    }
    push.incidents.push({
      externalId: incident.externalId,
      externalUrl: null,
      title: incident.title,
      startedAt: incident.phases.startedAt!.iso,
      detectedAt: incident.phases.detectedAt?.iso ?? null,
      acknowledgedAt: incident.phases.acknowledgedAt?.iso ?? null,
      mitigatedAt: incident.phases.mitigatedAt?.iso ?? null,
      resolvedAt: incident.phases.resolvedAt?.iso ?? null,
      severityKey: incident.severity,
      services: incident.services,
      teamName: incident.team,
      detectionSource: incident.detectionSource,
    });
  }
  return push;
}

const answer = (r: SyncRunRow): WebhookAnswer => ({
  runId: String(r.id),
  status: r.status,
  fetched: r.fetched,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  skipped: r.skipped,
  errorCount: r.error_count,
  errors: r.errors,
});
