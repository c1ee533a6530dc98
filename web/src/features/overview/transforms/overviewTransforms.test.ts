import { toDetectionSeries } from './toDetectionSeries';
import { toGapMatrix } from './toGapMatrix';
import { toHeadlineNumbers, type HeadlineInput } from './toHeadlineNumbers';
import { toHistogramSeries } from './toHistogramSeries';
import { toMttrSeries } from './toMttrSeries';
import { toParetoSeries } from './toParetoSeries';
import { toSeverityMixSeries } from './toSeverityMixSeries';

const stat = (count: number, mean: number | null, median: number | null, p90: number | null = null) => ({
  count,
  meanMinutes: mean,
  medianMinutes: median,
  p90Minutes: p90,
});

describe('toMttrSeries', () => {
  it('orders buckets oldest first, labels them and keeps mean, median and p90', () => {
    const series = toMttrSeries(
      [
        { periodStart: '2026-02-01T00:00:00Z', timeToResolve: stat(2, 90, 80, 100) },
        { periodStart: '2026-01-01T00:00:00Z', timeToResolve: stat(3, 60, 30, 150) },
      ],
      'MONTH',
    );
    expect(series.map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026']);
    expect(series[0]).toMatchObject({ meanMinutes: 60, medianMinutes: 30, p90Minutes: 150, count: 3 });
  });

  it('leaves a gap (null) for buckets without resolved incidents', () => {
    const [p] = toMttrSeries([{ periodStart: '2026-01-05T00:00:00Z', timeToResolve: stat(0, 0, 0) }], 'WEEK');
    expect(p.meanMinutes).toBeNull();
    expect(p.medianMinutes).toBeNull();
  });
});

describe('toParetoSeries', () => {
  const rows = [
    { cause: { id: 'dns' }, name: 'DNS', incidentCount: 2, downtimeMinutes: 600 },
    { cause: { id: 'deploy' }, name: 'Deployment', incidentCount: 5, downtimeMinutes: 100 },
    { cause: { id: 'cfg' }, name: 'Config change', incidentCount: 3, downtimeMinutes: 300 },
    { cause: { id: 'none' }, name: 'Unused', incidentCount: 0, downtimeMinutes: 0 },
  ];

  it('orders by count with the cumulative share in percent', () => {
    const p = toParetoSeries(rows, 'count');
    expect(p.map((x) => x.id)).toEqual(['deploy', 'cfg', 'dns']);
    expect(p.map((x) => x.cumulativePercent)).toEqual([50, 80, 100]);
    expect(p[0].value).toBe(5);
  });

  it('orders by downtime when asked', () => {
    const p = toParetoSeries(rows, 'downtime');
    expect(p.map((x) => x.id)).toEqual(['dns', 'cfg', 'deploy']);
    expect(p[0].cumulativePercent).toBe(60);
    expect(p[2].cumulativePercent).toBe(100);
  });

  it('is empty for no rows', () => {
    expect(toParetoSeries([], 'count')).toEqual([]);
  });

  it('folds the long tail into one "Other" bar', () => {
    const p = toParetoSeries(rows, 'count', 2);
    expect(p.map((x) => [x.id, x.name, x.value, x.cumulativePercent])).toEqual([
      ['deploy', 'Deployment', 5, 50],
      ['', 'Other (2 causes)', 5, 100],
    ]);
  });
});

describe('toGapMatrix', () => {
  const gap = (s: string, m: string, gapCount: number, covered: boolean, downtimeMinutes = 10) => ({
    service: { id: s, name: s.toUpperCase() },
    mechanism: { id: m, name: m.toUpperCase() },
    gapCount,
    downtimeMinutes,
    covered,
  });

  it('builds services × mechanisms ordered by total gaps, with uncovered gaps counted', () => {
    const m = toGapMatrix([
      gap('api', 'multi-az', 1, true),
      gap('db', 'replica', 4, false),
      gap('db', 'multi-az', 2, true),
      gap('cdn', 'replica', 0, false),
    ]);
    expect(m.services.map((s) => s.id)).toEqual(['db', 'api']);
    expect(m.mechanisms.map((x) => x.id)).toEqual(['replica', 'multi-az']);
    expect(m.rows[0][0]).toMatchObject({ gapCount: 4, covered: false });
    expect(m.rows[1][0]).toBeNull();
    expect(m.rows[1][1]).toMatchObject({ gapCount: 1, covered: true });
    expect(m.maxCount).toBe(4);
    expect(m.uncoveredCount).toBe(1);
  });

  it('is empty without gaps', () => {
    expect(toGapMatrix([])).toMatchObject({ services: [], mechanisms: [], rows: [], maxCount: 0 });
  });
});

describe('toSeverityMixSeries', () => {
  it('puts each severity in its column and totals them', () => {
    const [row] = toSeverityMixSeries(
      [
        {
          periodStart: '2026-04-01T00:00:00Z',
          bySeverity: [
            { severity: 'SEV1', count: 1 },
            { severity: 'SEV3', count: 4 },
          ],
        },
      ],
      'QUARTER',
    );
    expect(row).toMatchObject({ label: '2026 Q2', SEV1: 1, SEV2: 0, SEV3: 4, SEV4: 0, total: 5 });
  });
});

describe('toHistogramSeries', () => {
  it('labels buckets with human durations, open-ended last', () => {
    const h = toHistogramSeries([
      { fromMinutes: 1440, toMinutes: null, count: 1 },
      { fromMinutes: 0, toMinutes: 30, count: 5 },
      { fromMinutes: 30, toMinutes: 120, count: 3 },
    ]);
    expect(h.map((b) => b.label)).toEqual(['< 30 min', '30 min–2 h', '≥ 1 d']);
    expect(h.map((b) => b.count)).toEqual([5, 3, 1]);
  });
});

describe('toDetectionSeries', () => {
  it('converts shares to percent, flags external sources and puts "not recorded" last', () => {
    const d = toDetectionSeries([
      { source: null, incidentCount: 9, share: 0.45, timeToDetect: stat(0, null, null) },
      { source: 'MONITORING', incidentCount: 8, share: 0.4, timeToDetect: stat(8, 5, 4, 9) },
      { source: 'CUSTOMER_REPORT', incidentCount: 3, share: 0.15, timeToDetect: stat(3, 40, 35, 60) },
      { source: 'SOCIAL_MEDIA', incidentCount: 0, share: 0, timeToDetect: stat(0, null, null) },
    ]);
    expect(d.map((x) => x.label)).toEqual(['Monitoring', 'Customer report', 'Not recorded']);
    expect(d[1]).toMatchObject({ percent: 15, external: true, medianTimeToDetect: 35 });
    expect(d[0].external).toBe(false);
  });
});

describe('toHeadlineNumbers', () => {
  const base: HeadlineInput = {
    incidentCount: 10,
    ongoingCount: 1,
    excludedCount: 2,
    nearMissCount: 3,
    downtimeMinutes: 600,
    timeToResolve: stat(9, 192, 60, 400),
    timeToDetect: stat(4, 10, 8, 20),
    services: [
      { service: { id: 'a', name: 'Playback API' }, availability: 99.5, slo: 99.9 },
      { service: { id: 'b', name: 'Search' }, availability: 100, slo: 99.9 },
    ],
  };

  it('formats the headline numbers and their change', () => {
    const n = toHeadlineNumbers(base, 4, { ...base, incidentCount: 20, timeToResolve: stat(10, 96, 50, 300) }, 4);
    const byId = Object.fromEntries(n.map((x) => [x.id, x]));
    expect(byId.incidents.value).toBe('10');
    expect(byId.incidents.change).toEqual({ text: '▼ 50 % vs previous', tone: 'better' });
    expect(byId.severe.value).toBe('4');
    expect(byId.severe.change?.text).toBe('no change');
    expect(byId.mttr.value).toBe('3 h 12 min');
    expect(byId.mttr.detail).toContain('median 1 h');
    expect(byId.mttr.detail).toContain('p90 6 h 40 min');
    expect(byId.mttr.change?.tone).toBe('worse');
    expect(byId.ttd.smallSample).toBe(true);
    expect(byId.downtime.value).toBe('10 h');
    expect(byId.availability.value).toBe('1 of 2');
    expect(byId.availability.detail).toContain('Playback API');
  });

  it('has no change without a previous period', () => {
    const n = toHeadlineNumbers(base, 4, null, null);
    expect(n.every((x) => x.change === null || x.change.tone === 'neutral')).toBe(true);
  });
});
