import { formatPeriod, formatPeriodEnd } from './formatPeriod';

// Run also with TZ=America/Los_Angeles: the cases without a zone must not depend on the reader's zone.
describe('formatPeriod', () => {
  it('shows UTC-midnight bounds as their UTC days and the exclusive end as the last day included', () => {
    expect(formatPeriod('2026-09-08T00:00:00.000Z', '2026-12-07T00:00:00.000Z')).toBe('08 Sept 2026 – 06 Dec 2026');
    expect(formatPeriod('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toBe('01 Jan 2026 – 01 Jan 2026');
    // across a year and a leap day
    expect(formatPeriod('2027-12-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z')).toBe('01 Dec 2027 – 29 Feb 2028');
  });

  it('does not shift UTC days in a zone west or east of UTC', () => {
    for (const timeZone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      expect(formatPeriod('2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', { timeZone })).toBe('01 Jul 2026 – 30 Sept 2026');
    }
  });

  it('says "until" an end that is an instant (a period running to now), in the reader\'s zone', () => {
    const end = '2026-12-07T03:30:00.000Z';
    expect(formatPeriod('2026-09-08T00:00:00.000Z', end, { timeZone: 'UTC' })).toBe('08 Sept 2026 until 07 Dec 2026, 03:30');
    expect(formatPeriod('2026-09-08T00:00:00.000Z', end, { timeZone: 'America/Los_Angeles' })).toBe(
      '08 Sept 2026 until 06 Dec 2026, 19:30',
    );
  });

  it("shows a start that is an instant on its day in the reader's zone", () => {
    const start = '2026-03-01T02:00:00.000Z';
    expect(formatPeriod(start, '2026-04-01T00:00:00.000Z', { timeZone: 'UTC' })).toBe('01 Mar 2026 – 31 Mar 2026');
    expect(formatPeriod(start, '2026-04-01T00:00:00.000Z', { timeZone: 'America/Los_Angeles' })).toBe('28 Feb 2026 – 31 Mar 2026');
  });

  it('names an open start', () => {
    expect(formatPeriod(null, '2026-10-01T00:00:00.000Z')).toBe('… – 30 Sept 2026');
    expect(formatPeriod(null, '2026-10-01T00:00:00.000Z', { openStart: 'Since the first incident' })).toBe(
      'Since the first incident – 30 Sept 2026',
    );
  });
});

describe('formatPeriodEnd', () => {
  it("gives the last day included for a UTC-midnight end, else the instant in the reader's zone", () => {
    expect(formatPeriodEnd('2026-10-01T00:00:00.000Z')).toBe('the end of 30 Sept 2026');
    expect(formatPeriodEnd('2026-10-01T00:00:00.000Z', 'America/Los_Angeles')).toBe('the end of 30 Sept 2026');
    expect(formatPeriodEnd('2026-12-07T03:30:00.000Z', 'UTC')).toBe('07 Dec 2026, 03:30');
    expect(formatPeriodEnd('2026-12-07T03:30:00.000Z', 'America/Los_Angeles')).toBe('06 Dec 2026, 19:30');
  });
});
