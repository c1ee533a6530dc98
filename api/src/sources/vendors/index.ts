import { SourceAdapter, SourceKind } from '../source-incident';
import { incidentIoAdapter } from './incident-io.adapter';
import { pagerDutyAdapter } from './pagerduty.adapter';
import { statuspageAdapter } from './statuspage.adapter';
import { webhookAdapter } from './webhook.adapter';

export {
  incidentIoWebhookIncident,
  pagerDutyWebhookIncidentId,
  verifyHindsightSignature,
  verifyIncidentIoSignature,
  verifyPagerDutySignature,
} from './signatures';

const ADAPTERS: Record<SourceKind, SourceAdapter> = {
  PAGERDUTY: pagerDutyAdapter,
  INCIDENT_IO: incidentIoAdapter,
  STATUSPAGE: statuspageAdapter,
  WEBHOOK: webhookAdapter,
};

/** The adapter that reads a source of this kind (stateless; one per kind). */
export function adapterFor(kind: SourceKind): SourceAdapter {
  const adapter = ADAPTERS[kind];
  if (!adapter) throw new Error(`no adapter for source kind ${String(kind)}`);
  return adapter;
}

/**
 * A sensible severity map for a new source of this kind (the vendor's usual values; compared
 * case-insensitively). Admins change it per source; anything unmapped gets the default severity.
 */
export function defaultSeverityMap(kind: SourceKind): Array<{ from: string; to: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' }> {
  switch (kind) {
    case 'PAGERDUTY': // priorities P1..P5 where the account uses them, else urgency
      return [
        { from: 'P1', to: 'SEV1' },
        { from: 'P2', to: 'SEV2' },
        { from: 'P3', to: 'SEV3' },
        { from: 'P4', to: 'SEV4' },
        { from: 'P5', to: 'SEV4' },
        { from: 'high', to: 'SEV2' },
        { from: 'low', to: 'SEV4' },
      ];
    case 'INCIDENT_IO': // incident.io's default severities
      return [
        { from: 'Critical', to: 'SEV1' },
        { from: 'Major', to: 'SEV2' },
        { from: 'Minor', to: 'SEV3' },
      ];
    case 'STATUSPAGE': // the impact, as the STATUSPAGE import maps it
      return [
        { from: 'critical', to: 'SEV1' },
        { from: 'major', to: 'SEV2' },
        { from: 'minor', to: 'SEV3' },
        { from: 'none', to: 'SEV4' },
      ];
    default:
      return [];
  }
}
