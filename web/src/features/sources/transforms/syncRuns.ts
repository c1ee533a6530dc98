import { formatCount } from '../../../charts/formatters';
import type { SourceKind } from './sourceForm';

export type SyncStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export type SyncTrigger = 'SCHEDULE' | 'MANUAL' | 'WEBHOOK';

/** A sync run as the API returns it (the parts shown). */
export interface RunLike {
  status: SyncStatus;
  trigger?: SyncTrigger;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errorCount?: number | null;
  errors: readonly { externalId?: string | null; message: string }[];
}

export const isRunActive = (status: string | null | undefined): boolean => status === 'QUEUED' || status === 'RUNNING';

export const statusLabels: Record<SyncStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
};

export const triggerLabels: Record<SyncTrigger, string> = {
  SCHEDULE: 'Schedule',
  MANUAL: 'Sync now',
  WEBHOOK: 'Webhook',
};

/** Errors of a run: the count from `errorCount` (the answer may list only the first ones). */
export const runErrorCount = (run: RunLike): number => run.errorCount ?? run.errors.length;

/** The counts in the order a reader follows a sync: read, then what became of each. */
export function runCounts(run: RunLike): { label: string; value: number }[] {
  return [
    { label: 'fetched', value: run.fetched },
    { label: 'created', value: run.created },
    { label: 'updated', value: run.updated },
    { label: 'unchanged', value: run.unchanged },
    { label: 'skipped', value: run.skipped },
    { label: runErrorCount(run) === 1 ? 'error' : 'errors', value: runErrorCount(run) },
  ];
}

/** "120 fetched · 118 created · 0 updated · 2 unchanged · 0 skipped · 0 errors" */
export function runCountsText(run: RunLike): string {
  return runCounts(run)
    .map((c) => `${formatCount(c.value)} ${c.label}`)
    .join(' · ');
}

/** One line for a run in progress or done: what a user watching "Sync now" reads. */
export function runProgressText(run: RunLike): string {
  if (run.status === 'QUEUED') return 'Queued — waiting for a worker…';
  if (run.status === 'RUNNING') return `Running — ${runCountsText(run)} so far`;
  if (run.status === 'FAILED') {
    // Shown next to a "Failed" badge: say why, not "failed" again.
    const reason = run.errors.find((e) => !e.externalId)?.message;
    return reason ? reason.charAt(0).toUpperCase() + reason.slice(1) : `Stopped — ${runCountsText(run)}`;
  }
  return `Done — ${runCountsText(run)}`;
}

/** "every 60 min", "every 2 h", "on demand". */
export function scheduleLabel(kind: SourceKind, minutes: number): string {
  if (kind === 'WEBHOOK') return 'pushed to its webhook';
  if (!minutes) return 'on demand';
  if (minutes >= 120 && minutes % 60 === 0) return `every ${minutes / 60} h`;
  return `every ${minutes} min`;
}

/** Where to paste the webhook URL in the vendor's settings; null when the kind takes no pushes. */
export function webhookHint(kind: SourceKind): string | null {
  switch (kind) {
    case 'PAGERDUTY':
      return 'In PagerDuty: Integrations → Generic Webhooks (v3) → New Webhook, events incident.*; put its signing secret under Webhook secret.';
    case 'INCIDENT_IO':
      return 'In incident.io: Settings → Webhooks → Add endpoint, incident events; put its signing secret under Webhook secret.';
    case 'WEBHOOK':
      return 'POST incidents in Hindsight’s JSON import format here, signed with X-Hindsight-Signature: sha256=<HMAC-SHA256 of the body with the webhook secret>.';
    default:
      return null;
  }
}
