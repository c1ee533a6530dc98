import { formatDuration } from '../../../charts/formatters';
import type { HistogramPoint } from '../../../charts/DurationHistogramChart';

export interface HistogramBucketInput {
  fromMinutes: number;
  toMinutes?: number | null;
  count: number;
}

/** Histogram buckets → labelled bars ("1 h–4 h", "≥ 1 d"), shortest first. */
export function toHistogramSeries(buckets: readonly HistogramBucketInput[]): HistogramPoint[] {
  return [...buckets]
    .sort((a, b) => a.fromMinutes - b.fromMinutes)
    .map((b) => ({
      label:
        b.toMinutes == null
          ? `≥ ${formatDuration(b.fromMinutes)}`
          : b.fromMinutes === 0
            ? `< ${formatDuration(b.toMinutes)}`
            : `${formatDuration(b.fromMinutes)}–${formatDuration(b.toMinutes)}`,
      fromMinutes: b.fromMinutes,
      toMinutes: b.toMinutes ?? null,
      count: b.count,
    }));
}
