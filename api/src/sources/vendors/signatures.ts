import { createHmac, timingSafeEqual } from 'node:crypto';
import { SourceConnection, SourceIncident } from '../source-incident';
import { mapIncidentIoIncident } from './incident-io.mapping';
import { isObject, str } from './mapping-helpers';

/** incident.io (Standard Webhooks) refuses a push whose timestamp is further than this from now, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const hmac = (key: string | Buffer, data: Buffer | string) => createHmac('sha256', key).update(data).digest();

/** Constant-time comparison of a computed MAC with one the sender claims (any length, any garbage). */
function sameMac(expected: Buffer, claimed: Buffer): boolean {
  return claimed.length === expected.length && timingSafeEqual(claimed, expected);
}

const HEX = /^[0-9a-f]+$/i;

/**
 * PagerDuty v3 webhooks: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256(raw body, secret)>`; during a
 * secret rotation several, comma-separated. True when any of them matches.
 */
export function verifyPagerDutySignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const expected = hmac(secret, rawBody);
  let ok = false;
  for (const part of header.split(',')) {
    const [version, value] = part.trim().split('=', 2);
    if (version !== 'v1' || !value || !HEX.test(value)) continue;
    // no early return: every candidate is compared, so timing does not tell which one matched
    if (sameMac(expected, Buffer.from(value, 'hex'))) ok = true;
  }
  return ok;
}

/**
 * incident.io webhooks (Svix, the Standard Webhooks scheme): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${raw body}`, the key is the base64 text after `whsec_`, and
 * `webhook-signature` holds space-separated `v1,<base64 MAC>` entries (several during a rotation).
 * A timestamp more than 5 minutes from `now` either way is refused (a replay).
 */
export function verifyIncidentIoSignature(
  rawBody: Buffer,
  headers: { id?: string; timestamp?: string; signature?: string },
  secret: string,
  now: Date,
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !secret) return false;
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  if (key.length === 0) return false;
  const expected = hmac(key, Buffer.concat([Buffer.from(`${id}.${timestamp}.`), rawBody]));
  let ok = false;
  for (const entry of signature.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    if (sameMac(expected, Buffer.from(entry.slice(comma + 1), 'base64'))) ok = true;
  }
  return ok;
}

/** Hindsight's own pushes (WEBHOOK sources): `X-Hindsight-Signature: sha256=<hex HMAC-SHA256(raw body, secret)>`. */
export function verifyHindsightSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  return !!m && sameMac(hmac(secret, rawBody), Buffer.from(m[1], 'hex'));
}

/**
 * The incident a PagerDuty v3 webhook event is about (`event.data.id` for `incident.*` events whose
 * data is the incident; `event.data.incident.id` for those about a note or status update of one);
 * null for any other event (services, pings, ...).
 */
export function pagerDutyWebhookIncidentId(payload: unknown): string | null {
  if (!isObject(payload) || !isObject(payload.event)) return null;
  const { event_type: type, data } = payload.event;
  if (typeof type !== 'string' || !type.startsWith('incident.') || !isObject(data)) return null;
  if (data.type === 'incident' || data.type === 'incident_reference') return str(data.id) || null;
  return (isObject(data.incident) && str(data.incident.id)) || null;
}

/**
 * The incident carried by an incident.io webhook (`public_incident.incident_created_v2`,
 * `public_incident.incident_updated_v2`: `{ event_type, [event_type]: <the incident> }`;
 * `public_incident.incident_status_updated_v2`: `{ event_type, [event_type]: { incident, ... } }`), mapped
 * as the pull maps it. `skipped`: an incident deliberately not applied (test or tutorial mode,
 * declined or merged). `incident: null, skipped: false`: an event that carries no incident (private
 * incidents' events carry only an id; other events are about follow-ups, actions, ...).
 * Throws an Error naming the problem when the incident is there but cannot be read.
 */
export function incidentIoWebhookIncident(payload: unknown, conn: SourceConnection): { incident: SourceIncident | null; skipped: boolean } {
  if (!isObject(payload)) return { incident: null, skipped: false };
  const type = str(payload.event_type);
  if (!type || !type.startsWith('public_incident.incident_')) return { incident: null, skipped: false };
  const body = payload[type];
  if (!isObject(body)) return { incident: null, skipped: false };
  // created/updated carry the incident itself; status_updated wraps it: { incident, new_status, previous_status }
  const r = mapIncidentIoIncident(isObject(body.incident) ? body.incident : body, conn);
  return r.skipped ? { incident: null, skipped: true } : { incident: r.incident, skipped: false };
}
