import { toGapMatrix, type RedundancyGapInput } from './toGapMatrix';

const gap = (
  s: string,
  m: string,
  missingCount: number,
  failedCount: number,
  covered: boolean,
  downtimeMinutes = 10,
): RedundancyGapInput => ({
  service: { id: s, name: s.toUpperCase() },
  mechanism: { id: m, name: m.toUpperCase() },
  gapCount: missingCount + failedCount,
  missingCount,
  failedCount,
  downtimeMinutes,
  covered,
});

describe('toGapMatrix', () => {
  it('builds services × mechanisms ordered by total gaps, keeping missing and failed apart in each cell', () => {
    const m = toGapMatrix([
      gap('api', 'multi-az', 0, 1, true),
      gap('db', 'replica', 3, 1, false, 90),
      gap('db', 'multi-az', 2, 0, true),
      gap('cdn', 'replica', 0, 0, false),
    ]);
    expect(m.services.map((s) => s.id)).toEqual(['db', 'api']);
    expect(m.mechanisms.map((x) => x.id)).toEqual(['replica', 'multi-az']);
    expect(m.rows[0][0]).toEqual({
      serviceId: 'db',
      serviceName: 'DB',
      mechanismId: 'replica',
      mechanismName: 'REPLICA',
      gapCount: 4,
      missingCount: 3,
      failedCount: 1,
      downtimeMinutes: 90,
      covered: false,
    });
    expect(m.rows[0][1]).toMatchObject({ gapCount: 2, missingCount: 2, failedCount: 0 });
    expect(m.rows[1][0]).toBeNull();
    expect(m.rows[1][1]).toMatchObject({ gapCount: 1, missingCount: 0, failedCount: 1, covered: true });
    expect(m.maxCount).toBe(4);
    expect(m.uncoveredCount).toBe(1);
    expect([m.missingCount, m.failedCount]).toEqual([5, 2]);
  });

  it('adds up repeated rows of one cell, missing and failed separately; one uncovered row makes the cell uncovered', () => {
    const m = toGapMatrix([gap('db', 'replica', 1, 0, true, 5), gap('db', 'replica', 0, 2, false, 7)]);
    expect(m.rows).toEqual([
      [expect.objectContaining({ gapCount: 3, missingCount: 1, failedCount: 2, downtimeMinutes: 12, covered: false })],
    ]);
    expect(m.services).toEqual([{ id: 'db', name: 'DB', total: 3 }]);
  });

  it('is empty without gaps', () => {
    expect(toGapMatrix([gap('db', 'replica', 0, 0, false)])).toMatchObject({
      services: [],
      mechanisms: [],
      rows: [],
      maxCount: 0,
      missingCount: 0,
      failedCount: 0,
    });
  });
});
