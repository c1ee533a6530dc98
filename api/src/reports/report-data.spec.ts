import {
  change,
  executiveSummary,
  fixNotHeldRows,
  fmtBudget,
  loopRows,
  MetricsJson,
  MINUS,
  overdueReviewRows,
  ReportData,
} from './report-data';

const stat = (count: number, median: number | null) => ({
  count,
  meanMinutes: median,
  medianMinutes: median,
  p90Minutes: median,
  smallSample: count < 5,
});

const metrics = (over: Partial<MetricsJson> = {}): MetricsJson => ({
  periodStart: '2026-04-01T00:00:00.000Z',
  periodEnd: '2026-07-01T00:00:00.000Z',
  periodMinutes: 131040,
  incidentCount: 10,
  ongoingCount: 0,
  excludedCount: 0,
  nearMissCount: 0,
  timeToDetect: stat(10, 5),
  timeToAcknowledge: stat(10, 10),
  timeToMitigate: stat(10, 30),
  timeToResolve: stat(10, 60),
  downtimeMinutes: 300,
  byRootCause: [],
  byRootCategory: [],
  contributingFactors: [],
  trend: [],
  redundancyGaps: [],
  services: [],
  detection: [],
  actionItems: { opened: 0, open: 0, done: 0, overdue: 0, medianDaysToDone: null, incidentsAllDoneShare: null },
  reviews: {
    required: 0,
    published: 0,
    publishedOnTime: 0,
    overdue: 0,
    medianDaysToPublish: null,
    smallSample: true,
    overdueIncidents: [],
  },
  repeats: { count: 0, share: 0, smallSample: true, byRootCause: [] },
  fixesThatDidNotHold: [],
  ...over,
});

const report = (now: MetricsJson, before: MetricsJson | null): ReportData => ({
  quarter: '2026-Q2',
  previousQuarter: '2026-Q1',
  generatedAt: '2026-07-02T00:00:00.000Z',
  trendGranularity: 'WEEK',
  definitions: [],
  metrics: now,
  previous: before,
  largestIncidents: [],
});

