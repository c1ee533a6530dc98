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
