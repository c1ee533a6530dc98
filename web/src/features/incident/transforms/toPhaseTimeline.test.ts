import { toPhaseTimeline } from './toPhaseTimeline';

describe('toPhaseTimeline', () => {
  it('says how long each phase took to reach from the one before it', () => {
    const steps = toPhaseTimeline({
      startedAt: '2026-03-01T10:00:00Z',
      detectedAt: '2026-03-01T10:12:00Z',
      acknowledgedAt: '2026-03-01T10:15:00Z',
      mitigatedAt: '2026-03-01T10:55:00Z',
      resolvedAt: '2026-03-01T13:12:00Z',
    });
    expect(steps.map((s) => s.gap)).toEqual([
      null,
      'detected 12 min after impact start',
      'acknowledged 3 min after detection',
      'mitigated 40 min after acknowledgement',
      'resolved 2 h 17 min after mitigation',
    ]);
    expect(steps.map((s) => s.minutesFromStart)).toEqual([0, 12, 15, 55, 192]);
    expect(steps.map((s) => s.percent)).toEqual([0, 6.25, (15 / 192) * 100, (55 / 192) * 100, 100]);
  });

  it('places recorded phases by time since impact began', () => {
    const steps = toPhaseTimeline({
      startedAt: '2026-03-01T10:00:00Z',
      detectedAt: '2026-03-01T10:15:00Z',
      resolvedAt: '2026-03-01T11:00:00Z',
    });
    expect(steps.map((s) => [s.phase, s.minutesFromStart, s.percent])).toEqual([
      ['startedAt', 0, 0],
      ['detectedAt', 15, 25],
      ['acknowledgedAt', null, null],
      ['mitigatedAt', null, null],
      ['resolvedAt', 60, 100],
    ]);
    expect(steps[4].gap).toBe('resolved 45 min after detection');
  });

  it('keeps phases that were not recorded, and measures the next one from the latest recorded phase', () => {
    const steps = toPhaseTimeline({ startedAt: '2026-03-01T10:00:00Z', acknowledgedAt: '2026-03-01T10:30:00Z', resolvedAt: null });
    expect(steps.map((s) => [s.phase, s.at, s.gap])).toEqual([
      ['startedAt', '2026-03-01T10:00:00Z', null],
      ['detectedAt', null, null],
      ['acknowledgedAt', '2026-03-01T10:30:00Z', 'acknowledged 30 min after impact start'],
      ['mitigatedAt', null, null],
      ['resolvedAt', null, null],
    ]);
    expect(steps[2].minutesFromPrevious).toBe(30);
    expect(steps[1].percent).toBeNull();
  });

  it('words a phase recorded before the previous one as “before”, and keeps the track within 0–100 %', () => {
    const steps = toPhaseTimeline({ startedAt: '2026-03-01T10:00:00Z', detectedAt: '2026-03-01T09:55:00Z' });
    expect(steps[1].gap).toBe('detected 5 min before impact start');
    expect(steps[1].minutesFromPrevious).toBe(-5);
    expect(steps[0].percent).toBe(0);
    expect(steps[1].percent).toBe(0);
  });
});
