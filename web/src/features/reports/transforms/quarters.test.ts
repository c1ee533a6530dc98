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
    expect(periodLabel('2026-07-01T00:00:00.000Z', '2026-09-15T00:00:00.000Z')).toBe('2026-07-01 – 2026-09-14');
    expect(periodLabel('2026-08-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')).toBe('2026-08-01 – 2026-10-31');
    expect(periodLabel(null, '2026-10-01T00:00:00.000Z')).toBe('… – 2026-09-30');
  });
});
