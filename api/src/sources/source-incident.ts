/**
 * The contract between a vendor adapter (vendors/*) and the sync engine: what an adapter reads
 * from a vendor, before Hindsight's own mapping (severity map, owning team, created services).
 * Adapters know HTTP and the vendor's rules; the engine knows the database. Neither reaches into
 * the other.
 */

export type SourceKind = 'PAGERDUTY' | 'INCIDENT_IO' | 'STATUSPAGE' | 'WEBHOOK';

/** One incident as the vendor reports it. Instants are ISO-8601 UTC text; null where the vendor has none. */
export interface SourceIncident {
  externalId: string;
  /** Link to the incident in the vendor's app (html_url, permalink, shortlink). */
  externalUrl: string | null;
  title: string;
  startedAt: string;
  detectedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  /** The vendor's priority / urgency / severity / impact text, mapped through the source's severity map. */
  severityKey: string | null;
  /** Affected service names (may be empty: the engine then uses the source's name). */
  services: string[];
  /** The vendor's team name; used when it names a Hindsight team, else the source's team owns it. */
  teamName: string | null;
  /** MONITORING, CUSTOMER, ... (Hindsight's DetectionSource enum names) or null. */
  detectionSource: string | null;
}

/** What an adapter needs to talk to the vendor. */
export interface SourceConnection {
  kind: SourceKind;
  baseUrl: string;
  /** Decrypted token; never logged, never put in an error message. */
  token: string | null;
  /** Oldest incident the first sync reaches. */
  since: Date;
  /** incident.io: which timestamp names mean what (lower-case compare); defaults in the adapter. */
  timestampNames?: Partial<Record<'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved', string[]>>;
}

/** One page of a pull: the engine applies `incidents` in one transaction, then stores `mark`. */
export interface PullPage {
  incidents: SourceIncident[];
  /** Incidents read but deliberately not applied (incident.io test/tutorial mode, ...). */
  skipped: number;
  /** Incidents the vendor sent that could not be read (missing id, bad timestamp): reported, not applied. */
  errors: Array<{ externalId: string | null; message: string }>;
  /**
   * Opaque progress mark, stored with the committed batch; the next call of `pull` (a resumed run
   * or the next scheduled run) starts from it. Null: start from `since`.
   */
  mark: string | null;
}

export interface SourceAdapter {
  /** Reads every incident changed or created since `mark` (or since `connection.since` when null), page by page. */
  pull(connection: SourceConnection, mark: string | null, signal?: AbortSignal): AsyncIterable<PullPage>;
  /** One cheap authenticated request; throws SourceFetchError naming the problem. */
  testConnection(connection: SourceConnection, signal?: AbortSignal): Promise<void>;
  /** PagerDuty webhooks name an incident: read it (with its log entries). Null when it does not exist. */
  fetchOne?(connection: SourceConnection, externalId: string, signal?: AbortSignal): Promise<SourceIncident | null>;
}

export type SourceFetchProblem = 'AUTH' | 'UNREACHABLE' | 'HTTP' | 'PAYLOAD' | 'ABORTED';

/** A pull that cannot go on. The message says which (wrong token, host unreachable, ...) and never holds the token. */
export class SourceFetchError extends Error {
  constructor(
    readonly problem: SourceFetchProblem,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceFetchError';
  }
}

/**
 * The fields a source provides, by the names used in `incident.overridden_fields` (an edit in
 * Hindsight adds the name; a sync then leaves that field alone) and as the keys of
 * `incident.source_values` (the source's last values, after mapping: instants as ISO text,
 * severity as SEV1..SEV4, services as Hindsight service ids, so a reset writes them back as-is).
 */
export const SOURCE_FIELDS = [
  'title',
  'startedAt',
  'detectedAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
  'severity',
  'services',
  'detectionSource',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export interface SourceValues {
  title: string;
  startedAt: string;
  detectedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  severity: string;
  services: number[];
  detectionSource: string | null;
}
