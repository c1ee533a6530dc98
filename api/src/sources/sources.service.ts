import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Database, Sql } from '../common/database/database.service';
import { badInput, DomainError, notFound } from '../common/errors/domain-error';
import { indexBy, RequestLoaders } from '../common/graphql/loaders';
import { APP_CONFIG, AppConfig } from '../config';
import { Severity } from '../incidents/incident.enums';
import { CreateSourceInput, TestSourceConnectionInput, TimestampNamesInput, UpdateSourceInput } from './dto/source.input';
import { SecretBox, SecretBoxError } from './secret-box';
import { SourceConnection, SourceFetchError } from './source-incident';
import { SourceKind, SourceKindInfo, SourceRow, SourceSettings, TIMESTAMP_KEYS, TimestampNames } from './source.model';
import { SourcesRepository, SourceValues } from './sources.repository';
import { adapterFor, defaultSeverityMap } from './vendors';

/** The vendors' own API addresses, used when baseUrl is omitted. */
export const DEFAULT_BASE_URLS: Partial<Record<SourceKind, string>> = {
  PAGERDUTY: 'https://api.pagerduty.com',
  INCIDENT_IO: 'https://api.incident.io',
};
const KIND_NAMES: Record<SourceKind, string> = {
  PAGERDUTY: 'PagerDuty',
  INCIDENT_IO: 'incident.io',
  STATUSPAGE: 'status page',
  WEBHOOK: 'webhook',
};
const NEEDS_TOKEN = new Set<SourceKind>([SourceKind.PAGERDUTY, SourceKind.INCIDENT_IO]);
const MIN_WEBHOOK_SECRET = 16;
/** `since` may be this far ahead of the server's clock (a browser's clock runs a little fast). */
const CLOCK_SKEW_MS = 5 * 60_000;
const TEST_TIMEOUT_MS = 20_000;

/** What the sync engine needs to run a source: its settings, the vendor connection, and the webhook secret. */
export interface SourceRuntime {
  source: SourceRow;
  connection: SourceConnection;
  webhookSecret: string | null;
}

/** The settings of a source as the audit log records them: everything but the secrets, whose presence is a boolean. */
function snapshot(v: SourceValues): Record<string, unknown> {
  return {
    name: v.name,
    baseUrl: v.baseUrl,
    hasToken: v.tokenSealed !== null,
    hasWebhookSecret: v.webhookSecretSealed !== null,
    teamId: v.teamId,
    enabled: v.enabled,
    syncEveryMinutes: v.syncEveryMinutes,
    since: v.since.toISOString(),
    severityMap: v.severityMap,
    defaultSeverity: v.defaultSeverity,
    createMissing: v.createMissing,
    private: v.private,
    settings: v.settings,
  };
}

/** A base URL as stored: trimmed, without trailing slashes (adapters append paths). */
const normalUrl = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * A secret as given in an input: undefined when omitted or null (keep), null when blank (remove), else the
 * text without surrounding whitespace (a pasted token often brings a line break along).
 */
const secretInput = (value: string | null | undefined): string | null | undefined =>
  value === undefined || value === null ? undefined : value.trim() || null;

/** Replaces every occurrence of the secret in a text meant for the caller or the log. */
const scrub = (text: string, secret: string | null) => (secret ? text.split(secret).join('[token]') : text);

@Injectable()
export class SourcesService {
  private readonly logger = new Logger('Sources');

