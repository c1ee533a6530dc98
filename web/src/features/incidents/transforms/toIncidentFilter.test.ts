import { parseFilterParams } from '../../filters/transforms/filterParams';
import { parseListParams, toIncidentFilter } from './toIncidentFilter';

describe('toIncidentFilter', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('maps the chart click-through parameters (gap mechanism, detection source) to the API filter', () => {
    const params = new URLSearchParams('period=all&service=3&gap=7&detected=SOCIAL_MEDIA,CUSTOMER_REPORT');
    const f = toIncidentFilter(parseFilterParams(params), parseListParams(params), now);
    expect(f).toEqual({ serviceIds: ['3'], gapMechanismIds: ['7'], detectionSources: ['SOCIAL_MEDIA', 'CUSTOMER_REPORT'] });
  });

  it('leaves them out when absent', () => {
    const params = new URLSearchParams('period=all&q=dns');
    expect(toIncidentFilter(parseFilterParams(params), parseListParams(params), now)).toEqual({ search: 'dns' });
  });
});
