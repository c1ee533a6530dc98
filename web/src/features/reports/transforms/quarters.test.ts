import { previousQuarter, quarterOf, quarterRange, recentQuarters } from './quarters';

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
});
