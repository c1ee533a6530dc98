import { parseFilterParams } from '../../filters/transforms/filterParams';
import { parseListParams, toIncidentFilter } from './toIncidentFilter';
import { toExportUrl } from './toExportUrl';

const now = new Date('2026-11-30T12:00:00Z');
const exportOf = (query: string) => {
  const params = new URLSearchParams(query);
  return toExportUrl(toIncidentFilter(parseFilterParams(params), parseListParams(params), now));
};

describe('toExportUrl', () => {
  it('exports everything without filters', () => {
    expect(exportOf('period=all')).toEqual({ url: '/api/export/incidents.csv', dropped: [] });
  });

  it('carries the period, lists, search and drill-down filters as the endpoint’s parameters', () => {
    const { url, dropped } = exportOf(
      'period=30d&team=2&service=3,5&severity=SEV1,SEV2&cause=9&status=MITIGATED&kind=INCIDENT&q=dns&gap=7&detected=CUSTOMER_REPORT&counted=1&ttr=60-120',
    );
    expect(dropped).toEqual([]);
    const q = new URL(url, 'http://x').searchParams;
    expect(new URL(url, 'http://x').pathname).toBe('/api/export/incidents.csv');
    expect(Object.fromEntries(q)).toEqual({
      from: '2026-10-31T00:00:00.000Z',
      teamIds: '2',
      serviceIds: '3,5',
      severities: 'SEV1,SEV2',
      rootCauseIds: '9',
      statuses: 'MITIGATED',
      kinds: 'INCIDENT',
      search: 'dns',
      gapMechanismIds: '7',
      detectionSources: 'CUSTOMER_REPORT',
      inMetrics: 'true',
      resolveMinutesAtLeast: '60',
      resolveMinutesBelow: '120',
    });
  });

  it('carries the source filter', () => {
    const { url, dropped } = exportOf('period=all&source=4');
    expect(url).toBe('/api/export/incidents.csv?sourceIds=4');
    expect(dropped).toEqual([]);
  });

  it('exports the same multi-selection as the list, whether the link repeats the parameters or lists them', () => {
    const listed = exportOf('period=all&team=1,2&severity=SEV1,SEV3&cause=7,8&source=4,5');
    const repeated = exportOf('period=all&team=1&team=2&severity=SEV1&severity=SEV3&cause=7&cause=8&source=4&source=5');
    expect(repeated).toEqual(listed);
    expect(listed.dropped).toEqual([]);
    expect(Object.fromEntries(new URL(listed.url, 'http://x').searchParams)).toEqual({
      teamIds: '1,2',
      severities: 'SEV1,SEV3',
      rootCauseIds: '7,8',
      sourceIds: '4,5',
    });
  });
});
