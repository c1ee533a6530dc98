import { formatChange, formatDuration, formatPeriodLabel, formatUtc, formatAvailability } from './formatters';

describe('formatDuration', () => {
  it.each([
    [192, '3 h 12 min'],
    [180, '3 h'],
    [12, '12 min'],
    [0.5, '30 s'],
    [0, '0 s'],
    [59.6, '1 h'],
    [1440, '1 d'],
    [1440 + 4 * 60 + 30, '1 d 4 h'],
    [-90, '−1 h 30 min'],
  ])('%s minutes → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('shows a dash for missing values', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatChange', () => {
  it('marks fewer incidents as better', () => {
    expect(formatChange(8, 10)).toEqual({ text: '▼ 20 % vs previous', tone: 'better' });
  });
  it('marks lower availability as worse when higher is better', () => {
    expect(formatChange(0.5, 1, false).tone).toBe('worse');
  });
  it('handles a zero baseline and missing data', () => {
    expect(formatChange(3, 0)).toEqual({ text: 'new (was 0)', tone: 'worse' });
    expect(formatChange(0, 0).text).toBe('no change');
    expect(formatChange(null, 4).tone).toBe('neutral');
  });
});

describe('period labels and times', () => {
  it('labels buckets in UTC', () => {
    expect(formatPeriodLabel('2026-07-01T00:00:00Z', 'QUARTER')).toBe('2026 Q3');
    expect(formatPeriodLabel('2026-02-01T00:00:00Z', 'MONTH')).toBe('Feb 2026');
    expect(formatPeriodLabel('2026-03-02T00:00:00Z', 'WEEK')).toBe('02 Mar 26');
  });
  it('formats UTC for hover titles', () => {
    expect(formatUtc('2026-03-02T10:04:05.123Z')).toBe('2026-03-02 10:04:05 UTC');
  });
  it('gives availability enough digits', () => {
    expect(formatAvailability(99.95)).toBe('99.950 %');
    expect(formatAvailability(97.5)).toBe('97.50 %');
  });
});
