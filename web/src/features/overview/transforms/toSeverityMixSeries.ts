import { formatPeriodLabel, type Granularity } from '../../../charts/formatters';
import type { SeverityMixRow } from '../../../charts/SeverityMixChart';

export interface TrendSeverityInput {
  periodStart: string;
  bySeverity: readonly { severity: string; count: number }[];
}

/** Trend buckets → one stacked row per period with a count per severity. */
export function toSeverityMixSeries(trend: readonly TrendSeverityInput[], granularity: Granularity): SeverityMixRow[] {
  return [...trend]
    .sort((a, b) => Date.parse(a.periodStart) - Date.parse(b.periodStart))
    .map((t) => {
      const row: SeverityMixRow = {
        periodStart: t.periodStart,
        label: formatPeriodLabel(t.periodStart, granularity),
        SEV1: 0,
        SEV2: 0,
        SEV3: 0,
        SEV4: 0,
        total: 0,
      };
      for (const s of t.bySeverity) {
        if (s.severity === 'SEV1' || s.severity === 'SEV2' || s.severity === 'SEV3' || s.severity === 'SEV4') {
          row[s.severity] += s.count;
          row.total += s.count;
        }
      }
      return row;
    });
}
