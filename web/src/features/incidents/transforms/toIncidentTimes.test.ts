import { toDefinitionLookup } from '../../definitions/transforms/explainMetric';
import { toColumnDefinitions, toIncidentTimes } from './toIncidentTimes';

describe('toIncidentTimes', () => {
  const startedAt = '2026-11-02T10:00:00.000Z';

  it('is ongoing with no times while impact goes on', () => {
    expect(toIncidentTimes({ startedAt, mitigatedAt: null, resolvedAt: null })).toEqual({
      status: 'ongoing',
      timeToResolveMinutes: null,
      downtimeMinutes: null,
    });
  });

  it('is mitigated with a downtime but no time to resolve once impact stopped', () => {
    expect(toIncidentTimes({ startedAt, mitigatedAt: '2026-11-02T10:45:00.000Z', resolvedAt: null })).toEqual({
      status: 'mitigated',
      timeToResolveMinutes: null,
      downtimeMinutes: 45,
    });
  });

  it('is resolved: downtime ends at mitigation, time to resolve at closing', () => {
    expect(toIncidentTimes({ startedAt, mitigatedAt: '2026-11-02T10:30:00.000Z', resolvedAt: '2026-11-02T13:00:30.000Z' })).toEqual({
      status: 'resolved',
      timeToResolveMinutes: 180.5,
      downtimeMinutes: 30,
    });
  });

  it('takes resolvedAt as the end of impact when it was never mitigated', () => {
    expect(toIncidentTimes({ startedAt, resolvedAt: '2026-11-02T12:00:00.000Z' })).toEqual({
      status: 'resolved',
      timeToResolveMinutes: 120,
      downtimeMinutes: 120,
    });
  });
});

describe('toColumnDefinitions', () => {
  const defs = toDefinitionLookup([
    { key: 'timeToResolve', name: 'Time to resolve', formula: 'resolvedAt − startedAt, as count, mean, median and p90.', unit: 'minutes' },
    { key: 'downtimeMinutes', name: 'Downtime', formula: 'Per incident: (mitigatedAt, else resolvedAt) − startedAt.', unit: 'minutes' },
  ]);

  it('explains time to resolve and downtime with the API’s definitions, then what the column shows', () => {
    const c = toColumnDefinitions(defs);
    expect(c.timeToResolve).toBe(
      'resolvedAt − startedAt, as count, mean, median and p90. This column is one incident’s resolvedAt − startedAt.',
    );
    expect(c.downtime).toBe('Per incident: (mitigatedAt, else resolvedAt) − startedAt. This column is one incident’s own downtime.');
    expect(c.status).toMatch(/^Ongoing until impact stops/);
  });

  it('says only what the column shows until the definitions arrive', () => {
    expect(toColumnDefinitions(null).downtime).toBe('This column is one incident’s own downtime.');
  });
});