  constructor(
    private readonly db: Database,
    private readonly repo: SourcesRepository,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<SourceRow[]> {
    return this.repo.list();
  }

  /** What a new source of each kind starts with when createSource leaves baseUrl or severityMap out. */
  kinds(): SourceKindInfo[] {
    return Object.values(SourceKind).map((kind) => ({
      kind,
      defaultBaseUrl: DEFAULT_BASE_URLS[kind] ?? null,
      defaultSeverityMap: defaultSeverityMap(kind).map((m) => ({ from: m.from, to: m.to as Severity })),
    }));
  }

  /** Enabled sources that pull on a schedule (for the sync engine's scheduler). */
  scheduled(): Promise<SourceRow[]> {
    return this.repo.scheduled();
  }

  /** A source that is not deleted; NOT_FOUND otherwise. */
  async get(id: number, sql: Sql = this.db.manager): Promise<SourceRow> {
    const row = await this.repo.byId(sql, id);
    if (!row) throw notFound('Source', id);
    return row;
  }

  /** A source by id through the request's DataLoader, deleted ones included (synced incidents name them). */
  load(loaders: RequestLoaders, id: number): Promise<SourceRow | null> {
    return loaders
      .get<number, SourceRow | null>('sourceById', async (ids) => indexBy(await this.repo.byIds(ids), (s) => s.id), null)
      .load(id);
  }

  /**
   * The address webhook URLs start with: HINDSIGHT_PUBLIC_URL, else the request's own (protocol and Host,
   * which Express takes from X-Forwarded-Proto/-Host only through the proxies of HINDSIGHT_TRUST_PROXY).
   */
  publicUrl(req: { protocol: string; host?: string } | undefined): string {
    if (this.config.publicUrl) return this.config.publicUrl;
    const host = req?.host || `${this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host}:${this.config.port}`;
    return `${req?.protocol ?? 'http'}://${host}`;
  }

  /**
   * For the sync engine and the webhook endpoint: the source's row, its vendor connection with the token
   * decrypted, and the decrypted webhook secret. NOT_FOUND for a missing or deleted source; a SecretBoxError
   * when a secret cannot be opened (no key, or another key). The secrets must never be logged.
   */
  async connection(sourceId: number): Promise<SourceRuntime> {
    const source = await this.get(sourceId);
    const sealed = (await this.repo.sealed(this.db.manager, sourceId))!;
    const token = sealed.token_sealed === null ? null : this.box.open(sealed.token_sealed);
    const webhookSecret = sealed.webhook_secret_sealed === null ? null : this.box.open(sealed.webhook_secret_sealed);
    return { source, connection: this.connectionOf(source.kind, source.base_url, token, source.since, source.settings), webhookSecret };
  }

  async create(principal: Principal, input: CreateSourceInput): Promise<SourceRow> {
    const kind = input.kind;
    const values: SourceValues = {
      name: input.name.trim(),
      baseUrl: this.baseUrl(kind, input.baseUrl),
      tokenSealed: null,
      webhookSecretSealed: null,
      teamId: Number(input.teamId),
      enabled: true,
      syncEveryMinutes: input.syncEveryMinutes ?? (kind === SourceKind.WEBHOOK ? 0 : 60),
      since: this.since(input.since),
      severityMap: input.severityMap ? this.severityMap(input.severityMap) : defaultSeverityMap(kind),
      defaultSeverity: input.defaultSeverity ?? 'SEV3',
      createMissing: input.createMissing ?? true,
      private: input.private ?? false,
      settings: this.settings(kind, input.timestampNames, {}),
    };
    const token = secretInput(input.token) ?? null;
    const webhookSecret = secretInput(input.webhookSecret) ?? null;
    this.checkSecrets(kind, token !== null, webhookSecret !== null, webhookSecret);
    values.tokenSealed = token === null ? null : this.seal(token, 'token');
    values.webhookSecretSealed = webhookSecret === null ? null : this.seal(webhookSecret, 'webhookSecret');
    return this.db.transaction(async (tx) => {
      await this.checkTeam(tx, values.teamId);
      await this.checkName(tx, values.name, null);
      const row = await this.uniqueName(values.name, () => this.repo.insert(tx, kind, values));
      await this.audit.record(tx, principal, {
        action: 'source.create',
        entityType: 'Source',
        entityId: row.id,
        changes: { kind, ...snapshot(values) },
      });
      return row;
    });
  }

  async update(principal: Principal, id: number, input: UpdateSourceInput): Promise<SourceRow> {
    return this.db.transaction(async (tx) => {
      const current = await this.repo.byId(tx, id, true);
      if (!current) throw notFound('Source', id);
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw new DomainError(
          'CONFLICT',
          `Source "${current.name}" was changed by someone else (you had version ${input.expectedVersion}, it is now ${current.version}); reload it and apply your edit again`,
          ['expectedVersion'],
        );
      }
      const kind = current.kind;
      const sealed = (await this.repo.sealed(tx, id))!;
      const before: SourceValues = {
        name: current.name,
        baseUrl: current.base_url,
        tokenSealed: sealed.token_sealed,
        webhookSecretSealed: sealed.webhook_secret_sealed,
        teamId: current.team_id,
        enabled: current.enabled,
        syncEveryMinutes: current.sync_every_minutes,
        since: current.since,
        severityMap: current.severity_map,
        defaultSeverity: current.default_severity,
        createMissing: current.create_missing,
        private: current.private,
        settings: current.settings,
      };
      const next: SourceValues = {
        ...before,
        name: input.name?.trim() ?? before.name,
        baseUrl: input.baseUrl === undefined ? before.baseUrl : this.baseUrl(kind, input.baseUrl),
        teamId: input.teamId ? Number(input.teamId) : before.teamId,
        enabled: input.enabled ?? before.enabled,
        syncEveryMinutes: input.syncEveryMinutes ?? before.syncEveryMinutes,
        since: input.since ? this.since(input.since) : before.since,
        severityMap: input.severityMap ? this.severityMap(input.severityMap) : before.severityMap,
        defaultSeverity: input.defaultSeverity ?? before.defaultSeverity,
        createMissing: input.createMissing ?? before.createMissing,
        private: input.private ?? before.private,
        settings: input.timestampNames === undefined ? before.settings : this.settings(kind, input.timestampNames, before.settings),
      };
      // secrets: omitted or null keeps the stored one, "" removes it, any other text replaces it
      const token = secretInput(input.token);
      const webhookSecret = secretInput(input.webhookSecret);
      this.checkSecrets(
        kind,
        token === undefined ? before.tokenSealed !== null : token !== null,
        webhookSecret === undefined ? before.webhookSecretSealed !== null : webhookSecret !== null,
        webhookSecret ?? null,
      );
      if (token !== undefined) next.tokenSealed = token === null ? null : this.seal(token, 'token');
      if (webhookSecret !== undefined) next.webhookSecretSealed = webhookSecret === null ? null : this.seal(webhookSecret, 'webhookSecret');
      if (next.teamId !== before.teamId) await this.checkTeam(tx, next.teamId);
      if (next.name.toLowerCase() !== before.name.toLowerCase()) await this.checkName(tx, next.name, id);
      const changes: Record<string, unknown> = diff(snapshot(before), snapshot(next));
      if (token && before.tokenSealed !== null) changes.token = 'replaced';
      if (webhookSecret && before.webhookSecretSealed !== null) changes.webhookSecret = 'replaced';
      const row = await this.uniqueName(next.name, () => this.repo.update(tx, id, next));
      await this.audit.record(tx, principal, { action: 'source.update', entityType: 'Source', entityId: id, changes });
      return row;
    });
  }

