import { formatPeriod } from '../../overview/transforms/formatPeriod';

export interface Quarter {
  /** e.g. "2026-Q3" */
  id: string;
  from: string;
  to: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3" → `[2026-07-01, 2026-10-01)` in UTC; null when malformed. */
export function quarterRange(id: string): Quarter | null {
  const m = QUARTER.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return {
    id,
    from: new Date(Date.UTC(year, (q - 1) * 3, 1)).toISOString(),
    to: new Date(Date.UTC(year, q * 3, 1)).toISOString(),
  };
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function previousQuarter(id: string): string | null {
  const m = QUARTER.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The current quarter and the `count − 1` before it, newest first. */
export function recentQuarters(now: Date, count = 8): string[] {
  const out = [quarterOf(now)];
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]) as string);
  return out;
}

/**
 * A period the API gave, in words: "2026-Q2" when it is exactly a calendar quarter, else its first and
 * last day ("01 Apr 2026 – 15 May 2026", see formatPeriod); `end` is exclusive.
 */
export function periodLabel(start: string | null, end: string, timeZone?: string): string {
  if (start) {
    const id = quarterOf(new Date(start));
    const q = quarterRange(id);
    if (q && Date.parse(q.from) === Date.parse(start) && Date.parse(q.to) === Date.parse(end)) return id;
  }
  return formatPeriod(start, end, { timeZone });
}
