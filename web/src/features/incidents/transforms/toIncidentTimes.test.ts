import { toIncidentTimes } from './toIncidentTimes';

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
