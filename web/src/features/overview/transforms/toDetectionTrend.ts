import type { DetectionTrend, DetectionTrendRow, DetectionTrendSource } from '../../../charts/DetectionTrendChart';
import { formatPeriodLabel, type Granularity } from '../../../charts/formatters';
import { detectionLabel, isExternalSource } from './toDetectionSeries';

export interface TrendDetectionInput {
  periodStart: string;
  byDetection: readonly { source?: string | null; count: number }[];
}

/** Key of the "not recorded" source (a null source in the API). */
export const NOT_RECORDED = 'NOT_RECORDED';

// Inside the company first (monitoring at the bottom of each stack), then the outside sources, "not recorded" on top.
const stackOrder = ['MONITORING', 'INTERNAL_REPORT', 'OTHER', 'THIRD_PARTY', 'SOCIAL_MEDIA', 'CUSTOMER_REPORT', NOT_RECORDED];

const rank = (key: string) => {
  const i = stackOrder.indexOf(key);
  return i === -1 ? stackOrder.length - 1 : i;
};

/**
 * Trend buckets → one row per period (oldest first) with the incidents per detection source and each source's
 * share of the bucket. Every source seen with an incident anywhere in the trend gets a value in every bucket
 * (0 when absent); the shares of a bucket without incidents are null, not 0 %.
 */
export function toDetectionTrend(trend: readonly TrendDetectionInput[], granularity: Granularity): DetectionTrend {
  const seen = new Map<string, DetectionTrendSource>();
  for (const t of trend) {
    for (const d of t.byDetection) {
      if (d.count <= 0) continue;
      const key = d.source ?? NOT_RECORDED;
      if (!seen.has(key)) {
        seen.set(key, { key, source: d.source ?? null, label: detectionLabel(d.source), external: isExternalSource(d.source) });
      }
    }
  }
  const sources = [...seen.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  let total = 0;
  const rows = [...trend]
    .sort((a, b) => Date.parse(a.periodStart) - Date.parse(b.periodStart))
    .map((t): DetectionTrendRow => {
      const counts: Record<string, number> = Object.fromEntries(sources.map((s) => [s.key, 0]));
      for (const d of t.byDetection) {
        const key = d.source ?? NOT_RECORDED;
        if (key in counts) counts[key] += d.count;
      }
      const rowTotal = sources.reduce((sum, s) => sum + counts[s.key], 0);
      total += rowTotal;
      const share = (n: number) => (rowTotal > 0 ? n / rowTotal : null);
      const external = sources.filter((s) => s.external).reduce((sum, s) => sum + counts[s.key], 0);
      return {
        periodStart: t.periodStart,
        label: formatPeriodLabel(t.periodStart, granularity),
        total: rowTotal,
        counts,
        shares: Object.fromEntries(sources.map((s) => [s.key, share(counts[s.key])])),
        monitoringShare: share(counts.MONITORING ?? 0),
        externalShare: share(external),
      };
    });
  return { sources, rows, total };
}
