import { formatPeriodLabel, type Granularity } from '../../../charts/formatters';
import type { MttrPoint } from '../../../charts/MttrTrendChart';

export interface TrendStatInput {
  periodStart: string;
  timeToResolve: {
    count: number;
    meanMinutes?: number | null;
    medianMinutes?: number | null;
    p90Minutes?: number | null;
    /** The API's flag (DurationStat.smallSample); the web app does not apply a rule of its own. */
    smallSample: boolean;
  };
}

/**
 * Trend buckets → time-to-resolve points (mean, median, p90), oldest first. A bucket without resolved
 * incidents is a gap (nulls), never zero; a bucket the API flags as a small sample is marked as one (a gap has nothing to mark).
 */
export function toMttrSeries(trend: readonly TrendStatInput[], granularity: Granularity): MttrPoint[] {
  return [...trend]
    .sort((a, b) => Date.parse(a.periodStart) - Date.parse(b.periodStart))
    .map((t) => ({
      periodStart: t.periodStart,
      label: formatPeriodLabel(t.periodStart, granularity),
      meanMinutes: t.timeToResolve.count > 0 ? (t.timeToResolve.meanMinutes ?? null) : null,
      medianMinutes: t.timeToResolve.count > 0 ? (t.timeToResolve.medianMinutes ?? null) : null,
      p90Minutes: t.timeToResolve.count > 0 ? (t.timeToResolve.p90Minutes ?? null) : null,
      count: t.timeToResolve.count,
      smallSample: t.timeToResolve.count > 0 && t.timeToResolve.smallSample,
    }));
}
