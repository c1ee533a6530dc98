import { toChanges, type PeriodMetrics } from './toChanges';
import { toDefinitionLookup } from '../../definitions/transforms/explainMetric';
import { toDetectionSeries } from './toDetectionSeries';
import { toFixNext } from './toFixNext';
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
        { periodStart: '2026-02-01T00:00:00Z', timeToResolve: { ...stat(2, 90, 80, 100), smallSample: true } },
        { periodStart: '2026-01-01T00:00:00Z', timeToResolve: { ...stat(3, 60, 30, 150), smallSample: true } },
      ],
      'MONTH',
    );
    expect(series.map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026']);
    expect(series[0]).toMatchObject({ meanMinutes: 60, medianMinutes: 30, p90Minutes: 150, count: 3 });
  });

  it('leaves a gap (null) for buckets without resolved incidents', () => {
    // the API flags an empty bucket too (0 < 5); a gap has no numbers to mark
    const [p] = toMttrSeries([{ periodStart: '2026-01-05T00:00:00Z', timeToResolve: { ...stat(0, 0, 0), smallSample: true } }], 'WEEK');
    expect(p.meanMinutes).toBeNull();
    expect(p.medianMinutes).toBeNull();
    expect(p.smallSample).toBe(false);
  });

  it("marks the buckets the API flags as small samples, by the API's flag and no rule of its own", () => {
    const series = toMttrSeries(
      [
        { periodStart: '2026-01-05T00:00:00Z', timeToResolve: { ...stat(3, 60, 50), smallSample: true } },
        { periodStart: '2026-01-12T00:00:00Z', timeToResolve: { ...stat(5, 60, 50), smallSample: false } },
        // flags as given, even against the count, so the app cannot drift from the API's rule
        { periodStart: '2026-01-19T00:00:00Z', timeToResolve: { ...stat(2, 60, 50), smallSample: false } },
        { periodStart: '2026-01-26T00:00:00Z', timeToResolve: { ...stat(7, 60, 50), smallSample: true } },
      ],
      'WEEK',
    );
    expect(series.map((p) => p.smallSample)).toEqual([true, false, false, true]);
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
    // smallSample is the API's flag (DurationStat.smallSample), given as the API would give it
    timeToResolve: { ...stat(9, 192, 60, 400), smallSample: false },
    timeToDetect: { ...stat(4, 10, 8, 20), smallSample: true },
    timeToAcknowledge: { ...stat(9, 20, 15, 30), smallSample: false },
    timeToMitigate: { ...stat(9, 90, 45, 200), smallSample: false },
    bySeverity: [
      { severity: 'SEV1', count: 1 },
      { severity: 'SEV2', count: 3 },
      { severity: 'SEV3', count: 6 },
    ],
    services: [
      { service: { id: 'a', name: 'Playback API' }, availability: 99.5, slo: 99.9 },
      { service: { id: 'b', name: 'Search' }, availability: 100, slo: 99.9 },
      { service: { id: 'c', name: 'Billing' }, availability: 99.95, slo: 99.9 },
      { service: { id: 'd', name: 'Login' }, availability: 99.99, slo: 99.9 },
    ],
  };

  it('leads durations with the median and p90, the mean beside them, and states n in every change', () => {
    const n = toHeadlineNumbers(
      base,
      {
        ...base,
        incidentCount: 20,
        timeToResolve: { ...stat(10, 96, 50, 300), smallSample: false },
        services: base.services.map((s) => ({ ...s, availability: 99 })),
      },
      null,
    );
    const byId = Object.fromEntries(n.map((x) => [x.id, x]));
    expect(byId.incidents.value).toBe('10');
    expect(byId.incidents.change).toEqual({ text: '▼ 50 % vs previous (was 20)', tone: 'better' });
    expect(byId.severe.value).toBe('4');
    expect(byId.severe.change?.text).toBe('no change (was 4)');
    expect(byId.ttr.value).toBe('1 h');
    expect(byId.ttr.detail).toBe('median · p90 6 h 40 min · mean (MTTR) 3 h 12 min · n = 9');
    expect(byId.ttr.change).toEqual({ text: '▲ 20 % vs previous (n 9 vs 10)', tone: 'worse' });
    expect(byId.ttd.value).toBe('8 min');
    expect(byId.ttd.smallSample).toBe(true);
    expect(byId.tta.detail).toContain('mean (MTTA) 20 min');
    expect(byId.ttm.detail).toContain('mean (MTTM) 1 h 30 min');
    expect(byId.downtime.value).toBe('10 h');
    expect(byId.availability.value).toBe('75 %');
    expect(byId.availability.detail).toBe('3 of 4 services · furthest below: Playback API 99.500 % (SLO 99.900 %)');
    expect(byId.availability.change).toEqual({ text: '▲ was 0 % (0 of 4)', tone: 'better' });
  });

  it('flags a small sample where the API does, and nowhere else', () => {
    const n = toHeadlineNumbers(
      {
        ...base,
        timeToResolve: { ...stat(0, null, null), smallSample: true },
        timeToDetect: { ...stat(3, 10, 8, 20), smallSample: false },
        timeToAcknowledge: { ...stat(40, 20, 15, 30), smallSample: true },
      },
      null,
      null,
    );
    expect(n.filter((x) => x.smallSample).map((x) => x.id)).toEqual(['ttr', 'tta']);
  });

  it('has no change without a previous period', () => {
    const n = toHeadlineNumbers(base, null, null);
    expect(n.every((x) => x.change === null)).toBe(true);
  });

  it('explains every card with the API’s published definition, naming the part a card shows', () => {
    const defs = toDefinitionLookup(
      (
        [
          'incidentCount',
          'timeToResolve',
          'timeToDetect',
          'timeToAcknowledge',
          'timeToMitigate',
          'downtimeMinutes',
          'services.availability',
        ] as const
      ).map((key) => ({ key, name: key, formula: `published ${key}`, unit: 'count' })),
    );
    const byId = Object.fromEntries(toHeadlineNumbers(base, null, defs).map((x) => [x.id, x.definition]));
    expect(byId).toEqual({
      incidents: 'published incidentCount.',
      severe: 'published incidentCount. This card counts those of severity SEV1 or SEV2.',
      ttr: 'published timeToResolve.',
      ttd: 'published timeToDetect.',
      tta: 'published timeToAcknowledge.',
      ttm: 'published timeToMitigate.',
      downtime: 'published downtimeMinutes.',
      availability: 'published services.availability. This card is the share of services whose availability is at least their SLO.',
    });
  });
});

