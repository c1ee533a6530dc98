import { createHmac, randomBytes } from 'node:crypto';
import { SourceConnection } from '../source-incident';
import {
  incidentIoWebhookIncident,
  pagerDutyWebhookIncidentId,
  verifyHindsightSignature,
  verifyIncidentIoSignature,
  verifyPagerDutySignature,
} from './signatures';

const hex = (key: string, body: Buffer) => createHmac('sha256', key).update(body).digest('hex');

describe('verifyPagerDutySignature', () => {
  const secret = 'pd-webhook-secret-1';
  const body = Buffer.from('{"event":{"event_type":"incident.triggered"}}');

  it('accepts v1=<hex HMAC-SHA256 of the raw body>', () => {
    expect(verifyPagerDutySignature(body, `v1=${hex(secret, body)}`, secret)).toBe(true);
  });

  it('accepts any of several signatures (secret rotation), with or without spaces', () => {
    const header = `v1=${hex('old-secret', body)}, v1=${hex(secret, body)}`;
    expect(verifyPagerDutySignature(body, header, secret)).toBe(true);
    expect(verifyPagerDutySignature(body, header, 'old-secret')).toBe(true);
    expect(verifyPagerDutySignature(body, header, 'third')).toBe(false);
  });

  it('refuses a changed body, a wrong secret, another version, garbage and a missing header', () => {
    const good = `v1=${hex(secret, body)}`;
    expect(verifyPagerDutySignature(Buffer.from(`${body} `), good, secret)).toBe(false);
    expect(verifyPagerDutySignature(body, good, 'other')).toBe(false);
    expect(verifyPagerDutySignature(body, `v2=${hex(secret, body)}`, secret)).toBe(false);
    expect(verifyPagerDutySignature(body, 'v1=zz', secret)).toBe(false);
    expect(verifyPagerDutySignature(body, `v1=${hex(secret, body).slice(0, 62)}`, secret)).toBe(false);
    expect(verifyPagerDutySignature(body, '', secret)).toBe(false);
    expect(verifyPagerDutySignature(body, undefined, secret)).toBe(false);
    expect(verifyPagerDutySignature(body, good, '')).toBe(false);
  });
});

describe('verifyIncidentIoSignature (Standard Webhooks)', () => {
  // the published Standard Webhooks / Svix test vector
  const vector = {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    timestamp: '1614265330',
    body: Buffer.from('{"test": 2432232314}'),
    signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };
  const at = (unix: number) => new Date(unix * 1000);

  it('accepts the published test vector', () => {
    const { secret, id, timestamp, body, signature } = vector;
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, secret, at(1614265330))).toBe(true);
  });

  it('accepts one of several space-separated signatures', () => {
    const { secret, id, timestamp, body, signature } = vector;
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature: `v1,bm9wZQ== ${signature}` }, secret, at(1614265330))).toBe(true);
  });

  it('signs `${id}.${timestamp}.${body}` with the base64-decoded key after whsec_', () => {
    const key = randomBytes(24);
    const secret = `whsec_${key.toString('base64')}`;
    const body = Buffer.from('{"event_type":"public_incident.incident_updated_v2"}');
    const now = 1_800_000_000;
    const mac = createHmac('sha256', key).update(`evt_1.${now}.${body.toString()}`).digest('base64');
    expect(verifyIncidentIoSignature(body, { id: 'evt_1', timestamp: String(now), signature: `v1,${mac}` }, secret, at(now))).toBe(true);
    // another id, another body, the key used as text instead of decoded: all refused
    expect(verifyIncidentIoSignature(body, { id: 'evt_2', timestamp: String(now), signature: `v1,${mac}` }, secret, at(now))).toBe(false);
    expect(
      verifyIncidentIoSignature(Buffer.from('{}'), { id: 'evt_1', timestamp: String(now), signature: `v1,${mac}` }, secret, at(now)),
    ).toBe(false);
    const textKey = createHmac('sha256', secret).update(`evt_1.${now}.${body.toString()}`).digest('base64');
    expect(verifyIncidentIoSignature(body, { id: 'evt_1', timestamp: String(now), signature: `v1,${textKey}` }, secret, at(now))).toBe(
      false,
    );
  });

  it('refuses a timestamp more than 5 minutes old or ahead (a replay), and accepts one just inside', () => {
    const { secret, id, timestamp, body, signature } = vector;
    const t = Number(timestamp);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, secret, at(t + 300))).toBe(true);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, secret, at(t + 301))).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, secret, at(t - 300))).toBe(true);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, secret, at(t - 301))).toBe(false);
  });

  it('refuses missing headers, another version, a malformed timestamp and a wrong secret', () => {
    const { secret, id, timestamp, body, signature } = vector;
    const now = at(Number(timestamp));
    expect(verifyIncidentIoSignature(body, { timestamp, signature }, secret, now)).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, signature }, secret, now)).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, timestamp }, secret, now)).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature: signature.replace('v1,', 'v1a,') }, secret, now)).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, timestamp: `${timestamp}.5`, signature }, secret, now)).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, 'whsec_b3RoZXI=', now)).toBe(false);
    expect(verifyIncidentIoSignature(body, { id, timestamp, signature }, '', now)).toBe(false);
  });
});

