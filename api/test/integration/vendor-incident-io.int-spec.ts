import { adapterFor } from '../../src/sources/vendors';
import { PullPage, SourceConnection, SourceFetchError } from '../../src/sources/source-incident';
import { recordRetryWaits } from '../support/standins/fast-retries';
import {
  generateIncidentIoIncidents,
  IncidentIoStandin,
  incidentIoIncident,
  timestampValue,
} from '../support/standins/incident-io.standin';

const TOKEN = 'inc_io_SecretKey_0987654321';
const io = adapterFor('INCIDENT_IO');

async function pullAll(conn: SourceConnection, mark: string | null = null, stopAfter = Infinity) {
  const pages: PullPage[] = [];
  for await (const page of io.pull(conn, mark)) {
    pages.push(page);
    if (pages.length >= stopAfter) break;
  }
  return { pages, incidents: pages.flatMap((p) => p.incidents), lastMark: pages[pages.length - 1]?.mark ?? null };
}

describe('incident.io adapter against an incident.io stand-in (real HTTP)', () => {
  const retries = recordRetryWaits();
  afterAll(() => retries.restore());

  describe('cursor pagination and modes', () => {
    const generated = generateIncidentIoIncidents(620, 3);
    const real = generated.filter((i) => i.mode === 'standard');
    const notReal = generated.length - real.length;
    let standin: IncidentIoStandin;
    let conn: SourceConnection;
    beforeAll(async () => {
      standin = await IncidentIoStandin.start(TOKEN, generated);
      conn = { kind: 'INCIDENT_IO', baseUrl: `${standin.url}/`, token: TOKEN, since: new Date('2020-01-01T00:00:00Z') };
    });
    afterAll(() => standin.close());

    it('walks every page of 250 by `after`, yielding each real incident once and counting test and tutorial ones as skipped', async () => {
      standin.requests.splice(0);
      const { pages, incidents } = await pullAll(conn);
      expect(pages.map((p) => p.incidents.length + p.skipped)).toEqual([250, 250, 120]);
      expect(pages.reduce((n, p) => n + p.skipped, 0)).toBe(notReal);
      expect(notReal).toBeGreaterThan(0);
      expect(incidents.map((i) => i.externalId).sort()).toEqual(real.map((i) => i.id).sort());
      expect(standin.requests.map((r) => [r.query.get('page_size'), r.query.get('after')])).toEqual([
        ['250', null],
        ['250', generated[249].id],
        ['250', generated[499].id],
      ]);
      expect(standin.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    });

    it('a run resumed from the mark of a committed page reads only the pages after it', async () => {
      const first = await pullAll(conn, null, 1);
      standin.requests.splice(0);
      const rest = await pullAll(conn, first.lastMark);
      expect(standin.requests.map((r) => r.query.get('after'))).toEqual([generated[249].id, generated[499].id]);
      const ids = [...first.incidents, ...rest.incidents].map((i) => i.externalId);
      expect(new Set(ids).size).toBe(real.length);
      expect(ids.length).toBe(real.length);
    });

    it('after a finished walk, the next run walks everything again (the list has no updated-since filter)', async () => {
      const done = await pullAll(conn);
      standin.requests.splice(0);
      const again = await pullAll(conn, done.lastMark);
      expect(again.incidents.length).toBe(real.length);
      expect(standin.requests[0].query.get('after')).toBeNull();
    });

    it('429 with Retry-After, then the page', async () => {
      retries.waits.splice(0);
      standin.inject({ status: 429, times: 1, retryAfter: '12' });
      expect((await pullAll(conn)).incidents.length).toBe(real.length);
      expect(retries.waits).toEqual([12_000]);
    });

    it('a wrong token: AUTH without the token; no token at all: AUTH before any request', async () => {
      const wrong = 'inc_io_WrongKey_1111';
      const e = (await pullAll({ ...conn, token: wrong }).catch((x) => x)) as SourceFetchError;
      expect(e).toBeInstanceOf(SourceFetchError);
      expect(e.problem).toBe('AUTH');
      expect(e.message).not.toContain(wrong);
      const none = (await io.testConnection({ ...conn, token: null }).catch((x) => x)) as SourceFetchError;
      expect(none.problem).toBe('AUTH');
      await expect(io.testConnection(conn)).resolves.toBeUndefined();
    });
  });

  describe('timestamps', () => {
    const at = (hm: string) => `2026-02-10T${hm}:00.000Z`;
    const incidents = [
      incidentIoIncident(1, {
        name: 'Payments degraded',
        created_at: at('10:10'),
        severity: { id: 's', name: 'Critical', rank: 3 },
        incident_timestamp_values: [
          timestampValue('Impact started', at('09:40')),
          timestampValue('Reported at', at('10:10')),
          timestampValue('Accepted at', at('10:12')),
          timestampValue('Stabilised at', at('10:50')),
          timestampValue('Resolved at', at('11:30')),
          timestampValue('Closed at', at('12:00')),
        ],
        custom_field_entries: [
          {
            custom_field: { id: 'cf1', name: 'Affected services', field_type: 'multi_select' },
            values: [{ value_catalog_entry: { id: 'c1', name: 'Payments API' } }, { value_option: { id: 'o1', value: 'Ledger' } }],
          },
          { custom_field: { id: 'cf2', name: 'Customer impact', field_type: 'text' }, values: [{ value_text: 'high' }] },
        ],
      }),
      // no impact start: started falls back to reported; an unset value (no `value`) is ignored
      incidentIoIncident(2, {
        created_at: at('13:05'),
        incident_timestamp_values: [
          timestampValue('Impact started', null),
          timestampValue('Reported', at('13:00')),
          timestampValue('Closed at', at('14:00')),
        ],
      }),
      // neither: started and detected fall back to created_at
      incidentIoIncident(3, { created_at: at('15:00'), incident_timestamp_values: [] }),
      incidentIoIncident(4, {
        mode: 'retrospective',
        created_at: at('16:00'),
        incident_timestamp_values: [timestampValue('First noticed', at('15:30'))],
      }),
      incidentIoIncident(5, { incident_status: { id: 'x', name: 'Declined', category: 'declined' } }),
      incidentIoIncident(6, { incident_timestamp_values: [timestampValue('Reported at', 'soon')] }),
    ];
    let standin: IncidentIoStandin;
    let conn: SourceConnection;
    beforeAll(async () => {
      standin = await IncidentIoStandin.start(TOKEN, incidents);
      conn = { kind: 'INCIDENT_IO', baseUrl: standin.url, token: TOKEN, since: new Date('2026-01-01T00:00:00Z') };
    });
    afterAll(() => standin.close());

    it('maps impact start, reported, accepted, stabilised and resolved; falls back to reported, then created_at', async () => {
      const { pages, incidents: got } = await pullAll(conn);
      const byId = Object.fromEntries(got.map((i) => [i.externalId, i]));
      expect(byId[incidents[0].id]).toEqual({
        externalId: incidents[0].id,
        externalUrl: 'https://app.incident.io/acme/incidents/1',
        title: 'Payments degraded',
        startedAt: at('09:40'),
        detectedAt: at('10:10'),
        acknowledgedAt: at('10:12'),
        mitigatedAt: at('10:50'),
        resolvedAt: at('11:30'),
        severityKey: 'Critical',
        services: ['Payments API', 'Ledger'],
        teamName: null,
        detectionSource: null,
      });
      expect(byId[incidents[1].id]).toMatchObject({
        startedAt: at('13:00'),
        detectedAt: at('13:00'),
        acknowledgedAt: null,
        resolvedAt: at('14:00'),
      });
      expect(byId[incidents[2].id]).toMatchObject({ startedAt: at('15:00'), detectedAt: at('15:00'), resolvedAt: null, services: [] });
      // retrospective incidents are real ones; recorded after the fact, their created_at is not a detection time
      expect(byId[incidents[3].id]).toMatchObject({ startedAt: at('16:00'), detectedAt: null });
      expect(pages[0].skipped).toBe(1); // declined
      expect(pages[0].errors).toEqual([{ externalId: incidents[5].id, message: 'timestamp "reported at" "soon" is not a date-time' }]);
    });

    it('timestamp names set on the source win over the defaults (compared case-insensitively)', async () => {
      const { incidents: got } = await pullAll({ ...conn, timestampNames: { started: ['FIRST NOTICED'], resolved: ['closed at'] } });
      const byId = Object.fromEntries(got.map((i) => [i.externalId, i]));
      expect(byId[incidents[3].id].startedAt).toBe(at('15:30'));
      expect(byId[incidents[0].id].resolvedAt).toBe(at('12:00'));
      // with `started` renamed, incident 1's "Impact started" no longer counts: reported is the start
      expect(byId[incidents[0].id].startedAt).toBe(at('10:10'));
    });
  });
});
