import { periodLabel, previousQuarter, quarterOf, quarterRange, recentQuarters } from './quarters';

describe('quarters', () => {
  it('gives a quarter as a UTC half-open range', () => {
    expect(quarterRange('2026-Q3')).toEqual({ id: '2026-Q3', from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' });
    expect(quarterRange('2026-Q5')).toBeNull();
  });
  it('steps back across years', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(quarterOf(new Date('2026-11-30T12:00:00Z'))).toBe('2026-Q4');
    expect(recentQuarters(new Date('2026-02-01T00:00:00Z'), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });
  it('names the period the API compared with: a quarter by its id, anything else by its days', () => {
    expect(periodLabel('2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')).toBe('2026-Q3');
    expect(periodLabel('2025-10-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe('2025-Q4');
    // UTC days shown as those days in any zone; the exclusive end as the last day included
    for (const timeZone of [undefined, 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect(periodLabel('2026-07-01T00:00:00.000Z', '2026-09-15T00:00:00.000Z', timeZone)).toBe('01 Jul 2026 – 14 Sept 2026');
      expect(periodLabel('2026-08-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', timeZone)).toBe('01 Aug 2026 – 31 Oct 2026');
      expect(periodLabel(null, '2026-10-01T00:00:00.000Z', timeZone)).toBe('… – 30 Sept 2026');
    }
  });
  it('says "until" the instant a period that ends off a day boundary runs to, in the given zone', () => {
    expect(periodLabel('2026-10-01T00:00:00.000Z', '2026-12-07T03:30:00.000Z', 'UTC')).toBe('01 Oct 2026 until 07 Dec 2026, 03:30');
    expect(periodLabel('2026-10-01T00:00:00.000Z', '2026-12-07T03:30:00.000Z', 'America/Los_Angeles')).toBe(
      '01 Oct 2026 until 06 Dec 2026, 19:30',
    );
  });
});