describe('toChanges', () => {
  const period = (p: Partial<PeriodMetrics> = {}): PeriodMetrics => ({
    incidentCount: 40,
    timeToResolve: { count: 41, medianMinutes: 126, smallSample: false },
    timeToDetect: { count: 40, medianMinutes: 10, smallSample: false },
    bySeverity: [
      { severity: 'SEV1', count: 2 },
      { severity: 'SEV2', count: 8 },
      { severity: 'SEV3', count: 20 },
      { severity: 'SEV4', count: 10 },
    ],
    detection: [
      { source: 'MONITORING', incidentCount: 30 },
      { source: 'CUSTOMER_REPORT', incidentCount: 10 },
    ],
    services: [
      { service: { id: 'a', name: 'Playback API' }, availability: 99.5, slo: 99.9 },
      { service: { id: 'b', name: 'Search' }, availability: 100, slo: 99.9 },
    ],
    ...p,
  });

  it('words the largest changes plainly with their sample sizes, largest first', () => {
    const c = toChanges(period(), period({ timeToResolve: { count: 38, medianMinutes: 192, smallSample: false } }));
    expect(c.news.map((x) => x.text)).toEqual(['Median time to resolve fell from 3.2 h to 2.1 h (41 vs 38 incidents)']);
    expect(c.news[0].tone).toBe('better');
    expect(c.steadyCount).toBe(5);
  });

  it('ranks by relative size and keeps at most `limit`', () => {
    const prev = period({
      incidentCount: 30,
      timeToDetect: { count: 30, medianMinutes: 5, smallSample: false },
      bySeverity: [
        { severity: 'SEV2', count: 4 },
        { severity: 'SEV3', count: 16 },
        { severity: 'SEV4', count: 8 },
      ],
      detection: [{ source: 'MONITORING', incidentCount: 20 }],
      services: [
        { service: { id: 'a', name: 'Playback API' }, availability: 100, slo: 99.9 },
        { service: { id: 'b', name: 'Search' }, availability: 100, slo: 99.9 },
      ],
    });
    const c = toChanges(period(), prev, 3);
    // External share 0 → 25 % is "new" (infinite), then SEV1–2 4 → 10 (+150 %), time to detect 5 → 10 min (+100 %).
    expect(c.news.map((x) => x.id)).toEqual(['external', 'severe', 'ttd']);
    expect(c.news[0].text).toBe('Incidents reported first by customers or other outsiders rose from 0 % to 25 % (10 of 40 vs 0 of 30)');
    expect(c.news[1].text).toBe('SEV1–2 incidents rose from 4 to 10');
    expect(c.news[2].text).toBe('Median time to detect rose from 5 min to 10 min (40 vs 30 incidents)');
    expect(c.news.every((x) => x.tone === 'worse')).toBe(true);
  });

  it('names the service furthest below its SLO', () => {
    const prev = period({
      services: [
        { service: { id: 'a', name: 'Playback API' }, availability: 100, slo: 99.9 },
        { service: { id: 'b', name: 'Search' }, availability: 100, slo: 99.9 },
      ],
    });
    const slo = toChanges(period(), prev).news.find((x) => x.id === 'slo');
    expect(slo?.text).toBe('Services within SLO fell from 2 of 2 to 1 of 2; furthest below: Playback API at 99.500 % (SLO 99.900 %)');
    expect(slo?.tone).toBe('worse');
  });

  it('marks small samples and does not rank them as news', () => {
    const cur = period({ timeToResolve: { count: 3, medianMinutes: 600, smallSample: true } });
    const prev = period({
      timeToResolve: { count: 6, medianMinutes: 60, smallSample: false },
      bySeverity: [
        { severity: 'SEV1', count: 1 },
        { severity: 'SEV2', count: 1 },
        { severity: 'SEV3', count: 20 },
        { severity: 'SEV4', count: 10 },
      ],
    });
    const c = toChanges(cur, prev);
    expect(c.news.map((x) => x.id)).toEqual(['severe']);
    expect(c.smallSamples.map((x) => [x.id, x.text])).toEqual([['ttr', 'Median time to resolve rose from 1 h to 10 h (3 vs 6 incidents)']]);
  });

  it('calls a duration change small only when the API flags either side', () => {
    const flagged = toChanges(
      period({ timeToResolve: { count: 41, medianMinutes: 600, smallSample: true } }),
      period({ timeToResolve: { count: 38, medianMinutes: 60, smallSample: false } }),
    );
    expect(flagged.smallSamples.map((x) => x.id)).toEqual(['ttr']);
    expect(flagged.news.map((x) => x.id)).not.toContain('ttr');
    const unflagged = toChanges(
      period({ timeToResolve: { count: 3, medianMinutes: 600, smallSample: false } }),
      period({ timeToResolve: { count: 4, medianMinutes: 60, smallSample: false } }),
    );
    expect(unflagged.news.map((x) => x.id)).toContain('ttr');
    expect(unflagged.smallSamples.map((x) => x.id)).not.toContain('ttr');
  });

  it('is empty without a previous period', () => {
    expect(toChanges(period(), null)).toEqual({ news: [], smallSamples: [], steadyCount: 0 });
  });
});

