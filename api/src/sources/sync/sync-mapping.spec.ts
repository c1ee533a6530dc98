import { SourceIncident, SourceValues } from '../source-incident';
import { changedFields, mapSourceIncident, merged, phaseProblem } from './sync-mapping';

const RULES = {
  name: 'PagerDuty prod',
  severityMap: [
    { from: 'P1', to: 'SEV1' },
    { from: 'High', to: 'SEV2' },
  ],
  defaultSeverity: 'SEV4',
};
const NOW = Date.parse('2026-06-01T00:00:00Z');

const vendor = (over: Partial<SourceIncident> = {}): SourceIncident => ({
  externalId: 'PABC123',
  externalUrl: 'https://acme.pagerduty.com/incidents/PABC123',
  title: 'Checkout errors',
  startedAt: '2026-03-01T10:00:00Z',
  detectedAt: '2026-03-01T10:00:00Z',
  acknowledgedAt: '2026-03-01T10:05:30.250Z',
  mitigatedAt: null,
  resolvedAt: '2026-03-01T11:00:00Z',
  severityKey: 'P1',
  services: ['Checkout'],
  teamName: 'Payments',
  detectionSource: 'MONITORING',
  ...over,
});

describe('mapSourceIncident', () => {
  it('maps severity through the map (case-insensitively), else a severity name, else the default', () => {
    expect(mapSourceIncident(vendor({ severityKey: 'p1' }), RULES, NOW).incident!.severity).toBe('SEV1');
    expect(mapSourceIncident(vendor({ severityKey: 'HIGH' }), RULES, NOW).incident!.severity).toBe('SEV2');
    expect(mapSourceIncident(vendor({ severityKey: 'sev3' }), RULES, NOW).incident!.severity).toBe('SEV3');
    expect(mapSourceIncident(vendor({ severityKey: 'low' }), RULES, NOW).incident!.severity).toBe('SEV4');
    expect(mapSourceIncident(vendor({ severityKey: null }), RULES, NOW).incident!.severity).toBe('SEV4');
  });

  it('keeps instants at microsecond precision as canonical UTC text', () => {
    const m = mapSourceIncident(vendor({ acknowledgedAt: '2026-03-01T11:05:30.250123+01:00' }), RULES, NOW).incident!;
    expect(m.phases).toEqual({
      startedAt: '2026-03-01T10:00:00.000000Z',
      detectedAt: '2026-03-01T10:00:00.000000Z',
      acknowledgedAt: '2026-03-01T10:05:30.250123Z',
      mitigatedAt: null,
      resolvedAt: '2026-03-01T11:00:00.000000Z',
    });
  });

  it('names the service after the source when the vendor names none, and dedupes names case-insensitively', () => {
    expect(mapSourceIncident(vendor({ services: [] }), RULES, NOW).incident!.services).toEqual(['PagerDuty prod']);
    expect(mapSourceIncident(vendor({ services: ['API', 'api ', ' Web'] }), RULES, NOW).incident!.services).toEqual(['API', 'Web']);
  });

  it('shortens a long title, drops a link that is not http(s), reads CUSTOMER as CUSTOMER_REPORT', () => {
    const m = mapSourceIncident(
      vendor({ title: 'x'.repeat(700), externalUrl: 'javascript:alert(1)', detectionSource: 'customer' }),
      RULES,
      NOW,
    ).incident!;
    expect(m.title).toHaveLength(500);
    expect(m.title.endsWith('…')).toBe(true);
    expect(m.externalUrl).toBeNull();
    expect(m.detectionSource).toBe('CUSTOMER_REPORT');
  });

  it('refuses what cannot be stored, naming the field', () => {
    expect(mapSourceIncident(vendor({ externalId: ' ' }), RULES, NOW).error).toBe('the incident has no id');
    expect(mapSourceIncident(vendor({ title: '  ' }), RULES, NOW).error).toBe('it has no title');
    expect(mapSourceIncident(vendor({ startedAt: '2026-03-01 10:00' }), RULES, NOW).error).toMatch(/startedAt .* not an ISO 8601/);
    expect(mapSourceIncident(vendor({ resolvedAt: '2026-03-01T09:00:00Z' }), RULES, NOW).error).toMatch(
      /resolvedAt \(2026-03-01T09:00:00.000000Z\) is before its acknowledgedAt/,
    );
    expect(mapSourceIncident(vendor({ title: 'a\u0000b' }), RULES, NOW).error).toMatch(/title must not contain NUL/);
    expect(mapSourceIncident(vendor({ resolvedAt: '2026-06-05T00:00:00Z' }), RULES, NOW).error).toMatch(/more than a day in the future/);
  });
});

describe('merging with edits made in Hindsight', () => {
  const values = (over: Partial<SourceValues> = {}): SourceValues => ({
    title: 'Checkout errors',
    startedAt: '2026-03-01T10:00:00.000000Z',
    detectedAt: '2026-03-01T10:00:00.000000Z',
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: '2026-03-01T11:00:00.000000Z',
    severity: 'SEV1',
    services: [3, 1],
    detectionSource: 'MONITORING',
    ...over,
  });

  it('keeps the edited fields and takes the source’s others', () => {
    const fromSource = values({ title: 'Checkout down', startedAt: '2026-03-01T10:01:00.000000Z' });
    const current = values({ startedAt: '2026-03-01T09:30:00.000000Z' });
    const next = merged(fromSource, current, ['startedAt']);
    expect(next.startedAt).toBe('2026-03-01T09:30:00.000000Z');
    expect(next.title).toBe('Checkout down');
    expect(changedFields(current, next)).toEqual(['title']);
  });

  it('compares services as a set', () => {
    expect(changedFields(values({ services: [1, 3] }), values({ services: [3, 1] }))).toEqual([]);
  });

  it('finds an order the edits break', () => {
    const next = merged(values({ detectedAt: '2026-03-01T10:00:00.000000Z' }), values({ startedAt: '2026-03-01T10:30:00.000000Z' }), [
      'startedAt',
    ]);
    expect(phaseProblem(next as never, NOW)).toMatch(/detectedAt .* is before its startedAt/);
  });
});