  /** Stops syncing and hides the source; its incidents are kept and still name it. */
  async delete(principal: Principal, id: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const current = await this.repo.byId(tx, id, true);
      if (!current || !(await this.repo.softDelete(tx, id))) throw notFound('Source', id);
      await this.audit.record(tx, principal, {
        action: 'source.delete',
        entityType: 'Source',
        entityId: id,
        changes: { kind: current.kind, name: current.name },
      });
      return true;
    });
  }

  /**
   * One cheap authenticated request to the vendor: for a saved source (id), with the given fields replacing the
   * stored ones, or for a source not saved yet (input with kind). A vendor's refusal is an answer (ok: false and
   * why), not an error; the token never appears in it.
   */
  async testConnection(id: number | null, input: TestSourceConnectionInput | null | undefined): Promise<{ ok: boolean; message: string }> {
    let kind: SourceKind;
    let baseUrl: string | null;
    let token: string | null;
    let since: Date;
    let settings: SourceSettings = {};
    if (id !== null) {
      const source = await this.get(id);
      if (input?.kind && input.kind !== source.kind) throw badInput(`kind: source ${id} is a ${source.kind} source`, 'kind');
      kind = source.kind;
      baseUrl = input?.baseUrl != null ? this.baseUrl(kind, input.baseUrl) : source.base_url;
      // a token typed into the edit form is tried instead of the stored one (which then need not be opened)
      token = input?.token?.trim() || (source.has_token ? await this.storedToken(id) : null);
      since = source.since;
      settings = source.settings;
    } else {
      if (!input?.kind) throw badInput('kind is required to test a source that is not saved (or give id)', 'kind');
      kind = input.kind;
      baseUrl = this.baseUrl(kind, input.baseUrl);
      token = input.token?.trim() || null;
      since = this.since(null);
    }
    if (kind === SourceKind.WEBHOOK) {
      return { ok: true, message: 'Nothing to test: a webhook source does not connect out; the vendor pushes to its webhook URL' };
    }
    if (NEEDS_TOKEN.has(kind) && !token) throw badInput(`token is required to test a ${KIND_NAMES[kind]} source`, 'token');
    const connection = this.connectionOf(kind, baseUrl, token, since, settings);
    try {
      await adapterFor(kind).testConnection(connection, AbortSignal.timeout(TEST_TIMEOUT_MS));
      return { ok: true, message: `Connected to ${KIND_NAMES[kind]} at ${baseUrl}` };
    } catch (err) {
      if (err instanceof SourceFetchError) return { ok: false, message: scrub(err.message, token) };
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return { ok: false, message: `${baseUrl} did not answer within ${TEST_TIMEOUT_MS / 1000} s` };
      }
      this.logger.warn(`connection test of a ${kind} source failed unexpectedly: ${scrub(String((err as Error)?.message ?? err), token)}`);
      return { ok: false, message: `The test failed unexpectedly; check the base URL (${baseUrl})` };
    }
  }

  private connectionOf(
    kind: SourceKind,
    baseUrl: string | null,
    token: string | null,
    since: Date,
    settings: SourceSettings,
  ): SourceConnection {
    return {
      kind,
      baseUrl: baseUrl ?? '',
      token,
      since,
      ...(kind === SourceKind.INCIDENT_IO && settings.timestampNames ? { timestampNames: settings.timestampNames } : {}),
    };
  }

  /** The stored token, a secret that cannot be opened turned into an answer the admin can act on. */
  private async storedToken(id: number): Promise<string | null> {
    const sealed = await this.repo.sealed(this.db.manager, id);
    if (!sealed?.token_sealed) return null;
    try {
      return this.box.open(sealed.token_sealed);
    } catch (err) {
      if (err instanceof SecretBoxError) throw badInput(err.message, 'token');
      throw err;
    }
  }

  private seal(secret: string, field: string): string {
    try {
      return this.box.seal(secret);
    } catch (err) {
      if (err instanceof SecretBoxError) throw badInput(err.message, field);
      throw err;
    }
  }

  /** The base URL a kind needs: WEBHOOK none, STATUSPAGE given, the vendors' APIs given or their default. */
  private baseUrl(kind: SourceKind, given: string | null | undefined): string | null {
    const url = given?.trim() ? normalUrl(given) : null;
    if (kind === SourceKind.WEBHOOK) {
      if (url) throw badInput('baseUrl: a WEBHOOK source is pushed to and has no base URL', 'baseUrl');
      return null;
    }
    if (url) return url;
    const fallback = DEFAULT_BASE_URLS[kind];
    if (!fallback) throw badInput(`baseUrl is required for a ${kind} source (the status page's address)`, 'baseUrl');
    return fallback;
  }

  /** A PAGERDUTY or INCIDENT_IO source needs its token, a WEBHOOK source its secret; a new secret is at least 16 characters. */
  private checkSecrets(kind: SourceKind, hasToken: boolean, hasWebhookSecret: boolean, newWebhookSecret: string | null): void {
    if (NEEDS_TOKEN.has(kind) && !hasToken) throw badInput(`token is required for a ${KIND_NAMES[kind]} source`, 'token');
    if (kind === SourceKind.WEBHOOK && !hasWebhookSecret) {
      throw badInput('webhookSecret is required for a WEBHOOK source (pushes are signed with it)', 'webhookSecret');
    }
    if (newWebhookSecret !== null && newWebhookSecret.length < MIN_WEBHOOK_SECRET) {
      throw badInput(`webhookSecret must be at least ${MIN_WEBHOOK_SECRET} characters`, 'webhookSecret');
    }
  }

  private since(given: Date | null | undefined): Date {
    if (!given) {
      const d = new Date();
      d.setUTCFullYear(d.getUTCFullYear() - 1);
      return d;
    }
    if (given.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('since must not be in the future', 'since');
    return given;
  }

  private severityMap(entries: Array<{ from: string; to: string }> | null | undefined): Array<{ from: string; to: string }> {
    const seen = new Set<string>();
    return (entries ?? []).map((e) => {
      const from = e.from.trim();
      if (seen.has(from.toLowerCase()))
        throw badInput(`severityMap: "${from}" is mapped twice (compared case-insensitively)`, 'severityMap');
      seen.add(from.toLowerCase());
      return { from, to: e.to };
    });
  }

  /** settings.timestampNames: only for INCIDENT_IO; null clears them (the adapter's defaults). */
  private settings(kind: SourceKind, names: TimestampNamesInput | null | undefined, current: SourceSettings): SourceSettings {
    const { timestampNames: _old, ...rest } = current;
    if (!names) return rest;
    if (kind !== SourceKind.INCIDENT_IO) throw badInput('timestampNames apply only to INCIDENT_IO sources', 'timestampNames');
    const out: TimestampNames = {};
    for (const key of TIMESTAMP_KEYS) {
      const list = [...new Set((names[key] ?? []).map((n) => n.trim()).filter(Boolean))];
      if (list.length) out[key] = list;
    }
    return Object.keys(out).length ? { ...rest, timestampNames: out } : rest;
  }

  private async checkTeam(sql: Sql, teamId: number): Promise<void> {
    const [team] = await sql.query(`SELECT id FROM team WHERE id = $1`, [teamId]);
    if (!team) throw badInput(`teamId: no team with id ${teamId}`, 'teamId');
  }

  private async checkName(sql: Sql, name: string, self: number | null): Promise<void> {
    const other = await this.repo.byName(sql, name);
    if (other && other.id !== self) throw new DomainError('CONFLICT', `A source named "${name}" already exists`, ['name']);
  }

  /** A concurrent create or rename that took the name first: the unique index answers, as CONFLICT naming name. */
  private async uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new DomainError('CONFLICT', `A source named "${name}" already exists`, ['name']);
      throw err;
    }
  }
}
