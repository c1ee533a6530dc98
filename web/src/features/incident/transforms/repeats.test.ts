import { cameBackText, daysBetween, daysEarlierText, daysLaterText } from './repeats';

describe('repeat texts', () => {
  it('counts whole days between two starts, rounded down', () => {
    expect(daysBetween('2026-03-01T10:00:00Z', '2026-03-13T09:59:59Z')).toBe(11);
    expect(daysBetween('2026-03-01T10:00:00Z', '2026-03-13T10:00:00Z')).toBe(12);
    expect(daysBetween('2026-03-01T10:00:00Z', '2026-03-01T23:00:00Z')).toBe(0);
    // a leap day counts
    expect(daysBetween('2028-02-28T00:00:00Z', '2028-03-01T00:00:00Z')).toBe(2);
    expect(daysBetween('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(0);
    expect(daysBetween('not a date', '2026-03-01T00:00:00Z')).toBe(0);
  });

  it('says how much earlier or later', () => {
    expect(daysEarlierText(0)).toBe('less than a day earlier');
    expect(daysLaterText(0)).toBe('less than a day later');
    expect(daysEarlierText(1)).toBe('1 day earlier');
    expect(daysEarlierText(12)).toBe('12 days earlier');
    expect(daysLaterText(1)).toBe('1 day later');
    expect(daysLaterText(30)).toBe('30 days later');
  });

  it('says how often it came back', () => {
    expect(cameBackText(1)).toBe('Came back once');
    expect(cameBackText(3)).toBe('Came back 3 times');
  });
});
