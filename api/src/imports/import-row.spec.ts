import { ImportFormat } from './import.enums';
import { normalizeRow, parseInstant } from './import-row';

const row = (values: Record<string, unknown>, format = ImportFormat.CSV) =>
  normalizeRow({ row: 7, values: { title: 'T', service: 'A', severity: 'SEV2', started_at: '2026-03-08T10:00:00Z', ...values } }, format);

describe('parseInstant', () => {
  it.each([
    ['2026-03-08T10:00:00Z', '2026-03-08T10:00:00.000000Z'],
    ['2026-03-08T12:00:00+02:00', '2026-03-08T10:00:00.000000Z'],
    ['2026-03-08 12:00:00.123456+0200', '2026-03-08T10:00:00.123456Z'],
    ['2026-03-08T10:00Z', '2026-03-08T10:00:00.000000Z'],
    ['2026-03-08T05:30:00.5-04:30', '2026-03-08T10:00:00.500000Z'],
  ])('%s is %s', (text, iso) => expect(parseInstant(text)).toMatchObject({ iso }));

  it('refuses a timestamp without zone instead of guessing', () => {
    expect(parseInstant('2026-03-08T10:00:00')).toBe('no-zone');
    expect(parseInstant('2026-03-08')).toBe('no-zone');
    expect(parseInstant('2026-02-30T10:00:00Z')).toBe('invalid');
    expect(parseInstant('yesterday')).toBe('invalid');
  });
});

describe('normalizeRow', () => {
  it('reads booleans, enums in any case and pairwise redundancy columns', () => {
    const { incident, errors } = row({
      private: 'Yes',
      exclude_from_metrics: '1',
      severity: 'sev1',
      detection_source: 'customer report',
      redundancy_mechanism: 'Multi-region;Multi-CDN;DNS',
      redundancy_outcome: 'MISSING;;worked',
      service: 'A; B ;a',
    });
    expect(errors).toEqual([]);
    expect(incident).toMatchObject({
      private: true,
      excludeFromMetrics: true,
      severity: 'SEV1',
      detectionSource: 'CUSTOMER_REPORT',
      services: ['a', 'B'],
    });
    expect(incident!.assessments).toEqual([
      { mechanism: 'Multi-region', outcome: 'MISSING' },
      { mechanism: 'DNS', outcome: 'WORKED' },
    ]);
  });

  it('reports every problem of a row, naming the field as the format spells it', () => {
    const { incident, errors } = row({ title: '', severity: 'P1', started_at: '2026-03-08T10:00:00', private: 'maybe' });
    expect(incident).toBeUndefined();
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [7, 'title'],
      [7, 'severity'],
      [7, 'started_at'],
      [7, 'private'],
    ]);
    const json = row({ resolved_at: '2026-03-08T09:00:00Z' }, ImportFormat.JSON);
    expect(json.errors).toEqual([
      { row: 7, field: 'resolvedAt', message: expect.stringMatching(/resolvedAt .* must not be before startedAt/) },
    ]);
  });

  it('sees phase order at microsecond precision', () => {
    const { errors } = row({ started_at: '2026-03-08T10:00:00.000002Z', detected_at: '2026-03-08T10:00:00.000001Z' });
    expect(errors.map((e) => e.field)).toEqual(['detected_at']);
  });

  it('derives a stable external id from the content when there is none', () => {
    const a = row({}).incident!.externalId;
    expect(a).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(row({ title: ' T ' }).incident!.externalId).toBe(a);
    expect(row({ title: 'U' }).incident!.externalId).not.toBe(a);
    expect(row({ external_id: 'x-1' }).incident!.externalId).toBe('x-1');
  });
});
