import { parseFilterParams } from '../../filters/transforms/filterParams';
import { parseListParams, toIncidentFilter } from './toIncidentFilter';

describe('toIncidentFilter', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('maps the chart click-through parameters (gap mechanism, detection source) to the API filter', () => {
    const params = new URLSearchParams('period=all&service=3&gap=7&detected=SOCIAL_MEDIA,CUSTOMER_REPORT');
    const f = toIncidentFilter(parseFilterParams(params), parseListParams(params), now);
    expect(f).toEqual({ serviceIds: ['3'], gapMechanismIds: ['7'], detectionSources: ['SOCIAL_MEDIA', 'CUSTOMER_REPORT'] });
  });

  it('filters by the sources in the URL', () => {
    const params = new URLSearchParams('period=all&source=4,9');
    expect(toIncidentFilter(parseFilterParams(params), parseListParams(params), now)).toEqual({ sourceIds: ['4', '9'] });
  });

  it('leaves them out when absent', () => {
    const params = new URLSearchParams('period=all&q=dns');
    expect(toIncidentFilter(parseFilterParams(params), parseListParams(params), now)).toEqual({ search: 'dns' });
  });

  it('maps a histogram bar (time-to-resolve range) and the counted flag of chart drill-downs', () => {
    const params = new URLSearchParams('period=all&ttr=60-120&counted=1');
    expect(toIncidentFilter(parseFilterParams(params), parseListParams(params), now)).toEqual({
      inMetrics: true,
      resolveMinutesAtLeast: 60,
      resolveMinutesBelow: 120,
    });
    const open = new URLSearchParams('period=all&ttr=10080-');
    expect(toIncidentFilter(parseFilterParams(open), parseListParams(open), now)).toEqual({ resolveMinutesAtLeast: 10080 });
  });

  it('ignores a malformed or empty time-to-resolve range', () => {
    for (const ttr of ['abc', '120-60', '60-60', '-5', '']) {
      expect(parseListParams(new URLSearchParams({ ttr })).ttr).toBeNull();
    }
  });

  it('passes every picked team, service, severity, cause and source to the API as lists', () => {
    const params = new URLSearchParams('period=all&team=1,2&service=5&service=6&severity=SEV2,SEV4&cause=9,10&source=3');
    expect(toIncidentFilter(parseFilterParams(params), parseListParams(params), now)).toEqual({
      teamIds: ['1', '2'],
      serviceIds: ['5', '6'],
      severities: ['SEV2', 'SEV4'],
      rootCauseIds: ['9', '10'],
      sourceIds: ['3'],
    });
  });
});