describe('toFixNext', () => {
  const gap = (s: string, m: string, gapCount: number, covered: boolean, downtimeMinutes: number) => ({
    service: { id: s, name: s.toUpperCase() },
    mechanism: { id: m, name: m.toUpperCase() },
    gapCount,
    downtimeMinutes,
    covered,
  });
  const cause = (id: string, name: string, incidentCount: number, downtimeMinutes: number) => ({
    cause: { id },
    name,
    incidentCount,
    downtimeMinutes,
  });
  const params = new URLSearchParams('period=30d&team=t1&g=MONTH');

  it('puts overdue action items first, then uncovered gaps and causes by downtime, with links carrying the filters', () => {
    const items = toFixNext({
      gaps: [gap('db', 'replica', 3, false, 300), gap('api', 'multi-az', 2, true, 9999), gap('cdn', 'failover', 1, false, 30)],
      causes: [cause('dns', 'DNS', 4, 600), cause('cfg', 'Config change', 6, 120), cause('none', 'Unknown', 2, 0)],
      overdueActionItems: 7,
      params,
    });
    expect(items.map((i) => i.id)).toEqual(['overdue', 'cause:dns', 'gap:db:replica', 'cause:cfg', 'gap:cdn:failover']);
    expect(items[0]).toMatchObject({ title: 'Finish 7 overdue action items', href: '/action-items?view=overdue&team=t1' });
    expect(items[2]).toMatchObject({
      title: 'DB: REPLICA missing or failed',
      detail: '3 incidents · 5 h downtime · no open action item',
      href: '/incidents?period=30d&team=t1&service=db&counted=1&gap=replica',
    });
    expect(items[1]).toMatchObject({ title: 'DNS', href: '/incidents?period=30d&team=t1&cause=dns&counted=1' });
  });

  it('keeps at most `limit` items and leaves out the overdue row when nothing is overdue', () => {
    const items = toFixNext(
      {
        gaps: [],
        causes: [cause('a', 'A', 1, 10), cause('b', 'B', 1, 20), cause('c', 'C', 1, 30)],
        overdueActionItems: 0,
        params: new URLSearchParams('team=t1,t2'),
      },
      2,
    );
    expect(items.map((i) => i.id)).toEqual(['cause:c', 'cause:b']);
  });
});
