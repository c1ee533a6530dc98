import { formatDays, toFixesThatDidNotHold, toRepeatSeries, toRepeatSummary, toReviewSummary } from './toLoopSummary';

const reviews = (required: number, published: number, publishedOnTime: number, overdue: number, medianDaysToPublish: number | null) => ({
  required,
  published,
  publishedOnTime,
  overdue,
  medianDaysToPublish,
  smallSample: required < 5,
});

describe('toReviewSummary', () => {
  it('gives published of required with the share, on time, overdue and the median days, against the previous period', () => {
    const r = toReviewSummary(
      { ...reviews(10, 7, 5, 2, 3.25), overdueIncidents: [{ id: '9', key: 'INC-9', title: 'Checkout down', severity: 'SEV1' }] },
      reviews(8, 6, 6, 1, 2),
    );
    expect(r.headline).toBe('7 of 10 published (70 %)');
    expect(r.onTime).toBe('5 of 7 on time');
    expect(r.overdue).toBe(2);
    expect(r.medianDaysToPublish).toBe('3.3 days');
    // 70 % against 75 %: 5 points down, worse
    expect(r.change).toEqual({ text: '▼ 5 points, was 6 of 8', tone: 'worse' });
    expect(r.smallSample).toBe(false);
    expect(r.overdueIncidents).toEqual([{ id: '9', key: 'INC-9', title: 'Checkout down', severity: 'SEV1', href: '/incidents/9' }]);
  });

  it('says when no review is required, and has no change without a previous period', () => {
    const r = toReviewSummary(reviews(0, 0, 0, 0, null), null);
    expect(r.headline).toBe('No review required');
    expect(r.publishedShare).toBeNull();
    expect(r.onTime).toBe('none published');
    expect(r.medianDaysToPublish).toBe('—');
    expect(r.change).toBeNull();
    expect(r.overdueIncidents).toEqual([]);
  });

  it('compares with a previous period that required none, and calls an equal share no change', () => {
    expect(toReviewSummary(reviews(2, 1, 1, 0, 1), reviews(0, 0, 0, 0, null)).change).toEqual({
      text: 'was none required',
      tone: 'neutral',
    });
    expect(toReviewSummary(reviews(4, 2, 2, 0, 1), reviews(2, 1, 0, 0, 4)).change).toEqual({
      text: 'no change, was 1 of 2',
      tone: 'neutral',
    });
    expect(toReviewSummary(reviews(4, 4, 2, 0, 1), reviews(2, 1, 0, 0, 4)).change).toEqual({
      text: '▲ 50 points, was 1 of 2',
      tone: 'better',
    });
  });
});

describe('toRepeatSummary', () => {
  it('gives the count and share, the change with what it was, and the causes', () => {
    const r = toRepeatSummary(
      {
        count: 4,
        share: 4 / 31,
        incidentCount: 31,
        smallSample: false,
        byRootCause: [
          { cause: { id: 'c1' }, name: 'Bad deploy', count: 3 },
          { cause: { id: 'c2' }, name: 'Disk full', count: 1 },
        ],
      },
      { count: 2, share: 0.1, incidentCount: 20, smallSample: false },
    );
    expect(r.headline).toBe('4 repeat incidents of 31 (13 %)');
    expect(r.change).toEqual({ text: '▲ 100 % vs previous, was 2 (10 %)', tone: 'worse' });
    expect(r.byRootCause).toEqual([
      { id: 'c1', name: 'Bad deploy', count: 3 },
      { id: 'c2', name: 'Disk full', count: 1 },
    ]);
  });

  it('reads well for one, for none before, and without a previous period', () => {
    expect(toRepeatSummary({ count: 1, share: 0.25, incidentCount: 4, smallSample: true }, null)).toMatchObject({
      headline: '1 repeat incident of 4 (25 %)',
      change: null,
      smallSample: true,
      byRootCause: [],
    });
    expect(
      toRepeatSummary(
        { count: 1, share: 0.5, incidentCount: 2, smallSample: true },
        { count: 0, share: 0, incidentCount: 3, smallSample: true },
      ).change,
    ).toEqual({
      text: 'new, was 0 (0 %)',
      tone: 'worse',
    });
    expect(
      toRepeatSummary(
        { count: 0, share: 0, incidentCount: 2, smallSample: true },
        { count: 0, share: 0, incidentCount: 3, smallSample: true },
      ).change,
    ).toEqual({
      text: 'no change, was 0 (0 %)',
      tone: 'neutral',
    });
  });
});

describe('toRepeatSeries', () => {
  it('orders the buckets in time and labels them by the granularity', () => {
    expect(
      toRepeatSeries(
        [
          { periodStart: '2026-11-01T00:00:00.000Z', count: 1, incidentCount: 4, share: 0.25 },
          { periodStart: '2026-10-01T00:00:00.000Z', count: 0, incidentCount: 0, share: 0 },
        ],
        'MONTH',
      ).map((p) => [p.label, p.count, p.incidentCount]),
    ).toEqual([
      ['Oct 2026', 0, 0],
      ['Nov 2026', 1, 4],
    ]);
  });
});

describe('toFixesThatDidNotHold', () => {
  it('links each fix to the incident it came from and to the incidents that followed it', () => {
    expect(
      toFixesThatDidNotHold([
        {
          actionItem: { id: 'a1', title: 'Add a disk alert', completedAt: '2026-10-01T00:00:00.000Z', incident: { id: '3', key: 'INC-3' } },
          cause: { id: 'c2', name: 'Disk full' },
          incidents: [
            { id: '7', key: 'INC-7', title: 'Disk full again' },
            { id: '8', key: 'INC-8', title: 'Disk full once more' },
          ],
          // the API lists the first few; 7 followed in all
          incidentCount: 7,
          services: [
            { id: 's1', name: 'Checkout' },
            { id: 's2', name: 'Payments' },
          ],
        },
      ]),
    ).toEqual([
      {
        id: 'a1',
        title: 'Add a disk alert',
        source: { key: 'INC-3', href: '/incidents/3' },
        detail: 'Disk full · Checkout, Payments',
        incidents: [
          { id: '7', key: 'INC-7', title: 'Disk full again', href: '/incidents/7' },
          { id: '8', key: 'INC-8', title: 'Disk full once more', href: '/incidents/8' },
        ],
        moreIncidents: 5,
      },
    ]);
  });
});

describe('formatDays', () => {
  it('gives one decimal and a singular for one day', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(0.04)).toBe('0 days');
    expect(formatDays(12.345)).toBe('12.3 days');
    expect(formatDays(null)).toBe('—');
  });
});
