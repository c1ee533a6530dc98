import {
  bucketRange,
  incidentsHref,
  parseFilterParams,
  periodRange,
  previousPeriodRange,
  toMetricsFilter,
  writeFilterParams,
} from './filterParams';

const now = new Date('2026-11-30T15:00:00Z');

describe('filter params', () => {
  it('defaults to the last 90 days and ignores unknown values', () => {
    const s = parseFilterParams(new URLSearchParams('period=bogus&severity=SEV1,SEV9'));
    expect(s.period).toBe('90d');
    expect(s.severities).toEqual(['SEV1']);
  });

  it('round-trips through the URL, dropping defaults', () => {
    const p = writeFilterParams(new URLSearchParams('g=MONTH&after=abc'), { period: '90d', teamIds: ['t1'], severities: ['SEV1', 'SEV2'] });
    expect(p.toString()).toBe('g=MONTH&team=t1&severity=SEV1%2CSEV2');
    expect(parseFilterParams(p)).toMatchObject({ period: '90d', teamIds: ['t1'], severities: ['SEV1', 'SEV2'] });
  });

  it('keeps old single-value links working', () => {
    const s = parseFilterParams(new URLSearchParams('team=3&service=7&severity=SEV2&cause=12&source=4'));
    expect(s).toMatchObject({ teamIds: ['3'], serviceIds: ['7'], severities: ['SEV2'], causeIds: ['12'], sourceIds: ['4'] });
    expect(toMetricsFilter(s, {})).toEqual({
      teamIds: ['3'],
      serviceIds: ['7'],
      severities: ['SEV2'],
      rootCauseIds: ['12'],
      sourceIds: ['4'],
    });
  });

  it('reads several values as a comma list, as repeated parameters or both, without duplicates', () => {
    expect(parseFilterParams(new URLSearchParams('team=1,2')).teamIds).toEqual(['1', '2']);
    expect(parseFilterParams(new URLSearchParams('team=1&team=2')).teamIds).toEqual(['1', '2']);
    const mixed = parseFilterParams(new URLSearchParams('team=1,2&team=3&team=2&severity=SEV3&severity=SEV1,SEV9&cause=5,%20,6'));
    expect(mixed).toMatchObject({ teamIds: ['1', '2', '3'], severities: ['SEV3', 'SEV1'], causeIds: ['5', '6'] });
  });

  it('writes several values as one comma list per filter and reads them back into the API filter', () => {
    const p = writeFilterParams(new URLSearchParams('period=all&team=1&team=9'), {
      teamIds: ['1', '2'],
      serviceIds: ['5', '6', '7'],
      severities: ['SEV1', 'SEV4'],
      causeIds: ['10', '11'],
    });
    expect(p.getAll('team')).toEqual(['1,2']);
    expect(p.toString()).toBe('period=all&team=1%2C2&service=5%2C6%2C7&severity=SEV1%2CSEV4&cause=10%2C11');
    const s = parseFilterParams(p);
    expect(toMetricsFilter(s, periodRange(s, now))).toEqual({
      teamIds: ['1', '2'],
      serviceIds: ['5', '6', '7'],
      severities: ['SEV1', 'SEV4'],
      rootCauseIds: ['10', '11'],
    });
  });

  it('drops a filter from the URL once its selection is cleared', () => {
    const p = writeFilterParams(new URLSearchParams('team=1,2&severity=SEV1'), { teamIds: [] });
    expect(p.toString()).toBe('severity=SEV1');
  });

  it('turns a relative period into [UTC midnight − N days, now)', () => {
    expect(periodRange(parseFilterParams(new URLSearchParams('period=30d')), now)).toEqual({ from: '2026-10-31T00:00:00.000Z' });
  });

  it('treats a custom "to" date as inclusive', () => {
    const s = parseFilterParams(new URLSearchParams('from=2026-07-01&to=2026-09-30'));
    expect(s.period).toBe('custom');
    expect(periodRange(s, now)).toEqual({ from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' });
  });

  it('gives the previous period of the same length', () => {
    const s = parseFilterParams(new URLSearchParams('from=2026-07-01&to=2026-09-30'));
    expect(previousPeriodRange(s, now)).toEqual({ from: '2026-03-31T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' }); // 92 days before
    expect(previousPeriodRange(parseFilterParams(new URLSearchParams('period=all')), now)).toBeNull();
  });

  it('builds a metrics filter with only the set conditions', () => {
    const s = parseFilterParams(new URLSearchParams('period=all&cause=c1'));
    expect(toMetricsFilter(s, periodRange(s, now))).toEqual({ rootCauseIds: ['c1'] });
  });

  it('carries sources in the URL and into the metrics filter', () => {
    const p = writeFilterParams(new URLSearchParams('period=all'), { sourceIds: ['s1', 's2'] });
    expect(p.toString()).toBe('period=all&source=s1%2Cs2');
    const s = parseFilterParams(p);
    expect(s.sourceIds).toEqual(['s1', 's2']);
    expect(toMetricsFilter(s, periodRange(s, now))).toEqual({ sourceIds: ['s1', 's2'] });
    expect(writeFilterParams(p, { sourceIds: [] }).toString()).toBe('period=all');
  });

  it('links to the incident list with an override', () => {
    expect(incidentsHref(new URLSearchParams('period=30d&g=WEEK&by=downtime'), { causeIds: ['c9'] })).toBe(
      '/incidents?period=30d&cause=c9',
    );
  });

  it('turns a trend bucket into an inclusive date range', () => {
    expect(bucketRange('2026-03-02T00:00:00Z', 'WEEK')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(bucketRange('2026-01-01T00:00:00Z', 'QUARTER')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