describe('report wording', () => {
  it('prints budget overruns as multiples and budget within limits as a percentage', () => {
    expect(fmtBudget(0.801)).toBe('80.1 %');
    expect(fmtBudget(1)).toBe('100.0 %');
    expect(fmtBudget(4.2)).toBe('4.2× budget');
    expect(fmtBudget(222.06)).toBe('222× budget');
    expect(fmtBudget(12345.6)).toBe('12,346× budget');
    expect(fmtBudget(null)).toBe('–');
  });

  it('signs a fall with the minus it is given', () => {
    expect(change(5, 6)).toBe('-1 (-16.7 %)');
    expect(change(5, 6, String, MINUS)).toBe('\u22121 (\u221216.7 %)');
    expect(change(6, 6)).toBe('±0 (±0.0 %)');
    expect(change(3, 0)).toBe('+3');
  });

  it('closing the loop: review completion as shares of the required reviews, repeats as a share of incidents', () => {
    const reviews = (required: number, published: number, onTime: number, overdue: number, median: number | null) => ({
      required,
      published,
      publishedOnTime: onTime,
      overdue,
      medianDaysToPublish: median,
      smallSample: required < 5,
      overdueIncidents: [] as MetricsJson['reviews']['overdueIncidents'],
    });
    const now = metrics({
      reviews: {
        ...reviews(8, 6, 4, 2, 3.25),
        overdueIncidents: [{ key: 'INC-7', title: 'Checkout down', postMortem: { dueAt: '2026-06-20T10:00:00.000Z' } }],
      },
      repeats: { count: 3, share: 0.15, smallSample: false, byRootCause: [] },
      fixesThatDidNotHold: [
        {
          actionItem: { title: 'Add a canary' },
          cause: { name: 'Bad deploy' },
          services: [{ name: 'API' }, { name: 'Web' }],
          incidentCount: 2,
          incidents: [{ key: 'INC-9' }, { key: 'INC-12' }],
        },
        {
          actionItem: { title: 'Retry budget' },
          cause: { name: 'Overload' },
          services: [{ name: 'API' }],
          incidentCount: 21,
          incidents: [{ key: 'INC-20' }],
        },
      ],
    });
    const before = metrics({ reviews: reviews(4, 2, 1, 1, 5), repeats: { count: 1, share: 0.1, smallSample: false, byRootCause: [] } });
    expect(loopRows(report(now, before))).toEqual([
      ['Reviews required', '8', '4', '+4 (+100.0 %)'],
      // 6/8 = 75 % against 2/4 = 50 %: +25 points
      ['Reviews published', '6 (75.0 %)', '2 (50.0 %)', '+25.0 pts'],
      ['Published on time', '4 (50.0 %)', '1 (25.0 %)', '+25.0 pts'],
      ['Reviews overdue now', '2', '1', '+1 (+100.0 %)'],
      ['Median days to publish', '3.3 d', '5.0 d', '-1.8 d (-35.0 %)'],
      ['Repeat incidents', '3 (15.0 %)', '1 (10.0 %)', '+2 (+200.0 %)'],
    ]);
    expect(loopRows(report(now, null))[1]).toEqual(['Reviews published', '6 (75.0 %)', '–', '–']);
    expect(overdueReviewRows(report(now, null))).toEqual([['INC-7', 'Checkout down', '2026-06-20']]);
    expect(fixNotHeldRows(report(now, null))).toEqual([
      ['Add a canary', 'Bad deploy', 'API, Web', 'INC-9, INC-12'],
      ['Retry budget', 'Overload', 'API', 'INC-20 … (21 in all)'],
    ]);
  });

  it('what changed: the incident count first, then the largest relative changes, each with its n', () => {
    const now = metrics({ incidentCount: 11, timeToResolve: stat(11, 25), timeToDetect: stat(11, 4.5), downtimeMinutes: 150 });
    const before = metrics({ incidentCount: 10, timeToResolve: stat(10, 50), timeToDetect: stat(10, 5), downtimeMinutes: 300 });
    const s = executiveSummary(report(now, before), MINUS, { changes: 3, gaps: 3, causes: 3 });
    expect(s.changes).toEqual([
      'Incidents rose from 10 to 11 (+10 %).',
      // −50 % each: median and p90 of time to resolve, and downtime; the stable sort keeps their order
      'Median time to resolve fell from 50.0 min to 25.0 min (n = 11 vs 10).',
      'p90 time to resolve fell from 50.0 min to 25.0 min (n = 11 vs 10).',
    ]);
  });

  it('flags small samples and says when there is nothing to compare with', () => {
    const s = executiveSummary(report(metrics({ timeToResolve: stat(3, 25) }), metrics({ timeToResolve: stat(4, 50) })), MINUS);
    expect(s.changes).toContain('Median time to resolve fell from 50.0 min to 25.0 min (n = 3 vs 4; small sample).');
    expect(executiveSummary(report(metrics(), null)).changes).toEqual(['No data for 2026-Q1.']);
  });

  it('what to fix next: uncovered gaps by downtime, then causes by downtime, then overdue items', () => {
    const svc = (name: string) => ({ id: name, name });
    const gap = (service: string, mechanism: string, gapCount: number, downtimeMinutes: number, covered = false) => ({
      service: svc(service),
      mechanism: svc(mechanism),
      gapCount,
      downtimeMinutes,
      covered,
    });
    const cause = (name: string, incidentCount: number, downtimeMinutes: number) => ({
      cause: { id: name },
      name,
      incidentCount,
      share: incidentCount / 10,
      cumulativeShare: 0,
      downtimeMinutes,
      timeToResolve: stat(incidentCount, 60),
    });
    const m = metrics({
      redundancyGaps: [gap('Search', 'Multi-zone', 5, 60), gap('Playback', 'Multi-region', 1, 600), gap('Ads', 'Multi-CDN', 9, 900, true)],
      byRootCause: [cause('Software bug', 6, 120), cause('DNS', 1, 480), cause('Unknown', 3, 0)],
      actionItems: { opened: 5, open: 4, done: 1, overdue: 2, medianDaysToDone: 3, incidentsAllDoneShare: 0.25 },
    });
    expect(executiveSummary(report(m, null)).fixNext.map((f) => f.title)).toEqual([
      'Multi-region for Playback',
      'Multi-zone for Search',
      'DNS',
      'Software bug',
      '2 action items overdue',
    ]);
  });
});
