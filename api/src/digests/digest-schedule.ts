/**
 * When a digest is sent and which period it covers (pure; UTC throughout).
 *
 * A digest covers the last complete period before its run: WEEKLY the previous Monday–Monday, MONTHLY the
 * previous calendar month, QUARTERLY the previous calendar quarter. The schedule sends at 08:00 UTC on the
 * first day of the next period (Monday; the 1st of the month; the 1st of January, April, July, October).
 */
export type DigestScheduleName = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY';

const DAY = 86_400_000;
/** The hour (UTC) the schedule sends at. */
export const SEND_HOUR_UTC = 8;

/** The start (00:00 UTC) of the period of `schedule` that contains `at`. */
export function periodStart(schedule: DigestScheduleName, at: Date): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (schedule === 'WEEKLY') {
    const midnight = Date.UTC(y, m, at.getUTCDate());
    const sinceMonday = (at.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    return new Date(midnight - sinceMonday * DAY);
  }
  if (schedule === 'MONTHLY') return new Date(Date.UTC(y, m, 1));
  return new Date(Date.UTC(y, m - (m % 3), 1));
}

/** The period after the one starting at `start`. */
function nextStart(schedule: DigestScheduleName, start: Date): Date {
  if (schedule === 'WEEKLY') return new Date(start.getTime() + 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (schedule === 'MONTHLY' ? 1 : 3), 1));
}

/** The period before the one starting at `start`. */
function previousStart(schedule: DigestScheduleName, start: Date): Date {
  if (schedule === 'WEEKLY') return new Date(start.getTime() - 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - (schedule === 'MONTHLY' ? 1 : 3), 1));
}

/** The last complete period before `at`: [from, to), `to` being the start of the period containing `at`. */
export function coveredPeriod(schedule: DigestScheduleName, at: Date): { from: Date; to: Date } {
  const to = periodStart(schedule, at);
  return { from: previousStart(schedule, to), to };
}

/** The first send time strictly after `at`: 08:00 UTC on the first day of a period. */
export function nextRunAfter(schedule: DigestScheduleName, at: Date): Date {
  const start = periodStart(schedule, at);
  const here = new Date(start.getTime() + SEND_HOUR_UTC * 3600_000);
  if (here.getTime() > at.getTime()) return here;
  return new Date(nextStart(schedule, start).getTime() + SEND_HOUR_UTC * 3600_000);
}