describe('verifyHindsightSignature', () => {
  const secret = 'hs-secret';
  const body = Buffer.from('[{"title":"x"}]');
  it('accepts sha256=<hex HMAC-SHA256 of the raw body>, any hex case', () => {
    expect(verifyHindsightSignature(body, `sha256=${hex(secret, body)}`, secret)).toBe(true);
    expect(verifyHindsightSignature(body, `sha256=${hex(secret, body).toUpperCase()}`, secret)).toBe(true);
  });
  it('refuses anything else', () => {
    expect(verifyHindsightSignature(body, `sha256=${hex('other', body)}`, secret)).toBe(false);
    expect(verifyHindsightSignature(Buffer.from('[]'), `sha256=${hex(secret, body)}`, secret)).toBe(false);
    expect(verifyHindsightSignature(body, hex(secret, body), secret)).toBe(false);
    expect(verifyHindsightSignature(body, `sha1=${hex(secret, body)}`, secret)).toBe(false);
    expect(verifyHindsightSignature(body, undefined, secret)).toBe(false);
    expect(verifyHindsightSignature(body, `sha256=${hex('', body)}`, '')).toBe(false);
  });
});

describe('pagerDutyWebhookIncidentId (V3 webhooks)', () => {
  const event = (event_type: string, data: unknown) => ({
    event: { id: '01BZ', event_type, resource_type: 'incident', occurred_at: '2026-01-01T00:00:00Z', agent: null, client: null, data },
  });
  it('names the incident of incident.* events', () => {
    const data = { id: 'PGR0VU2', type: 'incident', self: 'https://api.pagerduty.com/incidents/PGR0VU2', number: 2, status: 'triggered' };
    for (const t of ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.priority_updated'])
      expect(pagerDutyWebhookIncidentId(event(t, data))).toBe('PGR0VU2');
    expect(
      pagerDutyWebhookIncidentId(
        event('incident.annotated', {
          id: 'PN1',
          type: 'incident_note',
          content: 'x',
          incident: { id: 'PGR0VU2', type: 'incident_reference' },
        }),
      ),
    ).toBe('PGR0VU2');
  });
  it('null for other events and shapes', () => {
    expect(pagerDutyWebhookIncidentId(event('service.updated', { id: 'PSVC', type: 'service' }))).toBeNull();
    expect(pagerDutyWebhookIncidentId(event('pagey.ping', null))).toBeNull();
    expect(pagerDutyWebhookIncidentId({ messages: [] })).toBeNull();
    expect(pagerDutyWebhookIncidentId(null)).toBeNull();
    expect(pagerDutyWebhookIncidentId('incident.triggered')).toBeNull();
  });
});

describe('incidentIoWebhookIncident', () => {
  const conn: SourceConnection = { kind: 'INCIDENT_IO', baseUrl: 'https://api.incident.io', token: null, since: new Date(0) };
  const incident = (over: Record<string, unknown> = {}) => ({
    id: '01FDAG4SAP5TYPT98WGR2N7W91',
    name: 'Our database is sad',
    reference: 'INC-123',
    permalink: 'https://app.incident.io/incidents/123',
    mode: 'standard',
    visibility: 'public',
    created_at: '2026-03-01T10:05:00Z',
    severity: { id: 'S1', name: 'Major', rank: 2 },
    incident_status: { id: 'ST', name: 'Resolved', category: 'closed' },
    incident_timestamp_values: [
      { incident_timestamp: { id: 'a', name: 'Impact started', rank: 1 }, value: { value: '2026-03-01T09:50:00Z' } },
      { incident_timestamp: { id: 'b', name: 'Reported at', rank: 2 }, value: { value: '2026-03-01T10:05:00Z' } },
      { incident_timestamp: { id: 'c', name: 'Accepted at', rank: 3 }, value: { value: '2026-03-01T10:07:00Z' } },
      { incident_timestamp: { id: 'd', name: 'Stabilised at', rank: 4 }, value: { value: '2026-03-01T10:40:00Z' } },
      { incident_timestamp: { id: 'e', name: 'Resolved at', rank: 5 }, value: { value: '2026-03-01T11:00:00Z' } },
    ],
    custom_field_entries: [
      {
        custom_field: { id: 'cf', name: 'Affected services', field_type: 'multi_select' },
        values: [{ value_catalog_entry: { id: 'x', name: 'Checkout' } }],
      },
    ],
    ...over,
  });

  it('maps the incident of created and updated events as the pull does', () => {
    for (const t of ['public_incident.incident_created_v2', 'public_incident.incident_updated_v2']) {
      expect(incidentIoWebhookIncident({ event_type: t, [t]: incident() }, conn)).toEqual({
        skipped: false,
        incident: {
          externalId: '01FDAG4SAP5TYPT98WGR2N7W91',
          externalUrl: 'https://app.incident.io/incidents/123',
          title: 'Our database is sad',
          startedAt: '2026-03-01T09:50:00.000Z',
          detectedAt: '2026-03-01T10:05:00.000Z',
          acknowledgedAt: '2026-03-01T10:07:00.000Z',
          mitigatedAt: '2026-03-01T10:40:00.000Z',
          resolvedAt: '2026-03-01T11:00:00.000Z',
          severityKey: 'Major',
          services: ['Checkout'],
          teamName: null,
          detectionSource: null,
        },
      });
    }
  });

  it('reads the incident wrapped by status_updated events', () => {
    const t = 'public_incident.incident_status_updated_v2';
    const r = incidentIoWebhookIncident({ event_type: t, [t]: { incident: incident(), new_status: {}, previous_status: {} } }, conn);
    expect(r.incident?.externalId).toBe('01FDAG4SAP5TYPT98WGR2N7W91');
  });

  it('test and tutorial incidents are skipped', () => {
    const t = 'public_incident.incident_created_v2';
    expect(incidentIoWebhookIncident({ event_type: t, [t]: incident({ mode: 'test' }) }, conn)).toEqual({ incident: null, skipped: true });
    expect(incidentIoWebhookIncident({ event_type: t, [t]: incident({ mode: 'tutorial' }) }, conn)).toEqual({
      incident: null,
      skipped: true,
    });
  });

  it('private incidents (id only) and other events carry no incident', () => {
    const p = 'private_incident.incident_created_v2';
    expect(incidentIoWebhookIncident({ event_type: p, [p]: { id: '01ABC' } }, conn)).toEqual({ incident: null, skipped: false });
    const f = 'public_incident.follow_up_created_v1';
    expect(incidentIoWebhookIncident({ event_type: f, [f]: { id: 'F1' } }, conn)).toEqual({ incident: null, skipped: false });
    expect(incidentIoWebhookIncident([], conn)).toEqual({ incident: null, skipped: false });
  });

  it('an unreadable incident throws naming the problem', () => {
    const t = 'public_incident.incident_updated_v2';
    expect(() =>
      incidentIoWebhookIncident({ event_type: t, [t]: incident({ created_at: 'yesterday', incident_timestamp_values: [] }) }, conn),
    ).toThrow(/created_at "yesterday" is not a date-time/);
  });
});
