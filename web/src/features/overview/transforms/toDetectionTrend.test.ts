import { NOT_RECORDED, toDetectionTrend } from './toDetectionTrend';

describe('toDetectionTrend', () => {
  const trend = [
    {
      periodStart: '2026-02-01T00:00:00Z',
      byDetection: [
        { source: 'MONITORING', count: 1 },
        { source: 'CUSTOMER_REPORT', count: 2 },
        { source: 'SOCIAL_MEDIA', count: 1 },
      ],
    },
    {
      periodStart: '2026-01-01T00:00:00Z',
      byDetection: [
        { source: 'MONITORING', count: 3 },
        { source: null, count: 1 },
        { source: 'THIRD_PARTY', count: 0 },
      ],
    },
    { periodStart: '2026-03-01T00:00:00Z', byDetection: [] },
  ];

  it('orders periods oldest first and stacks monitoring first, outside sources next, "not recorded" last', () => {
    const d = toDetectionTrend(trend, 'MONTH');
    expect(d.rows.map((r) => r.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(d.sources.map((s) => [s.key, s.label, s.external])).toEqual([
      ['MONITORING', 'Monitoring', false],
      ['SOCIAL_MEDIA', 'Social media', true],
      ['CUSTOMER_REPORT', 'Customer report', true],
      [NOT_RECORDED, 'Not recorded', false],
    ]);
    expect(d.sources[3].source).toBeNull();
    expect(d.total).toBe(8);
  });

  it('fills every seen source with 0 in every period; a source never counted is left out', () => {
    const d = toDetectionTrend(trend, 'MONTH');
    expect(d.rows[0].counts).toEqual({ MONITORING: 3, SOCIAL_MEDIA: 0, CUSTOMER_REPORT: 0, [NOT_RECORDED]: 1 });
    expect(d.rows[1].counts).toEqual({ MONITORING: 1, SOCIAL_MEDIA: 1, CUSTOMER_REPORT: 2, [NOT_RECORDED]: 0 });
    expect(d.rows[2].counts).toEqual({ MONITORING: 0, SOCIAL_MEDIA: 0, CUSTOMER_REPORT: 0, [NOT_RECORDED]: 0 });
    expect(d.rows.map((r) => r.total)).toEqual([4, 4, 0]);
  });

  it('gives each source its share of the period, and the shares found by monitoring and from outside', () => {
    const [jan, feb, mar] = toDetectionTrend(trend, 'MONTH').rows;
    expect(jan.shares).toEqual({ MONITORING: 0.75, SOCIAL_MEDIA: 0, CUSTOMER_REPORT: 0, [NOT_RECORDED]: 0.25 });
    expect([jan.monitoringShare, jan.externalShare]).toEqual([0.75, 0]);
    expect(feb.shares.CUSTOMER_REPORT).toBe(0.5);
    expect([feb.monitoringShare, feb.externalShare]).toEqual([0.25, 0.75]);
    // no incidents: no share at all rather than 0 %
    expect([mar.monitoringShare, mar.externalShare, mar.shares.MONITORING]).toEqual([null, null, null]);
  });

  it('is empty without trend buckets', () => {
    expect(toDetectionTrend([], 'WEEK')).toEqual({ sources: [], rows: [], total: 0 });
  });
});
