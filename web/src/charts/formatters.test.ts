import {
  countTicks,
  durationAxis,
  formatAvailability,
  formatChange,
  formatDate,
  formatDateTime,
  formatDuration,
  formatDurationCompact,
  formatPeriodLabel,
  formatUtc,
} from './formatters';
import { wrapLabel } from './ParetoChart';
import { heatColor, heatLegend } from './theme';

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
    expect(formatUtc('not a time')).toBe('');
  });
  it('shows an instant in the reader’s time zone, 24-hour', () => {
    expect(formatDateTime('2026-03-02T00:30:00Z', 'UTC')).toBe('02 Mar 2026, 00:30');
    expect(formatDateTime('2026-03-02T00:30:00Z', 'America/New_York')).toBe('01 Mar 2026, 19:30');
    expect(formatDateTime('2026-03-02T00:30:00Z', 'Asia/Kolkata')).toBe('02 Mar 2026, 06:00');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('garbage')).toBe('—');
  });
  it('shows an instant’s day in the reader’s zone, but a calendar date as that day everywhere', () => {
    expect(formatDate('2026-03-02T00:30:00Z', 'America/New_York')).toBe('01 Mar 2026');
    expect(formatDate('2026-03-02T00:30:00Z', 'Asia/Kolkata')).toBe('02 Mar 2026');
    expect(formatDate('2027-03-31')).toBe('31 Mar 2027');
    expect(formatDate('2027-02-30')).toBe('—');
    expect(formatDate(undefined)).toBe('—');
  });
  it('gives availability enough digits', () => {
    expect(formatAvailability(99.95)).toBe('99.950 %');
    expect(formatAvailability(97.5)).toBe('97.50 %');
  });
});

describe('formatDurationCompact', () => {
  it.each([
    [45, '45 min'],
    [192, '3.2 h'],
    [126, '2.1 h'],
    [60 * 30, '30 h'],
    [1440 * 2.5, '2.5 d'],
  ])('%s minutes → %s', (minutes, text) => {
    expect(formatDurationCompact(minutes)).toBe(text);
  });
});

describe('durationAxis', () => {
  it('gives round hour ticks rather than fractions (16.7 h max → 0, 4 h … 20 h)', () => {
    const a = durationAxis(16.7 * 60);
    expect(a.ticks.map(a.format)).toEqual(['0', '4 h', '8 h', '12 h', '16 h', '20 h']);
    expect(a.max).toBe(20 * 60);
  });
  it('uses minutes for short durations and days for long ones', () => {
    const short = durationAxis(42);
    expect(short.ticks.map(short.format)).toEqual(['0', '10 min', '20 min', '30 min', '40 min', '50 min']);
    const long = durationAxis(3.4 * 1440);
    expect(long.ticks.map(long.format)).toEqual(['0', '1 d', '2 d', '3 d', '4 d']);
  });
  it('has a sensible axis without data', () => {
    const a = durationAxis(null);
    expect(a.ticks.map(a.format)).toEqual(['0', '15 min', '30 min', '45 min', '60 min']);
  });
});

describe('countTicks', () => {
  it('steps 1, 2, 5 × 10ⁿ', () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(countTicks(230)).toEqual([0, 50, 100, 150, 200, 250]);
  });
});

describe('heatLegend', () => {
  it('gives each colour step its range of counts', () => {
    expect(heatLegend(10).map((b) => [b.from, b.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(heatLegend(2).map((b) => [b.from, b.to, b.color])).toEqual([
      [1, 1, heatColor(1, 2)],
      [2, 2, heatColor(2, 2)],
    ]);
    expect(heatLegend(0)).toEqual([]);
  });
});

describe('wrapLabel', () => {
  it('keeps short names, wraps long ones on a word into two lines, and cuts what is left', () => {
    expect(wrapLabel('DNS')).toEqual(['DNS']);
    expect(wrapLabel('Configuration change without review')).toEqual(['Configuration change', 'without review']);
    expect(wrapLabel('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilistice…']);
  });
});
