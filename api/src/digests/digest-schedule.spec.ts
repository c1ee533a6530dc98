import { coveredPeriod, nextRunAfter, periodStart } from './digest-schedule';

const d = (iso: string) => new Date(iso);
const iso = (x: Date) => x.toISOString();

describe('digest schedule', () => {
  it('WEEKLY: covers the previous Monday–Monday and sends on Monday 08:00 UTC', () => {
    // 2026-12-07 is a Monday
    expect(iso(periodStart('WEEKLY', d('2026-12-09T15:00:00Z')))).toBe('2026-12-07T00:00:00.000Z');
    expect(iso(periodStart('WEEKLY', d('2026-12-13T23:59:59Z')))).toBe('2026-12-07T00:00:00.000Z'); // Sunday
    expect(coveredPeriod('WEEKLY', d('2026-12-07T08:00:00Z'))).toEqual({ from: d('2026-11-30T00:00:00Z'), to: d('2026-12-07T00:00:00Z') });
    expect(coveredPeriod('WEEKLY', d('2026-12-13T20:00:00Z'))).toEqual({ from: d('2026-11-30T00:00:00Z'), to: d('2026-12-07T00:00:00Z') });
    expect(iso(nextRunAfter('WEEKLY', d('2026-12-07T07:59:59Z')))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(nextRunAfter('WEEKLY', d('2026-12-07T08:00:00Z')))).toBe('2026-12-14T08:00:00.000Z');
    expect(iso(nextRunAfter('WEEKLY', d('2026-12-10T12:00:00Z')))).toBe('2026-12-14T08:00:00.000Z');
    // across a year end: Monday 2027-01-04
    expect(iso(nextRunAfter('WEEKLY', d('2026-12-31T12:00:00Z')))).toBe('2027-01-04T08:00:00.000Z');
  });

  it('MONTHLY: covers the previous calendar month and sends on the 1st 08:00 UTC', () => {
    expect(coveredPeriod('MONTHLY', d('2026-12-01T08:00:00Z'))).toEqual({ from: d('2026-11-01T00:00:00Z'), to: d('2026-12-01T00:00:00Z') });
    expect(coveredPeriod('MONTHLY', d('2027-01-15T00:00:00Z'))).toEqual({ from: d('2026-12-01T00:00:00Z'), to: d('2027-01-01T00:00:00Z') });
    expect(coveredPeriod('MONTHLY', d('2028-03-01T08:00:00Z'))).toEqual({ from: d('2028-02-01T00:00:00Z'), to: d('2028-03-01T00:00:00Z') });
    expect(iso(nextRunAfter('MONTHLY', d('2026-12-07T13:00:00Z')))).toBe('2027-01-01T08:00:00.000Z');
    expect(iso(nextRunAfter('MONTHLY', d('2026-12-01T07:00:00Z')))).toBe('2026-12-01T08:00:00.000Z');
    expect(iso(nextRunAfter('MONTHLY', d('2026-12-01T08:00:00Z')))).toBe('2027-01-01T08:00:00.000Z');
  });

  it('QUARTERLY: covers the previous calendar quarter and sends on the 1st of Jan/Apr/Jul/Oct 08:00 UTC', () => {
    expect(coveredPeriod('QUARTERLY', d('2026-12-07T13:00:00Z'))).toEqual({
      from: d('2026-07-01T00:00:00Z'),
      to: d('2026-10-01T00:00:00Z'),
    });
    expect(coveredPeriod('QUARTERLY', d('2027-01-01T08:00:00Z'))).toEqual({
      from: d('2026-10-01T00:00:00Z'),
      to: d('2027-01-01T00:00:00Z'),
    });
    expect(coveredPeriod('QUARTERLY', d('2026-02-10T00:00:00Z'))).toEqual({
      from: d('2025-10-01T00:00:00Z'),
      to: d('2026-01-01T00:00:00Z'),
    });
    expect(iso(nextRunAfter('QUARTERLY', d('2026-12-07T13:00:00Z')))).toBe('2027-01-01T08:00:00.000Z');
    expect(iso(nextRunAfter('QUARTERLY', d('2026-04-01T08:00:00Z')))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(nextRunAfter('QUARTERLY', d('2026-03-31T23:00:00Z')))).toBe('2026-04-01T08:00:00.000Z');
  });

  it('a run at its send time covers the period that just ended, and the next run is one period later', () => {
    for (const s of ['WEEKLY', 'MONTHLY', 'QUARTERLY'] as const) {
      let at = d('2026-01-01T00:00:00Z');
      for (let n = 0; n < 30; n++) {
        const run = nextRunAfter(s, at);
        const { from, to } = coveredPeriod(s, run);
        expect(run.getTime() - to.getTime()).toBe(8 * 3600_000);
        expect(from.getTime()).toBeLessThan(to.getTime());
        expect(coveredPeriod(s, new Date(from.getTime() + 8 * 3600_000)).to.getTime()).toBe(from.getTime());
        at = run;
      }
    }
  });
});
