import { toServiceRows } from './toServiceRows';

describe('toServiceRows', () => {
  it('joins reliability and gaps, worst error budget first', () => {
    const rows = toServiceRows(
      [
        { id: 'a', name: 'Search', slo: 99.9, team: { id: 't', name: 'Core' }, redundancy: [{ id: 'm', name: 'Multi-zone' }] },
        { id: 'b', name: 'Playback', slo: 99.95, team: { id: 't', name: 'Core' }, redundancy: [] },
      ],
      [
        {
          service: { id: 'a' },
          incidentCount: 1,
          downtimeMinutes: 10,
          availability: 99.99,
          slo: 99.9,
          errorBudgetUsed: 0.1,
          mtbfMinutes: 1000,
        },
        {
          service: { id: 'b' },
          incidentCount: 3,
          downtimeMinutes: 300,
          availability: 99.5,
          slo: 99.95,
          errorBudgetUsed: 2.5,
          mtbfMinutes: 500,
        },
      ],
      [{ service: { id: 'b' }, mechanism: { id: 'm', name: 'Multi-zone' }, gapCount: 2, covered: false }],
    );
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(rows[0]).toMatchObject({ withinSlo: false, gaps: [{ mechanism: 'Multi-zone', count: 2, covered: false }] });
    expect(rows[1]).toMatchObject({ withinSlo: true, declared: ['Multi-zone'] });
  });
});
