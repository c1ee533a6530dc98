import { formatDate, formatDateTime } from '../../../charts/formatters';

const DAY = 86_400_000;

/** The UTC calendar day of a UTC midnight, as "YYYY-MM-DD" (which formatDate shows as that day in every zone). */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isUtcMidnight = (ms: number) => Number.isFinite(ms) && ms % DAY === 0;

export interface FormatPeriodOptions {
  /** Said for a period without a start; "…" unless given. */
  openStart?: string;
  /** The reader's zone unless given (for tests). */
  timeZone?: string;
}

/**
 * A period the API gave (`[start, end)`), in words. A bound at UTC midnight stands for a UTC calendar day
 * and is shown as that day in every zone; the exclusive end is shown as the last day included:
 * "01 Jul 2026 – 30 Sept 2026". An end that is not a day boundary (a period running to now) is an instant,
 * shown in the reader's zone: "08 Sept 2026 until 07 Dec 2026, 14:05".
 */
export function formatPeriod(start: string | null, end: string, options: FormatPeriodOptions = {}): string {
  const { openStart = '…', timeZone } = options;
  const startMs = start ? Date.parse(start) : NaN;
  const from = !start ? openStart : isUtcMidnight(startMs) ? formatDate(utcDay(startMs)) : formatDate(start, timeZone);
  const endMs = Date.parse(end);
  if (isUtcMidnight(endMs)) return `${from} – ${formatDate(utcDay(endMs - DAY))}`;
  return `${from} until ${formatDateTime(end, timeZone)}`;
}

/** The end of a period: its last day included when it ends at UTC midnight, else "until" the instant. */
export function formatPeriodEnd(end: string, timeZone?: string): string {
  const endMs = Date.parse(end);
  return isUtcMidnight(endMs) ? `the end of ${formatDate(utcDay(endMs - DAY))}` : formatDateTime(end, timeZone);
}
